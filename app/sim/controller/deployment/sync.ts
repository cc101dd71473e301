/**
 * k/k pkg/controller/deployment/sync.go: finding or creating the new ReplicaSet
 * (getAllReplicaSetsAndSyncRevision, getNewReplicaSet), scaling one RS with its event
 * (scaleReplicaSet), proportional scaling on a replicas change (isScalingEvent, sync, scale),
 * the revision history clean-up (cleanupDeployment) and the status (calculateStatus).
 */
import { cloneJson } from '../../../k8s/json.ts';
import { computeHash, POD_TEMPLATE_HASH } from '../controller_utils.ts';
import type { ControllerHost, DeploymentObject, ReplicaSetObject } from '../types.ts';
import {
  actualReplicas,
  availableReplicas,
  byCreation,
  DESIRED_REPLICAS,
  emptyRSStatus,
  getCondition,
  maxSurge,
  maxUnavailable,
  MAX_REPLICAS,
  newCondition,
  newRSNewReplicas,
  readyReplicas,
  REVISION,
  REVISION_HISTORY,
  revisionOf,
  setCondition,
  setReplicasAnnotations,
  specReplicas,
  templateKey,
} from './util.ts';

/** What the Deployment controller does through the API (manager.ts). */
export interface DeploymentCtx {
  readonly host: ControllerHost;
  /** The RSs the Deployment owns (not deleted), oldest first. */
  replicaSets(d: DeploymentObject): ReplicaSetObject[];
  /** A new RS is stored (the RS controller will sync it). */
  createReplicaSet(rs: ReplicaSetObject): void;
  /** An RS was updated (spec or annotations): recorded, the RS and the Deployment re-synced. */
  updateReplicaSet(rs: ReplicaSetObject): void;
  deleteReplicaSet(rs: ReplicaSetObject): void;
  newUid(kind: string, namespace: string, name: string): string;
}

const SOURCE = 'deployment-controller';

export function scaleEvent(c: DeploymentCtx, d: DeploymentObject, msg: string): void {
  c.host.event(`deployment/${d.name}`, d.namespace, 'Normal', 'ScalingReplicaSet', msg, SOURCE);
}

/** scaleReplicaSet: spec.replicas and the replicas annotations; the event when the size changed. */
export function scaleReplicaSet(
  c: DeploymentCtx,
  rs: ReplicaSetObject,
  newScale: number,
  d: DeploymentObject,
  op: 'up' | 'down' | '',
): boolean {
  const sizeChanged = rs.spec.replicas !== newScale;
  const annotations = setReplicasAnnotations(rs, d.spec.replicas, d.spec.replicas + maxSurge(d));
  if (!sizeChanged && !annotations) return false;
  const old = rs.spec.replicas;
  rs.spec = { ...rs.spec, replicas: newScale };
  if (sizeChanged) rs.generation++;
  c.updateReplicaSet(rs);
  if (sizeChanged)
    scaleEvent(c, d, `Scaled ${op} replica set ${rs.name} from ${old} to ${newScale}`);
  return sizeChanged;
}

/** scaleReplicaSetAndRecordEvent. */
export function scaleRS(
  c: DeploymentCtx,
  rs: ReplicaSetObject,
  newScale: number,
  d: DeploymentObject,
): boolean {
  if (rs.spec.replicas === newScale) return false;
  return scaleReplicaSet(c, rs, newScale, d, rs.spec.replicas < newScale ? 'up' : 'down');
}

/** SetNewReplicaSetAnnotations (the revision part): an older revision moves to max+1. */
function syncRevision(rs: ReplicaSetObject, newRevision: number): void {
  const old = revisionOf(rs);
  if (old >= newRevision) return;
  const a: Record<string, string> = { ...rs.annotations, [REVISION]: String(newRevision) };
  if (old > 0) {
    const prev = rs.annotations[REVISION_HISTORY];
    a[REVISION_HISTORY] = prev ? `${prev},${old}` : String(old);
  }
  rs.annotations = a;
}

function setDeploymentRevision(d: DeploymentObject, rev: string): void {
  if (d.annotations[REVISION] !== rev) d.annotations = { ...d.annotations, [REVISION]: rev };
}

/** The existing RS whose template equals the Deployment's, oldest first (FindNewReplicaSet). */
export function findNewReplicaSet(
  d: DeploymentObject,
  rsList: readonly ReplicaSetObject[],
): ReplicaSetObject | undefined {
  const key = templateKey(d.spec.template);
  return rsList.find((rs) => templateKey(rs.spec.template) === key);
}

function existingNewRS(c: DeploymentCtx, d: DeploymentObject, rs: ReplicaSetObject, rev: number) {
  const before = JSON.stringify(rs.annotations);
  syncRevision(rs, rev);
  if (JSON.stringify(rs.annotations) !== before) c.updateReplicaSet(rs);
  setDeploymentRevision(d, rs.annotations[REVISION] ?? String(rev));
  if (!getCondition(d.status, 'Progressing'))
    setCondition(
      d.status,
      newCondition(
        'Progressing',
        'True',
        'FoundNewReplicaSet',
        `Found new replica set "${rs.name}"`,
        c.host.now(),
      ),
    );
}

/** getNewReplicaSet: the RS of the current template, created when `create` and missing. */
function getNewReplicaSet(
  c: DeploymentCtx,
  d: DeploymentObject,
  rsList: readonly ReplicaSetObject[],
  old: readonly ReplicaSetObject[],
  create: boolean,
): ReplicaSetObject | undefined {
  const newRevision = Math.max(0, ...old.map(revisionOf)) + 1;
  const existing = findNewReplicaSet(d, rsList);
  if (existing) {
    existingNewRS(c, d, existing, newRevision);
    return existing;
  }
  if (!create) return undefined;
  const hash = computeHash(d.spec.template, d.status.collisionCount);
  const name = `${d.name}-${hash}`;
  const labels = { ...(d.spec.template.metadata.labels ?? {}), [POD_TEMPLATE_HASH]: hash };
  const now = c.host.now();
  const rs: ReplicaSetObject = {
    kind: 'ReplicaSet',
    name,
    namespace: d.namespace,
    uid: c.newUid('ReplicaSet', d.namespace, name),
    doc: d.doc,
    creationTimestamp: now,
    generation: 1,
    labels,
    annotations: { [REVISION]: String(newRevision) },
    ownerReferences: [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: d.name,
        uid: d.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
    spec: {
      replicas: 0,
      minReadySeconds: d.spec.minReadySeconds,
      selector: {
        ...d.spec.selector,
        matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash },
      },
      template: {
        ...cloneJson(d.spec.template),
        metadata: { ...cloneJson(d.spec.template.metadata), labels },
      },
    },
    status: emptyRSStatus(),
  };
  rs.spec.replicas = newRSNewReplicas(d, [...old, rs], rs);
  rs.annotations = {
    ...rs.annotations,
    [DESIRED_REPLICAS]: String(d.spec.replicas),
    [MAX_REPLICAS]: String(d.spec.replicas + maxSurge(d)),
  };
  c.createReplicaSet(rs);
  if (rs.spec.replicas > 0)
    scaleEvent(c, d, `Scaled up replica set ${name} from 0 to ${rs.spec.replicas}`);
  setDeploymentRevision(d, String(newRevision));
  setCondition(
    d.status,
    newCondition(
      'Progressing',
      'True',
      'NewReplicaSetCreated',
      `Created new replica set "${name}"`,
      now,
    ),
  );
  return rs;
}

/** getAllReplicaSetsAndSyncRevision: the new RS (maybe created) and the old ones, oldest first. */
export function getAllReplicaSets(
  c: DeploymentCtx,
  d: DeploymentObject,
  create: boolean,
): { newRS: ReplicaSetObject | undefined; oldRSs: ReplicaSetObject[] } {
  const rsList = c.replicaSets(d).sort(byCreation);
  const found = findNewReplicaSet(d, rsList);
  const old = rsList.filter((rs) => rs !== found);
  const newRS = getNewReplicaSet(c, d, rsList, old, create);
  return { newRS, oldRSs: old };
}

/** FilterActiveReplicaSets: spec.replicas > 0. */
export const activeRSs = (rss: readonly (ReplicaSetObject | undefined)[]) =>
  rss.filter((rs): rs is ReplicaSetObject => !!rs && rs.spec.replicas > 0);

/** isScalingEvent: an active RS's desired-replicas annotation differs from spec.replicas. */
export function isScalingEvent(c: DeploymentCtx, d: DeploymentObject): boolean {
  const rss = c.replicaSets(d);
  return activeRSs(rss).some((rs) => {
    const desired = rs.annotations[DESIRED_REPLICAS];
    return desired !== undefined && Number(desired) !== d.spec.replicas;
  });
}

/** getReplicaSetFraction: this RS's share of a scaling, from its max-replicas annotation. */
function fraction(rs: ReplicaSetObject, d: DeploymentObject): number {
  if (d.spec.replicas === 0) return -rs.spec.replicas;
  const max = d.spec.replicas + maxSurge(d);
  const before = Number(rs.annotations[MAX_REPLICAS] ?? 0);
  if (!before) return 0;
  // integer.RoundToInt32: half away from zero.
  const x = (rs.spec.replicas * max) / before;
  return Math.sign(x) * Math.round(Math.abs(x)) - rs.spec.replicas;
}

/** The proportional part of `scale`: every active RS grows or shrinks by its share. */
function proportional(c: DeploymentCtx, d: DeploymentObject, all: ReplicaSetObject[]): void {
  const allowed = d.spec.replicas > 0 ? d.spec.replicas + maxSurge(d) : 0;
  const toAdd = allowed - specReplicas(all);
  const newer = (a: ReplicaSetObject, b: ReplicaSetObject) => byCreation(b, a);
  // ReplicaSetsBySizeNewer / BySizeOlder: larger first, then newer (up) or older (down).
  all.sort(
    (a, b) => b.spec.replicas - a.spec.replicas || (toAdd > 0 ? newer(a, b) : byCreation(a, b)),
  );
  const size = new Map<ReplicaSetObject, number>();
  let added = 0;
  for (const rs of all) {
    let p = 0;
    if (toAdd !== 0 && rs.spec.replicas !== 0 && toAdd !== added) {
      const f = fraction(rs, d);
      p = toAdd > 0 ? Math.min(f, toAdd - added) : Math.max(f, toAdd - added);
    }
    size.set(rs, rs.spec.replicas + p);
    added += p;
  }
  all.forEach((rs, i) => {
    let n = size.get(rs) ?? 0;
    if (i === 0 && toAdd !== 0) n = Math.max(0, n + toAdd - added);
    scaleReplicaSet(c, rs, n, d, toAdd > 0 ? 'up' : toAdd < 0 ? 'down' : '');
  });
}

/** scale: one active RS takes the new count; a saturated new RS empties the old ones; else shares. */
export function scale(
  c: DeploymentCtx,
  d: DeploymentObject,
  newRS: ReplicaSetObject | undefined,
  old: ReplicaSetObject[],
) {
  const active = activeRSs([newRS, ...old]);
  const only =
    active.length === 1
      ? active[0]
      : active.length === 0
        ? (newRS ?? [...old].sort(byCreation).at(-1))
        : undefined;
  if (only) {
    if (only.spec.replicas !== d.spec.replicas) scaleRS(c, only, d.spec.replicas, d);
    return;
  }
  // IsSaturated: the new RS has all replicas and they are available.
  if (
    newRS &&
    newRS.spec.replicas === d.spec.replicas &&
    Number(newRS.annotations[DESIRED_REPLICAS]) === d.spec.replicas &&
    newRS.status.availableReplicas === d.spec.replicas
  ) {
    for (const rs of activeRSs(old)) scaleRS(c, rs, 0, d);
    return;
  }
  if (d.spec.strategy.type === 'RollingUpdate') proportional(c, d, active);
}

/** cleanupDeployment: RSs beyond revisionHistoryLimit, scaled to 0, oldest revision first. */
export function cleanupDeployment(
  c: DeploymentCtx,
  d: DeploymentObject,
  old: readonly ReplicaSetObject[],
) {
  const diff = old.length - d.spec.revisionHistoryLimit;
  if (diff <= 0) return;
  const byRevision = [...old].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  for (const rs of byRevision.slice(0, diff))
    if (rs.status.replicas === 0 && rs.spec.replicas === 0) c.deleteReplicaSet(rs);
}

/** calculateStatus: counts over all RSs and the Available condition. */
export function calculateStatus(
  c: DeploymentCtx,
  all: readonly (ReplicaSetObject | undefined)[],
  newRS: ReplicaSetObject | undefined,
  d: DeploymentObject,
): DeploymentObject['status'] {
  const available = availableReplicas(all);
  const s: DeploymentObject['status'] = {
    observedGeneration: d.generation,
    replicas: actualReplicas(all),
    updatedReplicas: actualReplicas([newRS]),
    readyReplicas: readyReplicas(all),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, specReplicas(all) - available),
    conditions: [...d.status.conditions],
    ...(d.status.collisionCount !== undefined ? { collisionCount: d.status.collisionCount } : {}),
  };
  const now = c.host.now();
  if (available >= d.spec.replicas - maxUnavailable(d))
    setCondition(
      s,
      newCondition(
        'Available',
        'True',
        'MinimumReplicasAvailable',
        'Deployment has minimum availability.',
        now,
      ),
    );
  else
    setCondition(
      s,
      newCondition(
        'Available',
        'False',
        'MinimumReplicasUnavailable',
        'Deployment does not have minimum availability.',
        now,
      ),
    );
  return s;
}
