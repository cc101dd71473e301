/**
 * How the workload controllers reach the cluster (controller/types.ts ControllerHost): the pods the
 * API holds as the informers see them, pod creation through the same path as an applied Pod (the
 * scheduler, then a kubelet), deletion with the pod's own grace, events and the `workload` records.
 * Also the scenario actions on workloads: apply, scale, rollout undo|restart, patch, delete.
 */
import { cloneJson } from '../../k8s/json.ts';
import type {
  DefaultedDeployment,
  DefaultedJob,
  DefaultedPod,
  DefaultedReplicaSet,
  DefaultedStatefulSet,
  DefaultedDaemonSet,
  PatchAction,
  ScenarioAction,
  SourceObject,
} from '../../k8s/types.ts';
import { patchWorkload } from '../../k8s/patchObject.ts';
import type { Recorder } from '../clock/recorder.ts';
import type { SimClock } from '../clock/simClock.ts';
import { POD_TEMPLATE_HASH } from '../controller/controller_utils.ts';
import { REVISION } from '../controller/deployment/util.ts';
import { templateKey } from '../controller/deployment/util.ts';
import {
  ControllerManager,
  daemonSetFrom,
  deploymentFrom,
  jobFrom,
  replicaSetFrom,
  statefulSetFrom,
} from '../controller/manager.ts';
import type {
  ControllerHost,
  CtlNode,
  CtlPod,
  DeploymentObject,
  PodJobView,
  WorkloadObject,
} from '../controller/types.ts';
import type { PodWorker } from '../kubelet/types.ts';
import { rfc3339 } from '../trace/time.ts';
import { affinityNode } from '../controller/daemon/util.ts';
import { TEMPLATE_GENERATION_ANNOTATION } from '../../k8s/daemonSets.ts';
import { deepEqual } from '../../k8s/validate/podUpdate.ts';

/** A pod the API holds that no kubelet runs yet (waiting for the scheduler, or for its node). */
export interface UnboundPod {
  name: string;
  namespace: string;
  pod: DefaultedPod;
  createdS: number;
}

/** What the host needs of the cluster (cluster.ts). */
export interface PodStore {
  readonly clock: SimClock;
  /** The Kubernetes version simulated ("1.34"). */
  readonly version: string;
  readonly recorder: Recorder;
  workers(): Iterable<PodWorker>;
  unbound(): Iterable<UnboundPod>;
  nodeOf(w: PodWorker): string | undefined;
  /** The Node objects, in registration order. */
  nodeViews(): CtlNode[];
  apply(src: SourceObject): void;
  deletePod(namespace: string, name: string): void;
  actionError(a: ScenarioAction, message: string): void;
  actionResult(message: string): void;
}

const ownerUid = (pod: DefaultedPod) =>
  pod.metadata?.ownerReferences?.find((o) => o.controller)?.uid;

/** What the Job controller reads of a pod's status (backoff_utils.go getFinishedTime, …). */
function jobView(w: PodWorker): PodJobView {
  let restartSum = 0;
  let last: number | undefined;
  let allDone = true;
  const terminated: PodJobView['terminated'] = [];
  const order = [...w.slots].sort(
    (a, b) => Number(a.kind !== 'regular') - Number(b.kind !== 'regular'),
  );
  for (const s of order) {
    if (s.kind === 'ephemeral') continue;
    const st = s.status;
    restartSum += st?.restartCount ?? 0;
    const term = st && 'terminated' in st.state ? st.state.terminated : undefined;
    if (term) terminated.push({ name: s.name, exitCode: term.exitCode });
    // getFinishTimeFromContainers: regular containers and sidecars, all terminated.
    if (s.kind === 'init') continue;
    if (!term) allDone = false;
    else last = Math.max(last ?? term.finishedAt, term.finishedAt);
  }
  const ready = w.condition('Ready');
  const readyFalse = ready?.status === 'False' ? ready.lastTransitionTime : undefined;
  const finishedAt = allDone && last !== undefined ? last : readyFalse;
  const conditions = [...w.conditions.values()].map((c) => ({ type: c.type, status: c.status }));
  for (const c of w.external.values()) conditions.push({ type: c.type, status: c.status });
  return {
    ...(finishedAt !== undefined ? { finishedAt } : {}),
    restartSum,
    terminated,
    conditions,
    ...(w.deletion ? { deletedAt: w.deletion.timestampMs / 1000 - w.deletion.graceS } : {}),
  };
}

function workerView(w: PodWorker, node: string | undefined, created: number): CtlPod {
  const ready = w.condition('Ready');
  const isReady = ready?.status === 'True';
  let restarts = 0;
  for (const s of w.slots) restarts = Math.max(restarts, s.status?.restartCount ?? 0);
  const o = ownerUid(w.pod);
  // Only the Job controller reads `job`: built on first read, not for every pod of every sync.
  let job: PodJobView | undefined;
  return {
    name: w.name,
    namespace: w.namespace,
    uid: w.uid,
    labels: w.pod.metadata?.labels ?? {},
    annotations: w.pod.metadata?.annotations ?? {},
    ...(o ? { ownerUid: o } : {}),
    ...(node ? { node } : {}),
    phase: w.phaseRecorded ? w.phase : 'Pending',
    ready: isReady,
    ...(isReady && ready ? { readySince: ready.lastTransitionTime } : {}),
    restarts,
    creationTimestamp: created,
    deleting: w.deletion !== undefined,
    get job() {
      return (job ??= jobView(w));
    },
  };
}

/** daemonset strategy.go PrepareForUpdate: a new template is the next template generation. */
function bumpTemplateGeneration(o: WorkloadObject): void {
  const gen = Number(o.annotations[TEMPLATE_GENERATION_ANNOTATION] ?? 0) + 1;
  o.annotations = { ...o.annotations, [TEMPLATE_GENERATION_ANNOTATION]: String(gen) };
}

export class WorkloadHost implements ControllerHost {
  readonly manager: ControllerManager;
  /** Creation time of every pod a controller made (the API's creationTimestamp). */
  private readonly created = new Map<string, number>();
  private readonly used = new Set<string>();

  readonly minor: number;

  constructor(private readonly c: PodStore) {
    this.minor = Number(c.version.split('.')[1] ?? 0);
    this.manager = new ControllerManager(this);
  }

  now(): number {
    return this.c.clock.now() / 1000;
  }

  nodes(): CtlNode[] {
    return this.c.nodeViews();
  }

  /** A Node was added or written: the DaemonSets re-sync. */
  nodesChanged(): void {
    this.manager.nodesChanged();
  }

  pods(namespace: string): CtlPod[] {
    const out: CtlPod[] = [];
    for (const w of this.c.workers()) {
      if (w.namespace !== namespace || w.lifecycle === 'deleted') continue;
      out.push(workerView(w, this.c.nodeOf(w), this.created.get(`${namespace}/${w.name}`) ?? 0));
    }
    for (const u of this.c.unbound()) {
      if (u.namespace !== namespace) continue;
      const o = ownerUid(u.pod);
      const pinned = affinityNode(u.pod.spec?.affinity);
      out.push({
        name: u.name,
        namespace,
        uid: u.pod.metadata?.uid ?? '',
        labels: u.pod.metadata?.labels ?? {},
        annotations: u.pod.metadata?.annotations ?? {},
        ...(o ? { ownerUid: o } : {}),
        ...(pinned ? { targetNode: pinned } : {}),
        phase: 'Pending',
        ready: false,
        restarts: 0,
        creationTimestamp: this.created.get(`${namespace}/${u.name}`) ?? u.createdS,
        deleting: false,
      });
    }
    return out;
  }

  createPod(pod: DefaultedPod, doc: number): void {
    const name = pod.metadata.name ?? '';
    const ns = pod.metadata.namespace ?? 'default';
    this.used.add(`${ns}/${name}`);
    this.created.set(`${ns}/${name}`, this.now());
    this.c.apply({ kind: 'Pod', name, namespace: ns, doc, object: pod });
  }

  deletePod(namespace: string, name: string): void {
    this.c.deletePod(namespace, name);
  }

  nameInUse(namespace: string, name: string): boolean {
    return this.used.has(`${namespace}/${name}`);
  }

  event(
    object: string,
    namespace: string,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: string,
  ): void {
    this.c.recorder.add({
      type: 'event',
      object,
      namespace,
      eventType: type,
      reason,
      message,
      source,
    });
  }

  record(o: WorkloadObject): void {
    this.c.recorder.add({ type: 'workload', object: cloneJson(o) });
  }

  deleted(o: WorkloadObject): void {
    this.c.recorder.add({
      type: 'object.deleted',
      kind: o.kind,
      name: o.name,
      namespace: o.namespace,
    });
  }

  after(seconds: number, fn: () => void): void {
    this.c.clock.after(seconds * 1000, fn);
  }

  /** A pod's status was written or it left the API: its ReplicaSet re-syncs. */
  podChanged(w: PodWorker): void {
    const view = w.lifecycle === 'deleted' ? undefined : workerView(w, this.c.nodeOf(w), 0);
    this.manager.podChanged(view, w.namespace, w.name, ownerUid(w.pod));
  }

  /** A Deployment or ReplicaSet document applied (t = 0 or an `apply` action). */
  apply(
    src: SourceObject & {
      kind: 'Deployment' | 'ReplicaSet' | 'Job' | 'StatefulSet' | 'DaemonSet';
    },
  ): void {
    const m = this.manager;
    const uid = m.newUid(src.kind, src.namespace, src.name);
    const now = this.now();
    if (src.kind === 'DaemonSet')
      m.addDaemonSet(daemonSetFrom(src.object as DefaultedDaemonSet, src.doc, uid, now));
    else if (src.kind === 'StatefulSet')
      m.addStatefulSet(statefulSetFrom(src.object as DefaultedStatefulSet, src.doc, uid, now));
    else if (src.kind === 'Job')
      m.addJob(jobFrom(src.object as DefaultedJob, src.doc, uid, this.now()));
    else if (src.kind === 'Deployment')
      m.addDeployment(deploymentFrom(src.object as DefaultedDeployment, src.doc, uid, this.now()));
    else
      m.addReplicaSet(replicaSetFrom(src.object as DefaultedReplicaSet, src.doc, uid, this.now()));
  }

  private find(kind: string, ns: string, name: string): WorkloadObject | undefined {
    const m = this.manager;
    const store =
      kind === 'Job'
        ? m.jobs
        : kind === 'Deployment'
          ? m.deployments
          : kind === 'StatefulSet'
            ? m.statefulSets
            : kind === 'DaemonSet'
              ? m.daemonSets
              : m.replicaSets;
    return store.get(`${ns}/${name}`);
  }

  private target(a: ScenarioAction, k: { kind: string; name: string; namespace?: string }) {
    const o = this.find(k.kind, k.namespace ?? 'default', k.name);
    const group = k.kind === 'Job' ? 'batch' : 'apps';
    if (!o) this.c.actionError(a, `${k.kind.toLowerCase()}s.${group} "${k.name}" not found`);
    return o;
  }

  /**
   * `kubectl scale`: spec.replicas (a Deployment's is a scaling event for its controller). A Job
   * has no scale subresource (kubectl dropped Job scaling, kubernetes#22462 / #58468): kubectl's
   * scaler (kubectl/pkg/scale/scale.go ScaleSimple) PATCHes `jobs/NAME/scale`, which the API server
   * answers 404 from go-restful (server/handler.go serviceErrorHandler → NewGenericServerResponse),
   * printed `Error from server (NotFound): the server could not find the requested resource`.
   */
  scale(a: Extract<ScenarioAction, { scale: unknown }>): void {
    const o = this.target(a, a.scale);
    if (!o) return;
    if (o.kind === 'Job' || o.kind === 'DaemonSet')
      return this.c.actionError(a, 'the server could not find the requested resource');
    if (o.spec.replicas !== a.scale.replicas) {
      o.spec = { ...o.spec, replicas: a.scale.replicas };
      o.generation++;
      this.changed(o);
    }
    this.c.actionResult(`${o.kind.toLowerCase()}.apps/${o.name} scaled`);
  }

  private changed(o: WorkloadObject): void {
    this.record(o);
    if (o.kind === 'Job') this.manager.queueJob(o, 0);
    else if (o.kind === 'StatefulSet') this.manager.queueStatefulSet(o);
    else if (o.kind === 'DaemonSet') this.manager.queueDaemonSet(o);
    else if (o.kind === 'Deployment') this.manager.queueDeployment(o);
    else this.manager.queueRS(o);
  }

  /** `kubectl rollout restart deployment|statefulset/NAME`, `rollout undo deployment/NAME` (objectrestarter.go, rollback.go). */
  rollout(a: Extract<ScenarioAction, { rollout: unknown }>): void {
    const o = this.target(a, a.rollout);
    if (!o || (o.kind !== 'Deployment' && o.kind !== 'StatefulSet' && o.kind !== 'DaemonSet'))
      return;
    const r = a.rollout;
    if (r.do === 'restart') {
      const t = o.spec.template;
      const annotations = {
        ...(t.metadata.annotations ?? {}),
        'kubectl.kubernetes.io/restartedAt': rfc3339(this.now()),
      };
      o.spec = { ...o.spec, template: { ...t, metadata: { ...t.metadata, annotations } } };
      o.generation++;
      if (o.kind === 'DaemonSet') bumpTemplateGeneration(o);
      this.changed(o);
      return this.c.actionResult(`${o.kind.toLowerCase()}.apps/${o.name} restarted`);
    }
    if (o.kind === 'Deployment') this.undo(a, o, r.toRevision ?? 0);
  }

  private undo(a: ScenarioAction, d: DeploymentObject, to: number): void {
    const rss = [...this.manager.replicaSets.values()].filter((rs) =>
      rs.ownerReferences?.some((x) => x.uid === d.uid),
    );
    const rev = (rs: (typeof rss)[number]) => Number(rs.annotations[REVISION] ?? 0);
    // rollback.go deploymentRevision: the given revision, or the one before the latest.
    const sorted = [...rss].sort((x, y) => rev(y) - rev(x));
    const target = to > 0 ? rss.find((rs) => rev(rs) === to) : sorted[1];
    if (!target)
      return this.c.actionError(
        a,
        to > 0
          ? `error: unable to find specified revision ${to} in history`
          : `error: no rollout history found for deployment "${d.name}"`,
      );
    if (templateKey(target.spec.template) === templateKey(d.spec.template))
      return this.c.actionResult(
        `deployment.apps/${d.name} skipped rollback (current template already matches revision ${to})`,
      );
    const labels = { ...(target.spec.template.metadata.labels ?? {}) };
    delete labels[POD_TEMPLATE_HASH];
    const template = cloneJson(target.spec.template);
    template.metadata = { ...template.metadata, labels };
    d.spec = { ...d.spec, template };
    d.generation++;
    this.changed(d);
    this.c.actionResult(`deployment.apps/${d.name} rolled back`);
  }

  /**
   * `kubectl patch deployment|replicaset|job`: merged and validated; a new template starts a
   * rollout; a Job's new spec is synced at once (job_controller.go updateJob: a generation change
   * is enqueueSyncJobImmediately; its activeDeadlineSeconds requeue comes from the sync).
   */
  patch(a: PatchAction): void {
    const p = a.patch;
    const o = this.target(a, p);
    if (!o) return;
    const group = o.kind === 'Job' ? 'batch' : 'apps';
    const current = {
      apiVersion: `${group}/v1`,
      kind: o.kind,
      metadata: {
        name: o.name,
        namespace: o.namespace,
        labels: o.labels,
        annotations: o.annotations,
      },
      // The stored Job: defaults the JobObject does not keep (suspend is not simulated).
      spec: o.kind === 'Job' ? { ...o.spec, suspend: false, manualSelector: false } : o.spec,
    };
    const r = patchWorkload(o.kind, current, p.patch);
    if (!r.ok) return this.c.actionError(a, r.message);
    const res = `${o.kind.toLowerCase()}.${group}/${o.name} patched${r.changed ? '' : ' (no change)'}`;
    if (!r.changed) return this.c.actionResult(res);
    const meta = r.object.metadata;
    if (o.kind === 'Job') {
      const next = { ...r.object, metadata: { ...meta, name: o.name, namespace: o.namespace } };
      o.spec = jobFrom(next as DefaultedJob, o.doc, o.uid, o.creationTimestamp).spec;
      o.annotations = meta.annotations ?? {};
    } else {
      const before = o.spec.template;
      o.spec = r.object.spec as typeof o.spec;
      if (o.kind === 'DaemonSet' && !deepEqual(before, o.spec.template)) bumpTemplateGeneration(o);
    }
    o.labels = meta.labels ?? {};
    o.generation++;
    this.changed(o);
    this.c.actionResult(res);
  }

  /** `kubectl delete deployment|replicaset|job` (background cascading deletion). */
  delete(a: ScenarioAction, k: { kind: string; name: string; namespace?: string }): void {
    const o = this.target(a, k);
    if (o) this.manager.deleteObject(o);
  }
}
