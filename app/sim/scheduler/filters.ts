/**
 * The default profile's Filter plugins in their order (apis/config/v1/default_plugins.go:
 * getDefaultPlugins; framework/runtime RunFilterPlugins stops at a node's first rejection, S1.3).
 * Each returns undefined when the node passes. Reason strings are those of
 * pkg/scheduler/framework/plugins/<plugin> for v1.34 (reference cluster.md S1.11).
 */
import { podMatchesNodeLabels } from '../../k8s/nodeMatch.ts';
import { podRequests } from './resources.ts';
import { firstUntolerated, tolerated } from './taints.ts';
import type { NodeInfo, Rejection, SchedPod } from './types.ts';

export type Filter = (pod: SchedPod, info: NodeInfo) => Rejection | undefined;

export const ERR_UNSCHEDULABLE = 'node(s) were unschedulable';
export const ERR_NODE_NAME = "node(s) didn't match the requested node name";
export const ERR_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const ERR_PORTS = "node(s) didn't have free ports for the requested pod ports";

/** nodeunschedulable: spec.unschedulable, unless the pod tolerates the unschedulable taint. */
export const nodeUnschedulable: Filter = (pod, { node }) => {
  if (!node.unschedulable) return undefined;
  const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
  if (tolerated(pod.spec.tolerations ?? [], taint)) return undefined;
  return { plugin: 'NodeUnschedulable', code: 'U', reasons: [ERR_UNSCHEDULABLE] };
};

/** nodename: a pod that names a node fits only that node. */
export const nodeName: Filter = (pod, { node }) =>
  pod.spec.nodeName && pod.spec.nodeName !== node.name
    ? { plugin: 'NodeName', code: 'U', reasons: [ERR_NODE_NAME] }
    : undefined;

/**
 * tainttoleration Filter: NoSchedule and NoExecute taints only; 1.34.0 wording names the first
 * untolerated taint as `{KEY: VALUE}` (1.35 and later 1.34 patches: `node(s) had untolerated taint(s)`).
 */
export const taintToleration: Filter = (pod, { node }) => {
  const t = firstUntolerated(node.taints, pod.spec.tolerations ?? [], ['NoSchedule', 'NoExecute']);
  if (!t) return undefined;
  return {
    plugin: 'TaintToleration',
    code: 'U',
    reasons: [`node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`],
  };
};

/** nodeaffinity: nodeSelector and required node affinity. */
export const nodeAffinity: Filter = (pod, { node }) =>
  podMatchesNodeLabels(pod.spec, node)
    ? undefined
    : { plugin: 'NodeAffinity', code: 'U', reasons: [ERR_AFFINITY] };

interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** util.GetContainerPorts: the host ports of containers (and sidecars, which keep running). */
export function hostPorts(pod: SchedPod): HostPort[] {
  const out: HostPort[] = [];
  const ctrs = [
    ...pod.spec.containers,
    ...(pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'),
  ];
  for (const c of ctrs)
    for (const p of c.ports ?? [])
      if (p.hostPort && p.hostPort > 0)
        out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol ?? 'TCP', port: p.hostPort });
  return out;
}

/** HostPortInfo.CheckConflict: same protocol and port, and the same IP or either is 0.0.0.0. */
function conflicts(a: HostPort, b: HostPort): boolean {
  return (
    a.protocol === b.protocol &&
    a.port === b.port &&
    (a.ip === b.ip || a.ip === '0.0.0.0' || b.ip === '0.0.0.0')
  );
}

export const nodePorts: Filter = (pod, info) => {
  const want = hostPorts(pod);
  if (want.length === 0) return undefined;
  const used = info.pods.flatMap(hostPorts);
  return want.some((w) => used.some((u) => conflicts(w, u)))
    ? { plugin: 'NodePorts', code: 'S', reasons: [ERR_PORTS] }
    : undefined;
};

/**
 * noderesources Fit (fitsRequest): the pod count, then each requested resource against allocatable
 * minus what the node's pods request (strict). A request larger than the node's whole allocatable
 * cannot be helped by preemption: UnschedulableAndUnresolvable.
 */
export const nodeResourcesFit: Filter = (pod, info) => {
  const reasons: string[] = [];
  let unresolvable = false;
  const alloc = info.node.allocatable;
  if (info.pods.length + 1 > (alloc.pods ?? 0)) reasons.push('Too many pods');
  const req = podRequests(pod.spec);
  const used: Record<string, number> = {};
  for (const p of info.pods)
    for (const [k, v] of Object.entries(podRequests(p.spec))) used[k] = (used[k] ?? 0) + v;
  const order = ['cpu', 'memory', 'ephemeral-storage'];
  const names = [
    ...order.filter((k) => (req[k] ?? 0) > 0),
    ...Object.keys(req)
      .filter((k) => !order.includes(k) && k !== 'pods' && (req[k] ?? 0) > 0)
      .sort(),
  ];
  for (const k of names) {
    const want = req[k] ?? 0;
    const have = alloc[k] ?? 0;
    if (want + (used[k] ?? 0) > have) {
      reasons.push(`Insufficient ${k}`);
      if (want > have) unresolvable = true;
    }
  }
  if (reasons.length === 0) return undefined;
  return { plugin: 'NodeResourcesFit', code: unresolvable ? 'U' : 'S', reasons };
};

export const DEFAULT_FILTERS: readonly Filter[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
];

/** The first rejection of the node, or undefined when every filter passes. */
export function runFilters(pod: SchedPod, info: NodeInfo): Rejection | undefined {
  for (const f of DEFAULT_FILTERS) {
    const r = f(pod, info);
    if (r) return r;
  }
  return undefined;
}
