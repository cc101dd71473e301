/**
 * What an update of a Pod may change: k8s validation.go `ValidatePodUpdate` (with
 * `ValidateContainerUpdates`, `validateOnlyAddedTolerations`, `validateOnlyDeletedSchedulingGates`,
 * `ValidatePodSpecificAnnotationUpdates`). Everything but the container images, a lowered (or first)
 * `activeDeadlineSeconds`, added tolerations, removed scheduling gates and the negative → 1
 * `terminationGracePeriodSeconds` case is munged back and compared: any other difference is the
 * catch-all `spec: Forbidden: pod updates may not change fields other than …` followed by a diff.
 *
 * The diff after the first line is upstream's `cmp.Diff(oldPod.Spec, mungedPodSpec)` of Go structs,
 * which cannot be reproduced byte for byte from JSON; Podlab prints cmp's frame with one `-`/`+`
 * pair per changed field path instead (Go field names, JSON values).
 */
import { Issues } from '../issues.ts';
import { asArray, asNumber, asRecord, cloneJson, type JsonObject } from '../json.ts';
import { formatPath, type Segment } from '../path.ts';
import { validateAnnotations, validateLabels } from './meta.ts';

/** validation.go `updatablePodSpecFields`, joined with "," as ValidatePodUpdate does. */
export const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
].join(',');

const MAX_INT32 = 2147483647;

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  const ra = asRecord(a);
  const rb = asRecord(b);
  if (!ra || !rb) return false;
  // Go's Semantic.DeepEqual on structs: an absent field and its zero value are the same; JSON
  // absent vs empty list/map are too (omitempty).
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys)
    if (!deepEqual(emptyToUndefined(ra[k]), emptyToUndefined(rb[k]))) return false;
  return true;
}

function emptyToUndefined(v: unknown): unknown {
  if (Array.isArray(v) && v.length === 0) return undefined;
  const r = asRecord(v);
  if (r && Object.keys(r).length === 0) return undefined;
  return v;
}

/** ValidateContainerUpdates: the same number of containers, each with a non-blank image. */
function containerUpdates(next: unknown[], prev: unknown[], list: string, issues: Issues): boolean {
  if (next.length !== prev.length) {
    issues.forbidden(['spec', list], 'pod updates may not add or remove containers');
    return true;
  }
  next.forEach((c, i) => {
    const image = asRecord(c)?.image;
    const path = ['spec', list, i, 'image'];
    if (typeof image !== 'string' || image.length === 0) issues.required(path);
    else if (image.trim().length !== image.length)
      issues.invalid(path, image, 'must not have leading or trailing whitespace');
  });
  return false;
}

function activeDeadline(next: JsonObject, prev: JsonObject, issues: Issues): void {
  const path = ['spec', 'activeDeadlineSeconds'];
  const n = asNumber(next.activeDeadlineSeconds);
  const o = asNumber(prev.activeDeadlineSeconds);
  if (n !== undefined) {
    if (n < 0 || n > MAX_INT32)
      return issues.invalid(path, n, `must be between 0 and ${MAX_INT32}, inclusive`);
    if (o !== undefined && o < n)
      issues.invalid(path, n, 'must be less than or equal to previous value');
  } else if (o !== undefined) {
    issues.invalid(path, 'null', 'must not update from a positive integer to nil value');
  }
}

/** validateOnlyAddedTolerations: each old toleration is still there (tolerationSeconds may change). */
function onlyAddedTolerations(next: unknown[], prev: unknown[], issues: Issues): void {
  for (const old of prev) {
    const found = next.some((t) => {
      const clone = { ...asRecord(old) };
      const ts = asRecord(t)?.tolerationSeconds;
      if (ts === undefined) delete clone.tolerationSeconds;
      else clone.tolerationSeconds = ts;
      return deepEqual(clone, t);
    });
    if (!found) {
      issues.forbidden(
        ['spec', 'tolerations'],
        'existing toleration can not be modified except its tolerationSeconds',
      );
      return;
    }
  }
}

/** validateOnlyDeletedSchedulingGates. */
function onlyDeletedGates(next: unknown[], prev: unknown[], issues: Issues): void {
  const old = new Set(prev.map((g) => asRecord(g)?.name));
  next.forEach((g, i) => {
    const name = asRecord(g)?.name;
    if (!old.has(name))
      issues.forbidden(
        ['spec', 'schedulingGates', i, 'name'],
        `only deletion is allowed, but found new scheduling gate '${String(name)}'`,
      );
  });
}

const GO_NAMES: Record<string, string> = {
  dnsPolicy: 'DNSPolicy',
  dnsConfig: 'DNSConfig',
  hostIPC: 'HostIPC',
  hostPID: 'HostPID',
  os: 'OS',
};
const goName = (k: string) => GO_NAMES[k] ?? k.charAt(0).toUpperCase() + k.slice(1);

function diffLines(a: unknown, b: unknown, path: Segment[], out: string[]): void {
  if (deepEqual(a, b)) return;
  const ra = asRecord(a);
  const rb = asRecord(b);
  if (ra && rb) {
    const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])];
    for (const k of keys) diffLines(ra[k], rb[k], [...path, goName(k)], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => diffLines(x, b[i], [...path, i], out));
    return;
  }
  const p = formatPath(path);
  if (a !== undefined) out.push(`- \t${p}: ${JSON.stringify(a)},`);
  if (b !== undefined) out.push(`+ \t${p}: ${JSON.stringify(b)},`);
}

/** The spec with every updatable field set back to the old pod's value (mungedPodSpec). */
function munge(next: JsonObject, prev: JsonObject): JsonObject {
  const m = cloneJson(next);
  for (const list of ['containers', 'initContainers'] as const) {
    const old = asArray(prev[list]);
    if (m[list] !== undefined)
      m[list] = asArray(m[list]).map((c, i) => ({
        ...asRecord(c),
        image: asRecord(old[i])?.image,
      }));
  }
  for (const k of ['activeDeadlineSeconds', 'schedulingGates', 'tolerations'] as const) {
    if (prev[k] === undefined) delete m[k];
    else m[k] = prev[k];
  }
  const oldGrace = asNumber(prev.terminationGracePeriodSeconds);
  if (oldGrace !== undefined && oldGrace < 0 && m.terminationGracePeriodSeconds === 1)
    m.terminationGracePeriodSeconds = oldGrace;
  return m;
}

/**
 * The field errors of updating `prev` to `next` (both defaulted Pods), as `field.Error` strings.
 * Empty: the update is allowed.
 */
export function validatePodUpdate(next: JsonObject, prev: JsonObject): string[] {
  const issues = new Issues();
  const meta = asRecord(next.metadata);
  validateLabels(asRecord(meta?.labels), ['metadata', 'labels'], issues);
  validateAnnotations(asRecord(meta?.annotations), ['metadata', 'annotations'], issues);
  const ns = asRecord(next.spec) ?? {};
  const ps = asRecord(prev.spec) ?? {};
  for (const list of ['containers', 'initContainers'])
    if (containerUpdates(asArray(ns[list]), asArray(ps[list]), list, issues))
      return issues.list.map((i) => i.message);
  activeDeadline(ns, ps, issues);
  onlyAddedTolerations(asArray(ns.tolerations), asArray(ps.tolerations), issues);
  onlyDeletedGates(asArray(ns.schedulingGates), asArray(ps.schedulingGates), issues);
  const munged = munge(ns, ps);
  if (!deepEqual(munged, ps)) {
    const lines: string[] = [];
    diffLines(ps, munged, [], lines);
    const diff = ['  core.PodSpec{', ...lines, '  }', ''].join('\n');
    issues.forbidden(
      ['spec'],
      `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS}\n${diff}`,
    );
  }
  return issues.list.map((i) => i.message);
}

/**
 * apimachinery errors.NewInvalid: `Pod "web" is invalid: <error>`, several errors as
 * `[e1, e2]` (utilerrors.Aggregate).
 */
export function invalidMessage(kind: string, name: string, errors: readonly string[]): string {
  const body = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
  return `${kind} "${name}" is invalid: ${body}`;
}
