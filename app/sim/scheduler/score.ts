/**
 * The default profile's Score plugins that apply without volumes, spreading or images, with their
 * weights (getDefaultPlugins; reference cluster.md S1.13): TaintToleration ×3, NodeAffinity ×2,
 * NodeResourcesFit (LeastAllocated) ×1, NodeResourcesBalancedAllocation ×1. Ties go to the lowest
 * node name (S1.14): upstream picks at random among the best; a playground must give the same
 * placement on every run, and by-name (rather than a seeded draw) is what a reader can predict.
 */
import { termMatches } from '../../k8s/nodeMatch.ts';
import { nonZeroRequests, podRequests } from './resources.ts';
import { tolerated } from './taints.ts';
import type { NodeInfo, SchedPod } from './types.ts';

export const MAX_NODE_SCORE = 100;

/** helper.DefaultNormalizeScore. */
export function normalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((s) => {
    const n = Math.trunc((MAX_NODE_SCORE * s) / max);
    return reverse ? MAX_NODE_SCORE - n : n;
  });
}

/** tainttoleration Score: untolerated PreferNoSchedule taints (tolerations with that effect or none). */
export function taintScore(pod: SchedPod, info: NodeInfo): number {
  const tols = (pod.spec.tolerations ?? []).filter(
    (t) => !t.effect || t.effect === 'PreferNoSchedule',
  );
  return info.node.taints.filter((t) => t.effect === 'PreferNoSchedule' && !tolerated(tols, t))
    .length;
}

/** nodeaffinity Score: the weights of the preferred terms the node matches. */
export function affinityScore(pod: SchedPod, info: NodeInfo): number {
  const terms =
    pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  let sum = 0;
  for (const t of terms)
    if (t.weight !== 0 && termMatches(t.preference, info.node)) sum += t.weight;
  return sum;
}

/** noderesources LeastAllocated over cpu and memory (weight 1 each), non-zero requests. */
export function leastAllocatedScore(pod: SchedPod, info: NodeInfo): number {
  const req = nonZeroRequests(pod.spec);
  for (const p of info.pods) {
    const r = nonZeroRequests(p.spec);
    req.cpu += r.cpu;
    req.memory += r.memory;
  }
  const one = (requested: number, capacity: number) =>
    capacity === 0 || requested > capacity
      ? 0
      : Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
  const cpu = one(req.cpu, info.node.allocatable.cpu ?? 0);
  const mem = one(req.memory, info.node.allocatable.memory ?? 0);
  return Math.trunc((cpu + mem) / 2);
}

/** noderesources BalancedAllocation (requested fractions of cpu and memory, capped at 1). */
export function balancedScore(pod: SchedPod, info: NodeInfo): number {
  const req = podRequests(pod.spec);
  let cpu = req.cpu ?? 0;
  let mem = req.memory ?? 0;
  for (const p of info.pods) {
    const r = podRequests(p.spec);
    cpu += r.cpu ?? 0;
    mem += r.memory ?? 0;
  }
  const frac = (v: number, cap: number) => (cap > 0 ? Math.min(1, v / cap) : 1);
  const f1 = frac(cpu, info.node.allocatable.cpu ?? 0);
  const f2 = frac(mem, info.node.allocatable.memory ?? 0);
  return Math.trunc((1 - Math.abs(f1 - f2) / 2) * MAX_NODE_SCORE);
}

/** A pod without any cpu or memory request: BalancedAllocation's PreScore skips it. */
function bestEffort(pod: SchedPod): boolean {
  const r = podRequests(pod.spec);
  return !r.cpu && !r.memory;
}

export interface NodeScore {
  name: string;
  total: number;
}

export function scoreNodes(pod: SchedPod, feasible: readonly NodeInfo[]): NodeScore[] {
  const taints = normalize(
    feasible.map((i) => taintScore(pod, i)),
    true,
  );
  const affinity = normalize(
    feasible.map((i) => affinityScore(pod, i)),
    false,
  );
  const skipBalanced = bestEffort(pod);
  return feasible.map((info, i) => ({
    name: info.node.name,
    total:
      3 * (taints[i] ?? 0) +
      2 * (affinity[i] ?? 0) +
      leastAllocatedScore(pod, info) +
      (skipBalanced ? 0 : balancedScore(pod, info)),
  }));
}

/** The best total; ties to the lowest node name. */
export function selectHost(scores: readonly NodeScore[]): string | undefined {
  let best: NodeScore | undefined;
  for (const s of scores)
    if (!best || s.total > best.total || (s.total === best.total && s.name < best.name)) best = s;
  return best?.name;
}
