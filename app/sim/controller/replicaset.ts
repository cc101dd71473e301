/**
 * The ReplicaSet controller (reference cluster.md W3.4–W3.7), after k/k
 * pkg/controller/replicaset/replica_set.go syncReplicaSet, manageReplicas and calculateStatus
 * (replica_set_utils.go): count the active pods it owns, create the missing ones in slow-start
 * batches, delete the surplus ranked by getPodsToDelete, and write its status.
 */
import { cloneJson } from '../../k8s/json.ts';
import type { DefaultedPod } from '../../k8s/types.ts';
import { selectorMatches } from '../../k8s/workloads.ts';
import {
  BURST_REPLICAS,
  NameSequence,
  getPodsToDelete,
  isPodActive,
  isPodAvailable,
  SLOW_START_INITIAL_BATCH_SIZE,
  slowStartBatch,
} from './controller_utils.ts';
import type { ControllerHost, CtlPod, ReplicaSetObject } from './types.ts';

const SOURCE = 'replicaset-controller';

/** The pods a ReplicaSet owns (controller reference to its UID) and its selector matches. */
export function ownedPods(rs: ReplicaSetObject, pods: readonly CtlPod[]): CtlPod[] {
  return pods.filter((p) => p.ownerUid === rs.uid && selectorMatches(rs.spec.selector, p.labels));
}

/** The pod the RS creates from its template (controller.GetPodFromTemplate). */
export function podFromTemplate(rs: ReplicaSetObject, name: string): DefaultedPod {
  const t = rs.spec.template;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(t.metadata.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      labels: { ...(t.metadata.labels ?? {}) },
      generateName: `${rs.name}-`,
      name,
      namespace: rs.namespace,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rs.name,
          uid: rs.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: cloneJson(t.spec),
  } as DefaultedPod;
}

export class ReplicaSetController {
  private readonly names: NameSequence;

  constructor(private readonly host: ControllerHost) {
    this.names = new NameSequence((ns, name) => host.nameInUse(ns, name));
  }

  private nextName(rs: ReplicaSetObject): string {
    return this.names.next(rs.namespace, `${rs.name}-`);
  }

  /**
   * One sync. `related` are the pods of every RS of the same Deployment (getIndirectlyRelatedPods;
   * the RS's own pods when it has no owner). Returns whether the status changed.
   */
  sync(rs: ReplicaSetObject, related: readonly CtlPod[]): boolean {
    // The RS's own pods are among `related` (its UID is one of the owners), in the same order.
    const active = ownedPods(rs, related).filter(isPodActive);
    // A sync that created or deleted nothing leaves the pods as they were read.
    const acted = this.manageReplicas(rs, active, related);
    return this.updateStatus(rs, acted ? undefined : active);
  }

  /** Creates or deletes pods toward spec.replicas; false when the count was already right. */
  private manageReplicas(
    rs: ReplicaSetObject,
    active: CtlPod[],
    related: readonly CtlPod[],
  ): boolean {
    const h = this.host;
    const object = `replicaset/${rs.name}`;
    let diff = active.length - rs.spec.replicas;
    if (diff === 0) return false;
    if (diff < 0) {
      const n = Math.min(-diff, BURST_REPLICAS);
      // Pod creation never fails in the simulator (no quota), so every batch succeeds.
      slowStartBatch(n, SLOW_START_INITIAL_BATCH_SIZE, () => {
        const name = this.nextName(rs);
        // The event is recorded as the create returns, before the scheduler's cycle binds the pod.
        h.event(object, rs.namespace, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, SOURCE);
        h.createPod(podFromTemplate(rs, name), rs.doc);
        return true;
      });
    } else if (diff > 0) {
      diff = Math.min(diff, BURST_REPLICAS);
      for (const p of getPodsToDelete(active, related, diff, h.now())) {
        h.deletePod(p.namespace, p.name);
        h.event(
          object,
          rs.namespace,
          'Normal',
          'SuccessfulDelete',
          `Deleted pod: ${p.name}`,
          SOURCE,
        );
      }
    }
    return true;
  }

  /**
   * calculateStatus over the pods as they are after manageReplicas (`unchanged`: its active pods
   * when it did nothing); true when the status changed.
   */
  private updateStatus(rs: ReplicaSetObject, unchanged?: CtlPod[]): boolean {
    const h = this.host;
    const now = h.now();
    const pods = unchanged ?? ownedPods(rs, h.pods(rs.namespace)).filter(isPodActive);
    const labels = rs.spec.template.metadata.labels ?? {};
    const status = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.filter((p) =>
        Object.entries(labels).every(([k, v]) => p.labels[k] === v),
      ).length,
      readyReplicas: pods.filter((p) => p.ready).length,
      availableReplicas: pods.filter((p) => isPodAvailable(p, rs.spec.minReadySeconds, now)).length,
      observedGeneration: rs.generation,
    };
    if (JSON.stringify(status) === JSON.stringify(rs.status)) return false;
    rs.status = status;
    h.record(rs);
    return true;
  }
}
