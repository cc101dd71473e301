/**
 * `kubectl patch` as the API server runs it (registry/rest update.go → the patcher): the strategic
 * merge patch applied to the current object, the result decoded and defaulted again, then the
 * kind's update validation (a Pod: ValidatePodUpdate). A refusal changes nothing and comes back with
 * the API server's message (`Pod "web" is invalid: …`). Pure: the caller holds the objects.
 */
import { Issues } from './issues.ts';
import { validateSchema } from './schema/validateSchema.ts';
import { asRecord, cloneJson, type JsonObject } from './json.ts';
import { defaultPod } from './defaults.ts';
import { defaultNode, validateNode, type DefaultedNode } from './nodes.ts';
import { PATCH_SCHEMAS, strategicMerge } from './strategicMerge.ts';
import type { DefaultedPod } from './types.ts';
import { deepEqual, invalidMessage, validatePodUpdate } from './validate/podUpdate.ts';
import { validateLabels } from './validate/meta.ts';
import { defaultWorkload, validateWorkload } from './workloads.ts';
import { versionFeatures, type VersionFeatures } from './features.ts';
import { defaultJob, validateJobUpdate } from './jobs.ts';
import { defaultStatefulSet, validateStatefulSet } from './statefulSets.ts';
import { defaultDaemonSet, validateDaemonSet } from './daemonSets.ts';

export type PatchOutcome<T> =
  { ok: true; object: T; changed: boolean } | { ok: false; message: string };

function merged(kind: string, current: object, patch: unknown): JsonObject | string {
  const r = strategicMerge(current as JsonObject, patch, PATCH_SCHEMAS[kind]);
  return r.ok ? cloneJson(r.value) : r.error;
}

/**
 * `admit` gives the object as the API server stores it (admission adds DefaultTolerationSeconds'
 * tolerations, the service account token volume…): the update is validated against that, so a
 * patch that replaces `tolerations` without them is refused as on a cluster. The object returned
 * is the patch applied to `current` itself (admission stays idempotent on it).
 */
export function patchPod(
  current: DefaultedPod,
  patch: unknown,
  admit: (p: DefaultedPod) => DefaultedPod = (p) => p,
): PatchOutcome<DefaultedPod> {
  const next = merged('Pod', current, patch);
  if (typeof next === 'string') return { ok: false, message: next };
  defaultPod(next);
  const stored = admit(current);
  const storedNext = stored === current ? next : merged('Pod', stored, patch);
  if (typeof storedNext === 'string') return { ok: false, message: storedNext };
  if (storedNext !== next) defaultPod(storedNext);
  const errors = validatePodUpdate(storedNext, stored as unknown as JsonObject);
  if (errors.length > 0)
    return { ok: false, message: invalidMessage('Pod', current.metadata.name, errors) };
  return { ok: true, object: next as unknown as DefaultedPod, changed: !deepEqual(next, current) };
}

/** Labels and taints change freely (ValidateNodeUpdate); taint entries are checked as on create. */
export function patchNode(current: DefaultedNode, patch: unknown): PatchOutcome<DefaultedNode> {
  const next = merged('Node', current, patch);
  if (typeof next === 'string') return { ok: false, message: next };
  defaultNode(next);
  const issues = new Issues();
  validateLabels(asRecord(asRecord(next.metadata)?.labels), ['metadata', 'labels'], issues);
  validateNode(next, issues);
  const errors = issues.list.map((i) => i.message);
  if (errors.length > 0)
    return { ok: false, message: invalidMessage('Node', current.metadata.name, errors) };
  return { ok: true, object: next as unknown as DefaultedNode, changed: !deepEqual(next, current) };
}

/**
 * A Deployment, ReplicaSet or Job: merged, defaulted and validated as on create, then the kind's
 * update rules: the selector is immutable in apps/v1 (ValidateDeploymentUpdate /
 * ValidateReplicaSetUpdate); a Job's are jobs.ts validateJobUpdate. errors.NewInvalid names the
 * kind with its group (`Job.batch "pi" is invalid: …`).
 */
export function patchWorkload<T extends object>(
  kind: 'Deployment' | 'ReplicaSet' | 'Job' | 'StatefulSet' | 'DaemonSet',
  current: T,
  patch: unknown,
  api: VersionFeatures = versionFeatures(),
): PatchOutcome<T> {
  const next = merged(kind, current, patch);
  if (typeof next === 'string') return { ok: false, message: next };
  const cur = current as unknown as JsonObject;
  // The API server decodes the patched object before validating it: a value of the wrong type
  // (`image: []`) is refused there and never reaches the controllers.
  const decoded = new Issues();
  const typeErrors = validateSchema(next, decoded, api.version) > 0;
  const errors = typeErrors
    ? decoded.list.filter((i) => i.severity === 'error').map((i) => i.message)
    : kind === 'Job'
      ? jobErrors(next, cur, api)
      : kind === 'StatefulSet'
        ? statefulSetErrors(next, cur, api)
        : kind === 'DaemonSet'
          ? daemonSetErrors(next, cur, api)
          : appsErrors(kind, next, cur, api);
  const name = String(asRecord(cur.metadata)?.name ?? '');
  // registry/generic/registry/store.go: errors.NewInvalid(GroupKind, …) → `Deployment.apps "web"`.
  const qualified = kind === 'Job' ? 'Job.batch' : `${kind}.apps`;
  if (errors.length > 0) return { ok: false, message: invalidMessage(qualified, name, errors) };
  return { ok: true, object: next as unknown as T, changed: !deepEqual(next, cur) };
}

function jobErrors(next: JsonObject, cur: JsonObject, api: VersionFeatures): string[] {
  defaultJob(next);
  return validateJobUpdate(next, cur, api);
}

/** Fields ValidateStatefulSetUpdate lets an update change; any other spec change is forbidden. */
const STATEFULSET_MUTABLE = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'revisionHistoryLimit',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
];

function statefulSetErrors(next: JsonObject, cur: JsonObject, api: VersionFeatures): string[] {
  defaultStatefulSet(next);
  const issues = new Issues();
  validateStatefulSet(next, issues, api);
  const rest = (o: JsonObject) =>
    Object.fromEntries(
      Object.entries(asRecord(o.spec) ?? {}).filter(([k]) => !STATEFULSET_MUTABLE.includes(k)),
    );
  if (!deepEqual(rest(next), rest(cur)))
    issues.raw(
      ['spec'],
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      'forbidden',
      'key',
    );
  return issues.list.filter((i) => i.severity === 'error').map((i) => i.message);
}

/** ValidateDaemonSetUpdate: the spec rules again, and an immutable selector. */
function daemonSetErrors(next: JsonObject, cur: JsonObject, api: VersionFeatures): string[] {
  defaultDaemonSet(next);
  const issues = new Issues();
  validateDaemonSet(next, issues, api);
  immutableSelector(next, cur, issues);
  return issues.list.filter((i) => i.severity === 'error').map((i) => i.message);
}

function immutableSelector(next: JsonObject, cur: JsonObject, issues: Issues): void {
  const sel = (o: JsonObject) => asRecord(o.spec)?.selector;
  if (!deepEqual(sel(next), sel(cur)))
    issues.raw(
      ['spec', 'selector'],
      `spec.selector: Invalid value: ${JSON.stringify(sel(next))}: field is immutable`,
      'immutable',
      'value',
    );
}

function appsErrors(
  kind: 'Deployment' | 'ReplicaSet',
  next: JsonObject,
  cur: JsonObject,
  api: VersionFeatures,
): string[] {
  defaultWorkload(kind, next);
  const issues = new Issues();
  validateWorkload(kind, next, issues, api);
  immutableSelector(next, cur, issues);
  return issues.list.filter((i) => i.severity === 'error').map((i) => i.message);
}
