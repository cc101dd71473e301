/**
 * The controller manager's workload part: the API store of ReplicaSets and Deployments, the work
 * queues, and the order of one instant (reference cluster.md §0: the write, then the controllers
 * that watch it — deployment before replicaset — then the garbage collector). Every reaction runs
 * in the same simulated instant as the write that caused it; AddAfter requeues (minReadySeconds,
 * progress deadline) are timers.
 */
import { cloneJson } from '../../k8s/json.ts';
import type {
  DefaultedDeployment,
  DefaultedJob,
  DefaultedReplicaSet,
  DefaultedStatefulSet,
} from '../../k8s/types.ts';
import { StatefulSetControl } from './statefulset/control.ts';
import { DaemonSetsController } from './daemon/controller.ts';
import { TEMPLATE_GENERATION_ANNOTATION, type DefaultedDaemonSet } from '../../k8s/daemonSets.ts';
import { CONTROLLER_UID_LABEL, jobLabels } from '../../k8s/jobs.ts';
import { JobController, jobFeatures } from './job/controller.ts';
import { podUID } from '../kubelet/format.ts';
import { syncDeployment } from './deployment/controller.ts';
import type { DeploymentCtx } from './deployment/sync.ts';
import { collectGarbage } from './garbagecollector.ts';
import { ReplicaSetController } from './replicaset.ts';
import { emptyRSStatus } from './deployment/util.ts';
import type {
  ControllerHost,
  CtlPod,
  DaemonSetObject,
  DeploymentObject,
  JobObject,
  PodFailurePolicyRule,
  ReplicaSetObject,
  StatefulSetObject,
  WorkloadObject,
} from './types.ts';

const key = (ns: string, name: string) => `${ns}/${name}`;
/** A guard against a controller loop that never settles within one instant. */
const MAX_ROUNDS = 10_000;

/** The metadata every stored object starts with (the API server's create). */
function created(
  m: { name: string; namespace: string; labels?: object; annotations?: object },
  doc: number,
  uid: string,
  now: number,
) {
  return {
    name: m.name,
    namespace: m.namespace,
    uid,
    doc,
    creationTimestamp: now,
    generation: 1,
    labels: { ...(m.labels ?? {}) } as Record<string, string>,
    annotations: { ...(m.annotations ?? {}) } as Record<string, string>,
  };
}

export function deploymentFrom(
  src: DefaultedDeployment,
  doc: number,
  uid: string,
  now: number,
): DeploymentObject {
  const s = src.spec;
  return {
    kind: 'Deployment',
    ...created(src.metadata, doc, uid, now),
    spec: {
      replicas: s.replicas,
      minReadySeconds: s.minReadySeconds ?? 0,
      selector: cloneJson(s.selector) as DeploymentObject['spec']['selector'],
      template: cloneJson(s.template),
      strategy: cloneJson(s.strategy),
      revisionHistoryLimit: s.revisionHistoryLimit,
      progressDeadlineSeconds: s.progressDeadlineSeconds,
    },
    status: {
      observedGeneration: 0,
      replicas: 0,
      updatedReplicas: 0,
      readyReplicas: 0,
      availableReplicas: 0,
      unavailableReplicas: 0,
      conditions: [],
    },
  };
}

export function replicaSetFrom(
  src: DefaultedReplicaSet,
  doc: number,
  uid: string,
  now: number,
): ReplicaSetObject {
  return {
    kind: 'ReplicaSet',
    ...created(src.metadata, doc, uid, now),
    spec: {
      replicas: src.spec.replicas,
      minReadySeconds: src.spec.minReadySeconds ?? 0,
      selector: cloneJson(src.spec.selector) as ReplicaSetObject['spec']['selector'],
      template: cloneJson(src.spec.template),
    },
    status: emptyRSStatus(),
  };
}

/** The Job as the API server stores it: strategy.go generateSelector's labels and selector. */
export function jobFrom(src: DefaultedJob, doc: number, uid: string, now: number): JobObject {
  const s = src.spec;
  const template = cloneJson(s.template);
  template.metadata = {
    ...template.metadata,
    labels: { ...jobLabels(src.metadata.name, uid), ...(template.metadata.labels ?? {}) },
  };
  const pfp = s.podFailurePolicy as { rules: PodFailurePolicyRule[] } | undefined;
  // defaults.go SetDefaults_Job: a Job without labels takes its template's, on create (the user's)
  // and, when there were none, on every read once strategy.go has added the generated ones.
  const own = src.metadata.labels ?? {};
  const userLabels = s.template.metadata.labels ?? {};
  const labels = Object.keys(own).length
    ? own
    : Object.keys(userLabels).length
      ? userLabels
      : (template.metadata.labels ?? {});
  return {
    kind: 'Job',
    ...created({ ...src.metadata, labels }, doc, uid, now),
    spec: {
      parallelism: s.parallelism,
      ...(s.completions !== undefined && s.completions !== null
        ? { completions: s.completions }
        : {}),
      backoffLimit: s.backoffLimit,
      ...(s.activeDeadlineSeconds !== undefined
        ? { activeDeadlineSeconds: s.activeDeadlineSeconds }
        : {}),
      completionMode: s.completionMode,
      selector: { matchLabels: { [CONTROLLER_UID_LABEL]: uid } },
      template,
      ...(pfp ? { podFailurePolicy: cloneJson(pfp) } : {}),
    },
    status: { active: 0, ready: 0, succeeded: 0, failed: 0, conditions: [] },
  };
}

export function statefulSetFrom(
  src: DefaultedStatefulSet,
  doc: number,
  uid: string,
  now: number,
): StatefulSetObject {
  const s = src.spec;
  return {
    kind: 'StatefulSet',
    ...created(src.metadata, doc, uid, now),
    spec: {
      replicas: s.replicas,
      minReadySeconds: s.minReadySeconds ?? 0,
      selector: cloneJson(s.selector) as StatefulSetObject['spec']['selector'],
      template: cloneJson(s.template),
      ...(s.serviceName ? { serviceName: s.serviceName } : {}),
      podManagementPolicy: s.podManagementPolicy,
      updateStrategy: cloneJson(s.updateStrategy),
      ...(s.ordinals ? { ordinals: { ...s.ordinals } } : {}),
      revisionHistoryLimit: s.revisionHistoryLimit,
      ...(s.persistentVolumeClaimRetentionPolicy
        ? { persistentVolumeClaimRetentionPolicy: { ...s.persistentVolumeClaimRetentionPolicy } }
        : {}),
      ...(s.volumeClaimTemplates
        ? {
            volumeClaimTemplates: cloneJson(
              s.volumeClaimTemplates,
            ) as StatefulSetObject['spec']['volumeClaimTemplates'],
          }
        : {}),
    },
    status: {
      observedGeneration: 0,
      replicas: 0,
      readyReplicas: 0,
      currentReplicas: 0,
      updatedReplicas: 0,
      availableReplicas: 0,
      currentRevision: '',
      updateRevision: '',
      collisionCount: 0,
    },
  };
}

/** The DaemonSet as the API server stores it: template generation 1 (strategy.go PrepareForCreate). */
export function daemonSetFrom(
  src: DefaultedDaemonSet,
  doc: number,
  uid: string,
  now: number,
): DaemonSetObject {
  const s = src.spec;
  const meta = created(src.metadata, doc, uid, now);
  meta.annotations[TEMPLATE_GENERATION_ANNOTATION] = '1';
  return {
    kind: 'DaemonSet',
    ...meta,
    spec: {
      minReadySeconds: s.minReadySeconds ?? 0,
      selector: cloneJson(s.selector) as DaemonSetObject['spec']['selector'],
      template: cloneJson(s.template),
      updateStrategy: cloneJson(s.updateStrategy),
      revisionHistoryLimit: s.revisionHistoryLimit,
    },
    status: {
      observedGeneration: 0,
      desiredNumberScheduled: 0,
      currentNumberScheduled: 0,
      numberMisscheduled: 0,
      numberReady: 0,
      updatedNumberScheduled: 0,
      numberAvailable: 0,
      numberUnavailable: 0,
    },
  };
}

export class ControllerManager {
  readonly deployments = new Map<string, DeploymentObject>();
  readonly replicaSets = new Map<string, ReplicaSetObject>();
  private readonly byUid = new Map<string, WorkloadObject>();
  private readonly dirtyD = new Set<string>();
  private readonly dirtyRS = new Set<string>();
  private readonly rsc: ReplicaSetController;
  private readonly ctx: DeploymentCtx;
  readonly jobs = new Map<string, JobObject>();
  private readonly dirtyJob = new Set<string>();
  /** When each Job's next sync is due (the delaying queue keeps the earliest). */
  private readonly jobDue = new Map<string, number>();
  private readonly jc: JobController;
  readonly statefulSets = new Map<string, StatefulSetObject>();
  private readonly dirtySts = new Set<string>();
  private readonly ssc: StatefulSetControl;
  readonly daemonSets = new Map<string, DaemonSetObject>();
  private readonly dirtyDs = new Set<string>();
  private readonly dsc: DaemonSetsController;
  private scheduled = false;
  private uids = 0;
  /** Ready as last seen per pod (the RS controller's updatePod compares old and new). */
  private readonly podReady = new Map<string, boolean>();

  constructor(readonly host: ControllerHost) {
    this.rsc = new ReplicaSetController(host);
    this.ssc = new StatefulSetControl(host);
    this.dsc = new DaemonSetsController(host, (ds, seconds) => this.queueDaemonSet(ds, seconds));
    this.jc = new JobController(host, jobFeatures(host.minor), (j, s) => this.queueJob(j, s));
    this.ctx = {
      host,
      replicaSets: (d) => this.ownedBy(d.uid),
      createReplicaSet: (rs) => this.addReplicaSet(rs),
      updateReplicaSet: (rs) => {
        host.record(rs);
        this.queueRS(rs);
        this.queueOwner(rs);
      },
      deleteReplicaSet: (rs) => this.deleteObject(rs),
      newUid: (kind, ns, name) => this.newUid(kind, ns, name),
    };
  }

  newUid(kind: string, ns: string, name: string): string {
    return podUID(ns, `${kind}/${name}`, ++this.uids);
  }

  private ownedBy(uid: string): ReplicaSetObject[] {
    const out: ReplicaSetObject[] = [];
    for (const rs of this.replicaSets.values())
      if (rs.ownerReferences?.some((o) => o.uid === uid)) out.push(rs);
    return out;
  }

  addDeployment(d: DeploymentObject): void {
    this.deployments.set(key(d.namespace, d.name), d);
    this.byUid.set(d.uid, d);
    this.host.record(d);
    this.queueDeployment(d);
  }

  addReplicaSet(rs: ReplicaSetObject): void {
    this.replicaSets.set(key(rs.namespace, rs.name), rs);
    this.byUid.set(rs.uid, rs);
    this.host.record(rs);
    this.queueRS(rs);
    this.queueOwner(rs);
  }

  addJob(j: JobObject): void {
    this.jobs.set(key(j.namespace, j.name), j);
    this.byUid.set(j.uid, j);
    this.host.record(j);
    // addJob: enqueueSyncJobImmediately.
    this.queueJob(j, 0);
  }

  addStatefulSet(set: StatefulSetObject): void {
    this.statefulSets.set(key(set.namespace, set.name), set);
    this.byUid.set(set.uid, set);
    this.host.record(set);
    this.queueStatefulSet(set);
  }

  addDaemonSet(ds: DaemonSetObject): void {
    this.daemonSets.set(key(ds.namespace, ds.name), ds);
    this.byUid.set(ds.uid, ds);
    this.host.record(ds);
    this.queueDaemonSet(ds);
  }

  /** enqueueDaemonSet, or enqueueDaemonSetAfter for `seconds` > 0. */
  queueDaemonSet(ds: DaemonSetObject, seconds = 0): void {
    if (seconds > 0) return this.host.after(seconds, () => this.queueDaemonSet(ds));
    this.dirtyDs.add(key(ds.namespace, ds.name));
    this.schedule();
  }

  /**
   * A Node was added or written (labels, taints, conditions): every DaemonSet re-syncs (addNode /
   * updateNode enqueue those whose shouldRun or shouldContinueRunning may have changed).
   */
  nodesChanged(): void {
    for (const ds of this.daemonSets.values()) if (!ds.deleted) this.queueDaemonSet(ds);
  }

  queueStatefulSet(set: StatefulSetObject): void {
    this.dirtySts.add(key(set.namespace, set.name));
    this.schedule();
  }

  /** queue.AddAfter: a Job already due earlier keeps its time (the delaying queue). */
  queueJob(j: JobObject, seconds: number): void {
    const k = key(j.namespace, j.name);
    const due = this.host.now() + seconds;
    const prev = this.jobDue.get(k);
    if (prev !== undefined && prev <= due) return;
    this.jobDue.set(k, due);
    this.host.after(seconds, () => {
      if (this.jobDue.get(k) !== due) return;
      this.jobDue.delete(k);
      this.dirtyJob.add(k);
      this.schedule();
    });
  }

  queueDeployment(d: DeploymentObject): void {
    this.dirtyD.add(key(d.namespace, d.name));
    this.schedule();
  }

  queueRS(rs: ReplicaSetObject): void {
    this.dirtyRS.add(key(rs.namespace, rs.name));
    this.schedule();
  }

  private queueOwner(rs: ReplicaSetObject): void {
    const owner = rs.ownerReferences?.[0];
    const d = owner ? this.byUid.get(owner.uid) : undefined;
    if (d?.kind === 'Deployment' && !d.deleted) this.queueDeployment(d);
  }

  /** A pod's status was written or the pod is gone: its owner re-syncs (updatePod, deletePod). */
  podChanged(p: CtlPod | undefined, ns: string, name: string, ownerUid: string | undefined): void {
    const rs = ownerUid ? this.byUid.get(ownerUid) : undefined;
    const k = key(ns, name);
    const ready = p?.ready ?? false;
    const was = this.podReady.get(k) ?? false;
    if (p) this.podReady.set(k, ready);
    else this.podReady.delete(k);
    // The Job controller's addPod/updatePod/deletePod: enqueueSyncJobBatched (1 s, W3.20).
    if (rs?.kind === 'Job' && !rs.deleted) return this.queueJob(rs, 1);
    if (rs?.kind === 'StatefulSet' && !rs.deleted) return this.queueStatefulSet(rs);
    if (rs?.kind === 'DaemonSet' && !rs.deleted) return this.queueDaemonSet(rs);
    if (rs?.kind !== 'ReplicaSet' || rs.deleted) return;
    this.queueRS(rs);
    // deployment_controller.go deletePod: a Recreate rollout waits for the old pods to be gone.
    if (!p) this.queueOwner(rs);
    const mrs = rs.spec.minReadySeconds;
    // updatePod: a pod turning Ready re-syncs its RS after minReadySeconds + 1 s (W3.7).
    if (ready && !was && mrs > 0) this.host.after(mrs + 1, () => this.queueRS(rs));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.host.after(0, () => this.flush());
  }

  /** Run the queues until they are empty: deployments first, then replica sets (cluster.md §0). */
  private flush(): void {
    this.scheduled = false;
    for (
      let round = 0;
      round < MAX_ROUNDS &&
      (this.dirtyD.size ||
        this.dirtyRS.size ||
        this.dirtySts.size ||
        this.dirtyDs.size ||
        this.dirtyJob.size);
      round++
    ) {
      if (this.dirtyD.size) {
        const k = [...this.dirtyD].sort()[0] ?? '';
        this.dirtyD.delete(k);
        const d = this.deployments.get(k);
        if (d && !d.deleted) this.syncDeployment(d);
        continue;
      }
      if (this.dirtyRS.size) {
        const k = [...this.dirtyRS].sort()[0] ?? '';
        this.dirtyRS.delete(k);
        const rs = this.replicaSets.get(k);
        if (rs && !rs.deleted) this.syncReplicaSet(rs);
        continue;
      }
      if (this.dirtySts.size) {
        const k = [...this.dirtySts].sort()[0] ?? '';
        this.dirtySts.delete(k);
        const set = this.statefulSets.get(k);
        if (set && !set.deleted) this.syncStatefulSet(set);
        continue;
      }
      if (this.dirtyDs.size) {
        const k = [...this.dirtyDs].sort()[0] ?? '';
        this.dirtyDs.delete(k);
        const ds = this.daemonSets.get(k);
        if (ds && !ds.deleted && this.dsc.sync(ds)) this.host.record(ds);
        continue;
      }
      const k = [...this.dirtyJob].sort()[0] ?? '';
      this.dirtyJob.delete(k);
      const j = this.jobs.get(k);
      // updateJob with the same generation (its own status write): enqueueSyncJobBatched.
      if (j && !j.deleted && this.jc.sync(j)) this.queueJob(j, 1);
    }
  }

  private syncDeployment(d: DeploymentObject): void {
    const requeue = (x: DeploymentObject, s: number) =>
      this.host.after(s, () => this.queueDeployment(x));
    if (syncDeployment(this.ctx, d, requeue)) this.host.record(d);
  }

  /**
   * stateful_set.go sync: a set with minReadySeconds not yet all available is requeued after
   * minReadySeconds, since no pod event marks the moment a pod becomes available.
   */
  private syncStatefulSet(set: StatefulSetObject): void {
    if (this.ssc.sync(set)) this.host.record(set);
    const mrs = set.spec.minReadySeconds;
    if (mrs > 0 && set.status.availableReplicas !== set.spec.replicas)
      this.host.after(mrs, () => this.queueStatefulSet(set));
  }

  private syncReplicaSet(rs: ReplicaSetObject): void {
    const owner = rs.ownerReferences?.[0]?.uid;
    const siblings = owner ? this.ownedBy(owner) : [rs];
    const uids = new Set(siblings.map((s) => s.uid));
    const related = this.host.pods(rs.namespace).filter((p) => p.ownerUid && uids.has(p.ownerUid));
    if (this.rsc.sync(rs, related)) this.queueOwner(rs);
  }

  /** Background deletion: the object goes at once, the GC deletes its dependents (W3.32). */
  deleteObject(o: WorkloadObject): void {
    o.deleted = true;
    if (o.kind === 'Job') {
      this.jobs.delete(key(o.namespace, o.name));
      this.jc.forget(o.uid);
    } else if (o.kind === 'StatefulSet') {
      this.statefulSets.delete(key(o.namespace, o.name));
      this.ssc.forget(o.uid);
    } else if (o.kind === 'DaemonSet') this.daemonSets.delete(key(o.namespace, o.name));
    else if (o.kind === 'Deployment') this.deployments.delete(key(o.namespace, o.name));
    else this.replicaSets.delete(key(o.namespace, o.name));
    this.byUid.delete(o.uid);
    this.host.deleted(o);
    collectGarbage(this, o.uid, o.namespace);
  }

  /** The ReplicaSets an owner UID controls. */
  dependents(uid: string): { replicaSets: ReplicaSetObject[] } {
    return { replicaSets: this.ownedBy(uid) };
  }

  /** All pods of `ns` owned by one of the RSs of `uid` (for GC after the RS is gone). */
  podsOwnedBy(ns: string, uid: string): CtlPod[] {
    return this.host.pods(ns).filter((p) => p.ownerUid === uid && !p.deleting);
  }
}
