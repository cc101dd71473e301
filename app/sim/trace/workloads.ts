/**
 * Projections of the `workload` records (DESIGN §4): the JSON's `workloads` series, and the
 * ReplicaSets and Deployments as the API holds them at an instant (for `get`, `describe` and
 * `rollout status`).
 */
import { podUID } from '../kubelet/format.ts';
import { dict } from './dict.ts';
import { DEFAULT_NAMESPACE } from './objectKey.ts';
import type { SimResult, WorkloadObject, DeploymentObject } from './types.ts';

export interface PodsimWorkload {
  owner?: string;
  status: ({ t: number } & Record<string, number>)[];
  revision: { t: number; value: string }[];
  conditions?: Record<string, { t: number; status: string; reason?: string }[]>;
}

export function workloadKey(kind: string, namespace: string, name: string): string {
  return namespace === DEFAULT_NAMESPACE ? `${kind}/${name}` : `${kind}/${namespace}/${name}`;
}

/** Appends `entry` unless it equals the last one apart from `t`. */
export function pushChanged<T extends { t: number }>(list: T[], entry: T): void {
  const last = list[list.length - 1];
  if (last) {
    const { t: _a, ...a } = last;
    const { t: _b, ...b } = entry;
    if (JSON.stringify(a) === JSON.stringify(b)) return;
  }
  list.push(entry);
}

function statusEntry(t: number, o: WorkloadObject): { t: number } & Record<string, number> {
  if (o.kind === 'Job')
    return { t, active: o.status.active, succeeded: o.status.succeeded, failed: o.status.failed };
  if (o.kind === 'StatefulSet') {
    const s = o.status;
    return {
      t,
      replicas: s.replicas,
      readyReplicas: s.readyReplicas,
      currentReplicas: s.currentReplicas,
      updatedReplicas: s.updatedReplicas,
      availableReplicas: s.availableReplicas,
    };
  }
  if (o.kind === 'DaemonSet') {
    const s = o.status;
    return {
      t,
      desiredNumberScheduled: s.desiredNumberScheduled,
      currentNumberScheduled: s.currentNumberScheduled,
      numberReady: s.numberReady,
      updatedNumberScheduled: s.updatedNumberScheduled,
      numberAvailable: s.numberAvailable,
    };
  }
  const s = o.status;
  if (o.kind === 'ReplicaSet')
    return {
      t,
      replicas: s.replicas,
      readyReplicas: s.readyReplicas,
      availableReplicas: s.availableReplicas,
    };
  const d = o.status as DeploymentObject['status'];
  return {
    t,
    replicas: d.replicas,
    updatedReplicas: d.updatedReplicas,
    readyReplicas: d.readyReplicas,
    availableReplicas: d.availableReplicas,
  };
}

/** The `workloads` object of `podsim run --json`. */
export function workloadsJson(result: SimResult): Record<string, PodsimWorkload> | undefined {
  const out = dict<PodsimWorkload>();
  let any = false;
  for (const r of result.trace) {
    if (r.type !== 'workload') continue;
    any = true;
    const o = r.object;
    const k = workloadKey(o.kind, o.namespace, o.name);
    const owner = o.kind === 'ReplicaSet' ? o.ownerReferences?.[0] : undefined;
    const w = (out[k] ??= {
      ...(owner ? { owner: workloadKey(owner.kind, o.namespace, owner.name) } : {}),
      status: [],
      revision: [],
      ...(o.kind === 'Deployment' || o.kind === 'Job' ? { conditions: dict() } : {}),
    });
    pushChanged(w.status, statusEntry(r.t, o));
    const rev =
      o.kind === 'StatefulSet'
        ? o.status.updateRevision
        : o.kind === 'DaemonSet'
          ? o.annotations['deprecated.daemonset.template.generation']
          : o.annotations['deployment.kubernetes.io/revision'];
    if (rev) pushChanged(w.revision, { t: r.t, value: rev });
    if ((o.kind !== 'Deployment' && o.kind !== 'Job') || !w.conditions) continue;
    for (const c of o.status.conditions) {
      const list = (w.conditions[c.type] ??= []);
      pushChanged(list, { t: r.t, status: c.status, reason: c.reason });
    }
  }
  if (!any) return undefined;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every workload the API holds at `t`, each as its last record by then; deleted ones left out. */
export function workloadsAt(result: SimResult, t: number): WorkloadObject[] {
  const last = new Map<string, WorkloadObject>();
  for (const r of result.trace) {
    if (r.t > t) break;
    if (r.type === 'workload')
      last.set(workloadKey(r.object.kind, r.object.namespace, r.object.name), r.object);
    else if (
      r.type === 'object.deleted' &&
      (r.kind === 'Deployment' ||
        r.kind === 'ReplicaSet' ||
        r.kind === 'Job' ||
        r.kind === 'StatefulSet' ||
        r.kind === 'DaemonSet')
    )
      last.delete(workloadKey(r.kind, r.namespace, r.name));
  }
  return [...last.values()];
}

/** Every record of one Deployment or StatefulSet up to `t` (the watch `rollout status` follows). */
export function workloadHistory<K extends 'Deployment' | 'StatefulSet' | 'DaemonSet'>(
  result: SimResult,
  kind: K,
  name: string,
  namespace: string,
  t: number,
): Extract<WorkloadObject, { kind: K }>[] {
  const out: Extract<WorkloadObject, { kind: K }>[] = [];
  for (const r of result.trace) {
    if (r.t > t) break;
    const o = r.type === 'workload' ? r.object : undefined;
    if (o?.kind === kind && o.name === name && o.namespace === namespace)
      out.push(o as Extract<WorkloadObject, { kind: K }>);
  }
  return out;
}

/** The pod's UID as the kubelet has it (metadata.uid, or the one derived from its key). */
export function podUid(pod: { metadata?: { uid?: string } } | undefined, ns: string, name: string) {
  return pod?.metadata?.uid ?? podUID(ns, name);
}
