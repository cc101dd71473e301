/**
 * The StatefulSet controller (reference cluster.md W3.27–W3.28), after k/k
 * pkg/controller/statefulset/stateful_set_control.go updateStatefulSet: the pods in the ordinal
 * range are `replicas`, the others `condemned`; processReplica creates the missing ones and
 * deletes failed ones, processCondemned scales down from the highest ordinal, and a RollingUpdate
 * then deletes the highest pod not at the update revision. With OrderedReady (monotonic) each step
 * waits for every lower ordinal to be Running and Ready; Parallel does them all at once.
 * computeReplicaStatus and completeRollingUpdate write the status.
 */
import { selectorMatches } from '../../../k8s/workloads.ts';
import { cloneJson } from '../../../k8s/json.ts';
import { isPodAvailable } from '../controller_utils.ts';
import type { ControllerHost, CtlPod, StatefulSetObject } from '../types.ts';
import {
  getOrdinal,
  newStatefulSetPod,
  ordinalRange,
  podName,
  podRevision,
  revisionName,
} from './pods.ts';

const SOURCE = 'statefulset-controller';

type Template = StatefulSetObject['spec']['template'];
/** A replica slot: the pod the API holds, or none yet (newVersionedStatefulSetPod, not created). */
type Slot = { ordinal: number; pod?: CtlPod };

const isRunningAndReady = (p?: CtlPod) => p?.phase === 'Running' && p.ready;
const isTerminating = (p?: CtlPod) => p?.deleting ?? false;

export class StatefulSetControl {
  /** ControllerRevisions: each revision's template, so a partition keeps old ordinals at theirs. */
  private readonly history = new Map<string, Map<string, Template>>();

  constructor(private readonly host: ControllerHost) {}

  forget(uid: string): void {
    this.history.delete(uid);
  }

  private isAvailable(set: StatefulSetObject, p?: CtlPod): boolean {
    return (
      !!p && isRunningAndReady(p) && isPodAvailable(p, set.spec.minReadySeconds, this.host.now())
    );
  }

  /** isUnavailable: not healthy (running, ready, not terminating) or not yet available. */
  private isUnavailable(set: StatefulSetObject, p?: CtlPod): boolean {
    return !p || isTerminating(p) || !this.isAvailable(set, p);
  }

  private pods(set: StatefulSetObject): CtlPod[] {
    return this.host
      .pods(set.namespace)
      .filter((p) => p.ownerUid === set.uid && selectorMatches(set.spec.selector, p.labels));
  }

  /** One sync; true when the status changed (the caller records it). */
  sync(set: StatefulSetObject): boolean {
    const update = revisionName(set);
    const revisions = this.history.get(set.uid) ?? new Map<string, Template>();
    this.history.set(set.uid, revisions);
    if (!revisions.has(update)) revisions.set(update, cloneJson(set.spec.template));
    // getStatefulSetRevisions: the current revision is the status' while it still exists.
    const current = revisions.has(set.status.currentRevision) ? set.status.currentRevision : update;
    this.updateStatefulSet(set, current, update);
    return this.updateStatus(set, current, update);
  }

  private partition(set: StatefulSetObject): { replicas: Slot[]; condemned: CtlPod[] } {
    const { start, end } = ordinalRange(set);
    const replicas: Slot[] = [];
    for (let o = start; o <= end; o++) replicas.push({ ordinal: o });
    const condemned: CtlPod[] = [];
    for (const p of this.pods(set)) {
      const o = getOrdinal(set, p);
      if (o < 0) continue;
      const slot = o >= start && o <= end ? replicas[o - start] : undefined;
      if (slot) slot.pod = p;
      else condemned.push(p);
    }
    // descendingOrdinal
    condemned.sort((a, b) => getOrdinal(set, b) - getOrdinal(set, a));
    return { replicas, condemned };
  }

  private updateStatefulSet(set: StatefulSetObject, current: string, update: string): void {
    if (set.deleted) return;
    const { replicas, condemned } = this.partition(set);
    const firstUnavailable =
      replicas.find((s) => this.isUnavailable(set, s.pod))?.pod ??
      [...condemned].reverse().find((p) => this.isUnavailable(set, p));
    const monotonic = set.spec.podManagementPolicy !== 'Parallel';
    const forAll = <T>(list: T[], fn: (x: T) => boolean) => {
      // runForAll: monotonic stops at the first blocking step; Parallel runs every one.
      for (const x of list) if (fn(x) && monotonic) return true;
      return false;
    };
    if (forAll(replicas, (s) => this.processReplica(set, s, monotonic, current, update))) return;
    if (forAll(condemned, (p) => this.processCondemned(set, p, monotonic, firstUnavailable)))
      return;
    if (set.spec.updateStrategy.type === 'OnDelete') return;
    this.rollingUpdate(set, replicas, update);
  }

  /** processReplica: true when a monotonic set must wait. */
  private processReplica(
    set: StatefulSetObject,
    s: Slot,
    monotonic: boolean,
    current: string,
    update: string,
  ): boolean {
    const p = s.pod;
    if (p && (p.phase === 'Failed' || p.phase === 'Succeeded')) {
      // A new pod is made on a later sync, once this one has left the API.
      if (!p.deleting) this.deletePod(set, p.name);
      return true;
    }
    if (!p) {
      this.createPod(set, s.ordinal, current, update);
      return monotonic;
    }
    if (isTerminating(p) && monotonic) return true;
    if (!isRunningAndReady(p) && monotonic) return true;
    if (!this.isAvailable(set, p) && monotonic) return true;
    return false;
  }

  /** processCondemned: scale down, in monotonic mode one pod at a time and only over healthy ones. */
  private processCondemned(
    set: StatefulSetObject,
    p: CtlPod,
    monotonic: boolean,
    firstUnavailable: CtlPod | undefined,
  ): boolean {
    if (isTerminating(p)) return monotonic;
    const first = firstUnavailable?.name === p.name;
    if (!isRunningAndReady(p) && monotonic && !first) return true;
    if (!this.isAvailable(set, p) && monotonic && !first) return true;
    this.deletePod(set, p.name);
    return true;
  }

  /** The RollingUpdate tail of updateStatefulSet: from the highest ordinal down to the partition. */
  private rollingUpdate(set: StatefulSetObject, replicas: Slot[], update: string): void {
    const min = set.spec.updateStrategy.rollingUpdate?.partition ?? 0;
    for (let i = replicas.length - 1; i >= min; i--) {
      const p = replicas[i]?.pod;
      if (p && podRevision(p) !== update && !isTerminating(p)) return this.deletePod(set, p.name);
      if (this.isUnavailable(set, p)) return;
    }
  }

  /** newVersionedStatefulSetPod: ordinals below the partition stay at the current revision. */
  private createPod(set: StatefulSetObject, ordinal: number, current: string, update: string) {
    const partition = set.spec.updateStrategy.rollingUpdate?.partition;
    const old =
      set.spec.updateStrategy.type === 'RollingUpdate' &&
      partition !== undefined &&
      ordinal < partition;
    const revision = old ? current : update;
    const template = this.history.get(set.uid)?.get(revision) ?? set.spec.template;
    const pod = newStatefulSetPod({ ...set, spec: { ...set.spec, template } }, ordinal, revision);
    const name = podName(set, ordinal);
    // stateful_pod_control.go recordPodEvent, after the create returns.
    this.event(set, 'SuccessfulCreate', `create Pod ${name} in StatefulSet ${set.name} successful`);
    this.host.createPod(pod, set.doc);
  }

  private deletePod(set: StatefulSetObject, name: string): void {
    this.host.deletePod(set.namespace, name);
    this.event(set, 'SuccessfulDelete', `delete Pod ${name} in StatefulSet ${set.name} successful`);
  }

  private event(set: StatefulSetObject, reason: string, message: string): void {
    this.host.event(`statefulset/${set.name}`, set.namespace, 'Normal', reason, message, SOURCE);
  }

  /** computeReplicaStatus over the pods as they are now, then completeRollingUpdate. */
  private updateStatus(set: StatefulSetObject, current: string, update: string): boolean {
    const pods = this.pods(set);
    const live = pods.filter((p) => !isTerminating(p));
    const status: StatefulSetObject['status'] = {
      observedGeneration: set.generation,
      replicas: pods.length,
      readyReplicas: pods.filter(isRunningAndReady).length,
      currentReplicas: live.filter((p) => podRevision(p) === current).length,
      updatedReplicas: live.filter((p) => podRevision(p) === update).length,
      availableReplicas: pods.filter((p) => this.isAvailable(set, p)).length,
      currentRevision: current,
      updateRevision: update,
      collisionCount: set.status.collisionCount,
    };
    if (
      set.spec.updateStrategy.type === 'RollingUpdate' &&
      status.updatedReplicas === status.replicas &&
      status.readyReplicas === status.replicas
    ) {
      status.currentReplicas = status.updatedReplicas;
      status.currentRevision = update;
    }
    if (JSON.stringify(status) === JSON.stringify(set.status)) return false;
    set.status = status;
    return true;
  }
}
