/**
 * The kubelet's own admission of a pod bound to its node (pkg/kubelet/lifecycle/predicate.go:
 * predicateAdmitHandler.Admit, generalFilter → scheduler AdmissionCheck): resources first, then
 * node affinity, node name and host ports, then untolerated NoExecute taints. It matters for pods
 * created with `spec.nodeName`, which never met the scheduler (reference cluster.md S1.19). Only the
 * first failure is reported: reason `OutOf<resource>` or the predicate's name.
 */
import {
  ERR_AFFINITY,
  ERR_NODE_NAME,
  ERR_PORTS,
  nodeAffinity,
  nodeName,
  nodePorts,
} from '../scheduler/filters.ts';
import { podRequests } from '../scheduler/resources.ts';
import { firstUntolerated } from '../scheduler/taints.ts';
import type { NodeInfo, SchedPod } from '../scheduler/types.ts';

export interface Rejection {
  reason: string;
  message: string;
}

/** tainttoleration.ErrReasonNotMatch */
const ERR_TAINT = "node(s) had taints that the pod didn't tolerate";

function insufficient(pod: SchedPod, info: NodeInfo): Rejection | undefined {
  const alloc = info.node.allocatable;
  // InsufficientResourceError.Error()
  const fail = (r: string, requested: number, used: number, capacity: number): Rejection => ({
    reason: `OutOf${r}`,
    message: `Node didn't have enough resource: ${r}, requested: ${requested}, used: ${used}, capacity: ${capacity}`,
  });
  if (info.pods.length + 1 > (alloc.pods ?? 0))
    return fail('pods', 1, info.pods.length, alloc.pods ?? 0);
  const req = podRequests(pod.spec);
  const used: Record<string, number> = {};
  for (const p of info.pods)
    for (const [k, v] of Object.entries(podRequests(p.spec))) used[k] = (used[k] ?? 0) + v;
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    const want = req[r] ?? 0;
    if (want > 0 && want + (used[r] ?? 0) > (alloc[r] ?? 0))
      return fail(r, want, used[r] ?? 0, alloc[r] ?? 0);
  }
  return undefined;
}

export function kubeletAdmit(pod: SchedPod, info: NodeInfo): Rejection | undefined {
  const res = insufficient(pod, info);
  if (res) return res;
  // PredicateFailureError.Error(): "Predicate %s failed: %s".
  const predicate = (name: string, desc: string) => ({
    reason: name,
    message: `Predicate ${name} failed: ${desc}`,
  });
  if (nodeAffinity(pod, info)) return predicate('NodeAffinity', ERR_AFFINITY);
  if (nodeName(pod, info)) return predicate('NodeName', ERR_NODE_NAME);
  if (nodePorts(pod, info)) return predicate('NodePorts', ERR_PORTS);
  if (firstUntolerated(info.node.taints, pod.spec.tolerations ?? [], ['NoExecute']))
    return predicate('TaintToleration', ERR_TAINT);
  return undefined;
}
