/**
 * The DaemonSet rolling update (k/k pkg/controller/daemon/update.go rollingUpdate,
 * updatedDesiredNodeCounts, findUpdatedPodsOnNode): pure — the pods to delete and the nodes to
 * create on, which syncNodes then carries out. Without surge, old pods are deleted so that no more
 * than maxUnavailable nodes are without an available pod and the manage loop recreates them; with
 * surge, a new pod starts beside an old one and the old one goes once the new one is available.
 */
import { isPodAvailable } from '../controller_utils.ts';
import { scaledValue } from '../deployment/util.ts';
import type { CtlNode, CtlPod, DaemonSetObject } from '../types.ts';
import { isPodUpdated, nodeShouldRunDaemonPod, templateGeneration } from './util.ts';

export interface UpdatePlan {
  toDelete: string[];
  toCreate: string[];
}

/**
 * updatedDesiredNodeCounts: maxSurge and maxUnavailable scaled (rounded up) to the nodes that
 * should run the pod, which also get an (empty) entry; both 0 → maxUnavailable 1.
 */
function desiredCounts(
  ds: DaemonSetObject,
  nodes: readonly CtlNode[],
  byNode: Map<string, CtlPod[]>,
): { maxSurge: number; maxUnavailable: number; desired: number } {
  let desired = 0;
  for (const n of nodes) {
    if (!nodeShouldRunDaemonPod(n, ds).shouldRun) continue;
    desired++;
    if (!byNode.has(n.name)) byNode.set(n.name, []);
  }
  const ru = ds.spec.updateStrategy.rollingUpdate;
  const maxUnavailable = scaledValue(ru?.maxUnavailable ?? 1, desired, true);
  const maxSurge = scaledValue(ru?.maxSurge ?? 0, desired, true);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0)
    return { maxSurge, maxUnavailable: 1, desired };
  return { maxSurge, maxUnavailable, desired };
}

/** findUpdatedPodsOnNode: at most one new and one old live pod, else `ok` false. */
function podsOnNode(ds: DaemonSetObject, pods: readonly CtlPod[], hash: string) {
  let newPod: CtlPod | undefined;
  let oldPod: CtlPod | undefined;
  const gen = templateGeneration(ds);
  for (const p of pods) {
    if (p.deleting) continue;
    if (isPodUpdated(p, hash, gen)) {
      if (newPod) return { ok: false as const };
      newPod = p;
    } else {
      if (oldPod) return { ok: false as const };
      oldPod = p;
    }
  }
  return { ok: true as const, newPod, oldPod };
}

const byName = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The maxSurge = 0 branch: delete old pods within the unavailability budget. */
function withoutSurge(
  ds: DaemonSetObject,
  byNode: Map<string, CtlPod[]>,
  maxUnavailable: number,
  hash: string,
  now: number,
): UpdatePlan {
  const mrs = ds.spec.minReadySeconds;
  let numUnavailable = 0;
  const allowed: string[] = [];
  const candidates: string[] = [];
  for (const [, pods] of byName(byNode)) {
    const r = podsOnNode(ds, pods, hash);
    if (!r.ok || (!r.oldPod && !r.newPod) || (r.oldPod && r.newPod)) {
      // The manage loop creates or prunes here: count the node as unavailable.
      numUnavailable++;
    } else if (r.newPod) {
      if (!isPodAvailable(r.newPod, mrs, now)) numUnavailable++;
    } else if (r.oldPod && !isPodAvailable(r.oldPod, mrs, now)) {
      allowed.push(r.oldPod.name);
      numUnavailable++;
    } else if (r.oldPod && numUnavailable < maxUnavailable) candidates.push(r.oldPod.name);
  }
  const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
  return { toDelete: [...allowed, ...candidates.slice(0, remaining)], toCreate: [] };
}

/** The surge branch: create beside old pods within maxSurge, delete old ones once replaced. */
function withSurge(
  ds: DaemonSetObject,
  nodes: readonly CtlNode[],
  byNode: Map<string, CtlPod[]>,
  counts: { maxSurge: number; desired: number },
  hash: string,
  now: number,
): UpdatePlan {
  const mrs = ds.spec.minReadySeconds;
  const shouldRun = (name: string) => {
    const n = nodes.find((x) => x.name === name);
    return n !== undefined && nodeShouldRunDaemonPod(n, ds).shouldRun;
  };
  const toDelete: string[] = [];
  const sunset: string[] = [];
  const candidates: string[] = [];
  const allowed: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const [node, pods] of byName(byNode)) {
    const r = podsOnNode(ds, pods, hash);
    if (!r.ok) {
      numSurge++;
      continue;
    }
    const counted = r.oldPod ?? r.newPod;
    if (counted && isPodAvailable(counted, mrs, now)) numAvailable++;
    if (!r.oldPod) continue;
    if (!r.newPod) {
      if (!isPodAvailable(r.oldPod, mrs, now)) {
        if (!shouldRun(node)) toDelete.push(r.oldPod.name);
        else allowed.push(node);
      } else if (!shouldRun(node)) sunset.push(r.oldPod.name);
      else if (numSurge < counts.maxSurge) candidates.push(node);
    } else if (!isPodAvailable(r.newPod, mrs, now)) numSurge++;
    else toDelete.push(r.oldPod.name);
  }
  // With maxSurge the owner expects full availability: a pod on a node it should leave goes only
  // once another pod is available in its place.
  const deletable = Math.min(Math.max(0, numAvailable - counts.desired), sunset.length);
  toDelete.push(...sunset.slice(0, deletable));
  const remaining = Math.min(Math.max(0, counts.maxSurge - numSurge), candidates.length);
  return { toDelete, toCreate: [...allowed, ...candidates.slice(0, remaining)] };
}

export function rollingUpdate(
  ds: DaemonSetObject,
  nodes: readonly CtlNode[],
  byNode: Map<string, CtlPod[]>,
  hash: string,
  now: number,
): UpdatePlan {
  const counts = desiredCounts(ds, nodes, byNode);
  if (counts.maxSurge === 0) return withoutSurge(ds, byNode, counts.maxUnavailable, hash, now);
  return withSurge(ds, nodes, byNode, counts, hash, now);
}
