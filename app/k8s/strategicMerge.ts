/**
 * Strategic merge patch, as `kubectl patch` (the default `--type strategic`) has the API server
 * apply it: k8s.io/apimachinery pkg/util/strategicpatch/patch.go `StrategicMergePatch` →
 * `mergeMap` / `mergeSlice`. Maps merge recursively and `null` deletes a key; a list merges by
 * its `patchMergeKey` when the Go struct tag says `patchStrategy:"merge"`, a list of primitives
 * with that strategy is a union, and every other list is replaced whole. The directives
 * `$patch: replace` / `$patch: delete` (in a map or as a list element),
 * `$deleteFromPrimitiveList/<field>` and `$setElementOrder/<field>` are honoured (the last one only
 * stripped: element order stays original-then-appended, as without it).
 *
 * Pure and generic: the caller passes the struct schema of its kind (`PATCH_SCHEMAS`, from the
 * `patchMergeKey` tags of k8s.io/api core/v1 and apps/v1 types.go).
 */

export type StructSchema = { readonly [field: string]: FieldSchema | undefined };

export interface FieldSchema {
  /** `patchStrategy:"merge"` on a list of structs: the `patchMergeKey`. */
  readonly mergeKey?: string;
  /** `patchStrategy:"merge"` on a list of primitives (finalizers, podCIDRs): a union. */
  readonly mergePrimitives?: boolean;
  /** The schema of the nested struct (a struct field, or a list's elements). */
  readonly of?: () => StructSchema;
}

export type MergeResult =
  { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class PatchError extends Error {}

const SET_ORDER = '$setElementOrder/';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';

/** Go's `%v` of a decoded JSON value (maps print with sorted keys: `map[image:nginx]`). */
export function goValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (isObj(v))
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goValue(v[k])}`)
      .join(' ')}]`;
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

/** A patch value taken as it is (no original to merge into): directives and nulls dropped. */
function clean(v: unknown, schema: StructSchema | undefined): unknown {
  if (Array.isArray(v))
    return v.filter((e) => !(isObj(e) && '$patch' in e)).map((e) => clean(e, schema));
  if (!isObj(v)) return v;
  const merged = mergeMap({}, v, schema);
  return merged ?? {};
}

function mergeMap(original: Obj, patch: Obj, schema: StructSchema | undefined): Obj | undefined {
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return mergeMap({}, rest, schema);
  }
  if (directive !== undefined)
    throw new PatchError(`Unknown patch type: ${goValue(directive)} in map: ${goValue(patch)}`);
  const out: Obj = { ...original };
  for (const [k, pv] of Object.entries(patch)) {
    if (k.startsWith(SET_ORDER) || k === '$retainKeys') continue;
    if (k.startsWith(DELETE_PRIMITIVE)) {
      const field = k.slice(DELETE_PRIMITIVE.length);
      const drop = Array.isArray(pv) ? pv : [];
      const cur = out[field];
      if (Array.isArray(cur)) out[field] = cur.filter((x) => !drop.includes(x));
      continue;
    }
    if (pv === null) {
      delete out[k];
      continue;
    }
    const field = schema?.[k];
    const sub = field?.of?.();
    const ov = out[k];
    if (Array.isArray(pv)) {
      if (field?.mergeKey && (Array.isArray(ov) || ov === undefined))
        out[k] = mergeList(Array.isArray(ov) ? ov : [], pv, field.mergeKey, sub);
      else if (field?.mergePrimitives && Array.isArray(ov))
        out[k] = [...ov, ...pv.filter((x) => !ov.includes(x))];
      else out[k] = clean(pv, sub);
    } else if (isObj(pv)) {
      const merged = mergeMap(isObj(ov) ? ov : {}, pv, sub);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    } else out[k] = pv;
  }
  return out;
}

function mergeList(
  original: unknown[],
  patch: unknown[],
  key: string,
  schema: StructSchema | undefined,
): unknown[] {
  // A `{$patch: replace}` element: the list becomes the patch's other elements.
  if (patch.some((e) => isObj(e) && e.$patch === 'replace'))
    return patch.filter((e) => !(isObj(e) && e.$patch === 'replace')).map((e) => clean(e, schema));
  const out = [...original];
  for (const e of patch) {
    if (!isObj(e))
      throw new PatchError(`unable to find api field in struct for list element ${goValue(e)}`);
    if (!(key in e))
      throw new PatchError(`map: ${goValue(e)} does not contain declared merge key: ${key}`);
    const at = out.findIndex((o) => isObj(o) && o[key] === e[key]);
    if (e.$patch === 'delete') {
      for (let i = out.length - 1; i >= 0; i--) {
        const o = out[i];
        if (isObj(o) && o[key] === e[key]) out.splice(i, 1);
      }
      continue;
    }
    const cur = at >= 0 ? out[at] : undefined;
    const merged = mergeMap(isObj(cur) ? cur : {}, e, schema);
    if (merged === undefined) {
      if (at >= 0) out.splice(at, 1);
    } else if (at >= 0) out[at] = merged;
    else out.push(merged);
  }
  return out;
}

/** Applies `patch` to `original` (neither is changed). */
export function strategicMerge(
  original: Record<string, unknown>,
  patch: unknown,
  schema?: StructSchema,
): MergeResult {
  if (!isObj(patch))
    return { ok: false, error: `unable to apply a patch that is not an object: ${goValue(patch)}` };
  try {
    return { ok: true, value: mergeMap(original, patch, schema) ?? {} };
  } catch (e) {
    if (e instanceof PatchError) return { ok: false, error: e.message };
    throw e;
  }
}

// ---- the struct schemas (k8s.io/api core/v1 + apps/v1 types.go `patchMergeKey` tags) ------------

const objectMeta = (): StructSchema => ({
  finalizers: { mergePrimitives: true },
  ownerReferences: { mergeKey: 'uid' },
});
const container = (): StructSchema => ({
  ports: { mergeKey: 'containerPort' },
  env: { mergeKey: 'name' },
  volumeMounts: { mergeKey: 'mountPath' },
  volumeDevices: { mergeKey: 'devicePath' },
});
export const podSpecSchema = (): StructSchema => ({
  volumes: { mergeKey: 'name' },
  initContainers: { mergeKey: 'name', of: container },
  containers: { mergeKey: 'name', of: container },
  ephemeralContainers: { mergeKey: 'name', of: container },
  imagePullSecrets: { mergeKey: 'name' },
  hostAliases: { mergeKey: 'ip' },
  topologySpreadConstraints: { mergeKey: 'topologyKey' },
  schedulingGates: { mergeKey: 'name' },
  resourceClaims: { mergeKey: 'name' },
  // tolerations, readinessGates' siblings without a tag: replaced whole.
});
const podTemplate = (): StructSchema => ({
  metadata: { of: objectMeta },
  spec: { of: podSpecSchema },
});
const workload = (): StructSchema => ({
  metadata: { of: objectMeta },
  spec: { of: () => ({ template: { of: podTemplate } }) },
});

/** Per kind: the top-level struct schema (kinds absent here merge maps and replace every list). */
export const PATCH_SCHEMAS: { readonly [kind: string]: StructSchema | undefined } = {
  Pod: { metadata: { of: objectMeta }, spec: { of: podSpecSchema } },
  // NodeSpec.taints has no patch strategy: a taints list is replaced whole.
  Node: {
    metadata: { of: objectMeta },
    spec: { of: () => ({ podCIDRs: { mergePrimitives: true } }) },
  },
  Service: { metadata: { of: objectMeta }, spec: { of: () => ({ ports: { mergeKey: 'port' } }) } },
  Deployment: workload(),
  ReplicaSet: workload(),
  StatefulSet: workload(),
  DaemonSet: workload(),
  Job: workload(),
  ConfigMap: { metadata: { of: objectMeta } },
  Secret: { metadata: { of: objectMeta } },
};
