/**
 * The `patch` scenario action (DESIGN §3): `kubectl patch KIND NAME --type strategic -p PATCH`.
 * The API server applies it to the object as it is now (app/k8s/patchObject.ts: merge, defaulting,
 * ValidatePodUpdate). A refusal changes nothing, the run goes on, and the API server's message is
 * the action's outcome and a warning at the action's line. Accepted: a Pod update goes to its
 * kubelet (image restarts, deadline) and the EndpointSlice controller (labels); a Node update to
 * the node store, and the scheduler re-queues its unschedulable pods (NodeUpdate).
 */
import type { DefaultedPod, PatchAction } from '../../k8s/types.ts';
import { admitPod } from '../trace/admission.ts';
import { patchNode, patchPod } from '../../k8s/patchObject.ts';
import type { ClusterApi } from './types.ts';
import { WORKLOAD_KINDS } from '../../k8s/workloads.ts';

const notFound = (kind: string, name: string) => `${kind.toLowerCase()}s "${name}" not found`;

export function patchObject(c: ClusterApi, a: PatchAction): void {
  const p = a.patch;
  if (p.kind === 'Node') {
    const node = c.nodeObject(p.name);
    if (!node) return c.actionError(a, notFound('Node', p.name));
    const r = patchNode(node, p.patch);
    if (!r.ok) return c.actionError(a, r.message);
    if (r.changed) c.updateNode(r.object);
    return c.actionResult(`node/${p.name} patched${r.changed ? '' : ' (no change)'}`);
  }
  if (WORKLOAD_KINDS.includes(p.kind)) return c.workloads.patch(a);
  if (p.kind !== 'Pod') return c.actionError(a, `patching a ${p.kind} is not simulated yet`);
  const w = c.findPod(p.name, p.namespace);
  if (!w || w.lifecycle === 'deleted') return c.actionError(a, notFound('Pod', p.name));
  const r = patchPod(w.pod, p.patch, (pod) => admitPod(pod) as DefaultedPod);
  if (!r.ok) return c.actionError(a, r.message);
  if (r.changed) {
    w.updatePod(r.object);
    c.recorder.add({
      type: 'object.applied',
      source: { kind: 'Pod', name: w.name, namespace: w.namespace, doc: w.doc, object: r.object },
    });
  }
  c.actionResult(`pod/${p.name} patched${r.changed ? '' : ' (no change)'}`);
}
