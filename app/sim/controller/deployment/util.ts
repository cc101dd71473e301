/**
 * k/k pkg/controller/deployment/util/deployment_util.go: fenceposts, replica arithmetic, the
 * condition helpers and the revision annotations.
 */
import type {
  DeploymentObject,
  ReplicaSetObject,
  RollingUpdate,
  WorkloadCondition,
} from '../types.ts';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';

/** intstr.GetScaledValueFromIntOrPercent: a percent of `total`, rounded up or down. */
export function scaledValue(v: number | string, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const pct = Number(v.replace('%', ''));
  const x = (pct * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable down; both 0 → maxUnavailable 1.
 */
export function resolveFenceposts(
  ru: RollingUpdate | undefined,
  replicas: number,
): { surge: number; unavailable: number } {
  const surge = scaledValue(ru?.maxSurge ?? '25%', replicas, true);
  let unavailable = scaledValue(ru?.maxUnavailable ?? '25%', replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

const rolling = (d: DeploymentObject) => d.spec.strategy.type === 'RollingUpdate';

/** MaxSurge: 0 for Recreate. */
export function maxSurge(d: DeploymentObject): number {
  if (!rolling(d)) return 0;
  return resolveFenceposts(d.spec.strategy.rollingUpdate, d.spec.replicas).surge;
}

/** MaxUnavailable: 0 for Recreate or 0 replicas, never above spec.replicas. */
export function maxUnavailable(d: DeploymentObject): number {
  if (!rolling(d) || d.spec.replicas === 0) return 0;
  const u = resolveFenceposts(d.spec.strategy.rollingUpdate, d.spec.replicas).unavailable;
  return Math.min(u, d.spec.replicas);
}

const sum = (rss: readonly (ReplicaSetObject | undefined)[], f: (rs: ReplicaSetObject) => number) =>
  rss.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);

/** GetReplicaCountForReplicaSets: Σ spec.replicas. */
export const specReplicas = (rss: readonly (ReplicaSetObject | undefined)[]) =>
  sum(rss, (rs) => rs.spec.replicas);
/** GetActualReplicaCountForReplicaSets: Σ status.replicas. */
export const actualReplicas = (rss: readonly (ReplicaSetObject | undefined)[]) =>
  sum(rss, (rs) => rs.status.replicas);
export const readyReplicas = (rss: readonly (ReplicaSetObject | undefined)[]) =>
  sum(rss, (rs) => rs.status.readyReplicas);
export const availableReplicas = (rss: readonly (ReplicaSetObject | undefined)[]) =>
  sum(rss, (rs) => rs.status.availableReplicas);

/** NewRSNewReplicas: how far the new RS may grow now (RollingUpdate), or all of it (Recreate). */
export function newRSNewReplicas(
  d: DeploymentObject,
  all: readonly (ReplicaSetObject | undefined)[],
  newRS: ReplicaSetObject,
): number {
  if (!rolling(d)) return d.spec.replicas;
  const maxTotal = d.spec.replicas + maxSurge(d);
  const current = specReplicas(all);
  if (current >= maxTotal) return newRS.spec.replicas;
  const up = Math.min(maxTotal - current, d.spec.replicas - newRS.spec.replicas);
  return newRS.spec.replicas + up;
}

/** DeploymentComplete. */
export function deploymentComplete(d: DeploymentObject, s: DeploymentObject['status']): boolean {
  const n = d.spec.replicas;
  return (
    s.updatedReplicas === n &&
    s.replicas === n &&
    s.availableReplicas === n &&
    s.observedGeneration >= d.generation
  );
}

/** DeploymentProgressing: more updated, ready or available, or fewer old replicas. */
export function deploymentProgressing(
  old: DeploymentObject['status'],
  s: DeploymentObject['status'],
): boolean {
  return (
    s.updatedReplicas > old.updatedReplicas ||
    s.replicas - s.updatedReplicas < old.replicas - old.updatedReplicas ||
    s.readyReplicas > old.readyReplicas ||
    s.availableReplicas > old.availableReplicas
  );
}

export function getCondition(
  s: { conditions: WorkloadCondition[] },
  type: string,
): WorkloadCondition | undefined {
  return s.conditions.find((c) => c.type === type);
}

/** SetDeploymentCondition: same status and reason → nothing; same status keeps the transition time. */
export function setCondition(s: { conditions: WorkloadCondition[] }, c: WorkloadCondition): void {
  const cur = getCondition(s, c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return;
  const next =
    cur && cur.status === c.status ? { ...c, lastTransitionTime: cur.lastTransitionTime } : c;
  s.conditions = [...s.conditions.filter((x) => x.type !== c.type), next];
}

export function removeCondition(s: { conditions: WorkloadCondition[] }, type: string): void {
  s.conditions = s.conditions.filter((x) => x.type !== type);
}

export function newCondition(
  type: string,
  status: WorkloadCondition['status'],
  reason: string,
  message: string,
  now: number,
): WorkloadCondition {
  return { type, status, reason, message, lastUpdateTime: now, lastTransitionTime: now };
}

/** DeploymentTimedOut: the Progressing condition's lastUpdateTime + deadline is before now. */
export function deploymentTimedOut(
  d: DeploymentObject,
  s: DeploymentObject['status'],
  now: number,
) {
  const c = getCondition(s, 'Progressing');
  if (!c) return false;
  if (c.reason === 'ProgressDeadlineExceeded') return true;
  if (c.reason === 'NewReplicaSetAvailable') return false;
  return c.lastUpdateTime + d.spec.progressDeadlineSeconds < now;
}

export function revisionOf(rs: ReplicaSetObject | DeploymentObject): number {
  const v = Number(rs.annotations[REVISION] ?? 0);
  return Number.isFinite(v) ? v : 0;
}

/** Oldest first (controller.ReplicaSetsByCreationTimestamp; name breaks ties). */
export function byCreation(a: ReplicaSetObject, b: ReplicaSetObject): number {
  return a.creationTimestamp - b.creationTimestamp || (a.name < b.name ? -1 : 1);
}

/** ReplicasAnnotationsNeedUpdate + SetReplicasAnnotations; true when they changed. */
export function setReplicasAnnotations(rs: ReplicaSetObject, desired: number, max: number) {
  const d = String(desired);
  const m = String(max);
  if (rs.annotations[DESIRED_REPLICAS] === d && rs.annotations[MAX_REPLICAS] === m) return false;
  rs.annotations = { ...rs.annotations, [DESIRED_REPLICAS]: d, [MAX_REPLICAS]: m };
  return true;
}

/** Templates equal apart from the pod-template-hash label (EqualIgnoreHash). */
export function templateKey(t: ReplicaSetObject['spec']['template']): string {
  const labels = { ...(t.metadata.labels ?? {}) };
  delete labels['pod-template-hash'];
  return JSON.stringify(canonical({ ...t, metadata: { ...t.metadata, labels } }));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort()
        .map((k) => [k, canonical(o[k])]),
    );
  }
  return v;
}

/** A new ReplicaSet's status: nothing observed yet. */
export function emptyRSStatus(): ReplicaSetObject['status'] {
  return {
    replicas: 0,
    fullyLabeledReplicas: 0,
    readyReplicas: 0,
    availableReplicas: 0,
    observedGeneration: 0,
  };
}
