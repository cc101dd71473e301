/**
 * apps/v1 ReplicaSet and Deployment: defaulting (pkg/apis/apps/v1/defaults.go SetDefaults_Deployment,
 * SetDefaults_ReplicaSet) and validation (pkg/apis/apps/validation/validation.go
 * ValidateDeploymentSpec, ValidateReplicaSetSpec, ValidatePodTemplateSpecForReplicaSet). The pod
 * template is checked by the Pod validator, its messages moved under `spec.template`.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { defaultPod } from './defaults.ts';
import type { VersionFeatures } from './features.ts';
import { Issues } from './issues.ts';
import { asNumber, asRecord, asString, type JsonObject } from './json.ts';
import { formatPath, type Segment } from './path.ts';
import { validateObjectMeta } from './validate/meta.ts';
import { isDNS1123Subdomain } from './validate/names.ts';
import { validatePod } from './validate/pod.ts';

export type { Deployment, ReplicaSet };

/** A pod template after defaulting: its spec is a defaulted PodSpec (defaults.ts defaultPod). */
export type DefaultedTemplate = PodTemplateSpec & {
  metadata: NonNullable<PodTemplateSpec['metadata']>;
  spec: NonNullable<PodTemplateSpec['spec']>;
};

export type DefaultedReplicaSet = ReplicaSet & {
  metadata: { name: string; namespace: string };
  spec: NonNullable<ReplicaSet['spec']> & { replicas: number; template: DefaultedTemplate };
};

export interface DefaultedRollingUpdate {
  maxSurge: number | string;
  maxUnavailable: number | string;
}

export type DefaultedDeployment = Deployment & {
  metadata: { name: string; namespace: string };
  spec: NonNullable<Deployment['spec']> & {
    replicas: number;
    revisionHistoryLimit: number;
    progressDeadlineSeconds: number;
    template: DefaultedTemplate;
    strategy: { type: 'RollingUpdate' | 'Recreate'; rollingUpdate?: DefaultedRollingUpdate };
  };
};

export function templatePod(spec: JsonObject): JsonObject {
  const t = asRecord(spec.template) ?? {};
  const meta = asRecord(t.metadata) ?? {};
  t.metadata = meta;
  if (!asRecord(t.spec)) t.spec = {};
  spec.template = t;
  // The template's pod is validated as a Pod would be, under a name of its own.
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: t.spec };
}

/** SetDefaults_ReplicaSet / SetDefaults_Deployment, then the pod defaults on the template. */
export function defaultWorkload(kind: 'ReplicaSet' | 'Deployment', obj: JsonObject): void {
  const meta = asRecord(obj.metadata);
  if (meta && !meta.namespace) meta.namespace = 'default';
  const spec = asRecord(obj.spec) ?? {};
  obj.spec = spec;
  if (spec.replicas === undefined) spec.replicas = 1;
  const pod = templatePod(spec);
  defaultPod(pod);
  delete asRecord(pod.metadata)?.namespace;
  if (kind === 'ReplicaSet') return;
  const strategy = asRecord(spec.strategy) ?? {};
  spec.strategy = strategy;
  if (strategy.type === undefined) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = asRecord(strategy.rollingUpdate) ?? {};
    strategy.rollingUpdate = ru;
    if (ru.maxUnavailable === undefined) ru.maxUnavailable = '25%';
    if (ru.maxSurge === undefined) ru.maxSurge = '25%';
  }
  if (spec.revisionHistoryLimit === undefined) spec.revisionHistoryLimit = 10;
  if (spec.progressDeadlineSeconds === undefined) spec.progressDeadlineSeconds = 600;
}

/** Go's %#v of a map[string]string, as field.Invalid prints the template labels. */
export function goMap(m: Record<string, unknown>): string {
  const body = Object.keys(m)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(String(m[k]))}`)
    .join(', ');
  return `map[string]string{${body}}`;
}

/** A label selector's matchLabels and matchExpressions against a set of labels (labels.Selector). */
export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  const sel = asRecord(selector);
  if (!sel) return false;
  const ml = asRecord(sel.matchLabels) ?? {};
  for (const [k, v] of Object.entries(ml)) if (labels[k] !== v) return false;
  for (const e of Array.isArray(sel.matchExpressions) ? sel.matchExpressions : []) {
    const x = asRecord(e) ?? {};
    const key = String(x.key);
    const values = (Array.isArray(x.values) ? x.values : []).map(String);
    const has = key in labels;
    const v = labels[key];
    if (x.operator === 'In' && !(has && values.includes(v ?? ''))) return false;
    if (x.operator === 'NotIn' && has && values.includes(v ?? '')) return false;
    if (x.operator === 'Exists' && !has) return false;
    if (x.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

const ROLLING = ['spec', 'strategy', 'rollingUpdate'];

/** IntOrString percent: "25%" → 25 (validation.go ValidatePositiveIntOrPercent, IsValidPercent). */
export function intOrPercent(
  v: unknown,
  path: Segment[],
  issues: Issues,
  atMost100 = path[path.length - 1] === 'maxUnavailable',
): number | undefined {
  if (typeof v === 'number') {
    if (v < 0) issues.invalid(path, v, 'must be greater than or equal to 0');
    return v;
  }
  const m = /^([0-9]+)%$/.exec(String(v));
  if (!m) {
    issues.invalid(
      path,
      v,
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    );
    return undefined;
  }
  const n = Number(m[1]);
  if (atMost100 && n > 100) issues.invalid(path, v, 'must not be greater than 100%');
  return n;
}

function validateStrategy(spec: JsonObject, issues: Issues): void {
  const strategy = asRecord(spec.strategy) ?? {};
  const type = strategy.type;
  if (type !== 'RollingUpdate' && type !== 'Recreate') {
    issues.notSupported(['spec', 'strategy', 'type'], type, ['Recreate', 'RollingUpdate']);
    return;
  }
  const ru = asRecord(strategy.rollingUpdate);
  if (type === 'Recreate') {
    if (ru) issues.forbidden(ROLLING, "may not be specified when strategy `type` is 'Recreate'");
    return;
  }
  if (!ru) return;
  const unavailable = intOrPercent(ru.maxUnavailable, [...ROLLING, 'maxUnavailable'], issues);
  const surge = intOrPercent(ru.maxSurge, [...ROLLING, 'maxSurge'], issues);
  if (unavailable === 0 && surge === 0)
    issues.invalid(
      [...ROLLING, 'maxUnavailable'],
      ru.maxUnavailable,
      'may not be 0 when `maxSurge` is 0',
    );
}

export function nonNegative(spec: JsonObject, field: string, issues: Issues): void {
  const v = asNumber(spec[field]);
  if (v !== undefined && v < 0)
    issues.invalid(['spec', field], v, 'must be greater than or equal to 0');
}

/**
 * The template's pod through validatePod; its messages and paths moved under spec.template.
 * Returns the template's restartPolicy, which each controller's ValidatePodTemplateSpecFor* limits.
 */
export function validatePodTemplate(
  spec: JsonObject,
  issues: Issues,
  api: VersionFeatures,
): string | undefined {
  const t = asRecord(spec.template) ?? {};
  const meta = asRecord(t.metadata) ?? {};
  const sub = new Issues();
  validatePod(
    { apiVersion: 'v1', kind: 'Pod', metadata: { ...meta, name: 'template' }, spec: t.spec },
    sub,
    api,
  );
  for (const i of sub.list) {
    const where = formatPath(i.path);
    const message = where && i.message.startsWith(where) ? `spec.template.${i.message}` : i.message;
    issues.raw(['spec', 'template', ...i.path], message, i.code, i.anchor, i.severity);
  }
  return asString(asRecord(t.spec)?.restartPolicy);
}

/**
 * spec.selector required, not empty, and matching the template's labels (validation.go
 * ValidateDeploymentSpec / ValidateStatefulSetSpec, ValidatePodTemplateSpecForReplicaSet).
 */
export function validateSelector(spec: JsonObject, issues: Issues, kind: string): void {
  const selector = asRecord(spec.selector);
  const labels = (asRecord(asRecord(asRecord(spec.template)?.metadata)?.labels) ?? {}) as Record<
    string,
    string
  >;
  if (!selector) issues.required(['spec', 'selector']);
  else if (
    Object.keys(asRecord(selector.matchLabels) ?? {}).length === 0 &&
    !Array.isArray(selector.matchExpressions)
  )
    issues.invalid(['spec', 'selector'], 'null', `empty selector is invalid for ${kind}`);
  else if (!selectorMatches(selector, labels))
    issues.raw(
      ['spec', 'template', 'metadata', 'labels'],
      `spec.template.metadata.labels: Invalid value: ${goMap(labels)}: \`selector\` does not match template \`labels\``,
      'invalid-value',
      'value',
    );
}

function validateTemplate(spec: JsonObject, issues: Issues, api: VersionFeatures): void {
  // ValidatePodTemplateSpecForReplicaSet: only Always.
  const rp = validatePodTemplate(spec, issues, api);
  if (rp !== undefined && rp !== 'Always')
    issues.notSupported(['spec', 'template', 'spec', 'restartPolicy'], rp, ['Always']);
}

export function validateWorkload(
  kind: 'ReplicaSet' | 'Deployment',
  obj: JsonObject,
  issues: Issues,
  api: VersionFeatures,
): void {
  validateObjectMeta(obj, isDNS1123Subdomain, issues);
  const spec = asRecord(obj.spec) ?? {};
  nonNegative(spec, 'replicas', issues);
  nonNegative(spec, 'minReadySeconds', issues);
  validateSelector(spec, issues, 'deployment');
  validateTemplate(spec, issues, api);
  if (kind === 'ReplicaSet') return;
  validateStrategy(spec, issues);
  nonNegative(spec, 'revisionHistoryLimit', issues);
  const pds = asNumber(spec.progressDeadlineSeconds);
  const mrs = asNumber(spec.minReadySeconds) ?? 0;
  if (pds !== undefined && pds <= mrs)
    issues.invalid(
      ['spec', 'progressDeadlineSeconds'],
      pds,
      'must be greater than minReadySeconds',
    );
  if (spec.paused === true)
    issues.warn(
      ['spec', 'paused'],
      'a paused Deployment is not simulated yet: it rolls out as if not paused',
      'not-simulated',
    );
}

/** The kinds the workload controllers own (apply, scale, patch and delete go to them). */
export const WORKLOAD_KINDS: readonly string[] = [
  'Deployment',
  'ReplicaSet',
  'Job',
  'StatefulSet',
  'DaemonSet',
];
