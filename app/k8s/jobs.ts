/**
 * batch/v1 Job: defaulting (pkg/apis/batch/v1/defaults.go SetDefaults_Job), the labels the API
 * server's jobStrategy.PrepareForCreate generates (pkg/registry/batch/job/strategy.go
 * generateSelector: batch.kubernetes.io/controller-uid, batch.kubernetes.io/job-name and the legacy
 * controller-uid / job-name), and validation (pkg/apis/batch/validation/validation.go
 * validateJobSpec, ValidatePodTemplateSpecForJob). Fields Podlab does not simulate are named at
 * their line.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import { defaultPod } from './defaults.ts';
import type { VersionFeatures } from './features.ts';
import { formatValue, Issues } from './issues.ts';
import { asNumber, asRecord, asString, cloneJson, type JsonObject } from './json.ts';
import { validateObjectMeta } from './validate/meta.ts';
import { isDNS1123Subdomain } from './validate/names.ts';
import { deepEqual } from './validate/podUpdate.ts';
import {
  goMap,
  nonNegative,
  selectorMatches,
  validatePodTemplate,
  type DefaultedTemplate,
} from './workloads.ts';

export type DefaultedJob = Job & {
  metadata: { name: string; namespace: string };
  spec: NonNullable<Job['spec']> & {
    parallelism: number;
    backoffLimit: number;
    completionMode: 'NonIndexed' | 'Indexed';
    suspend: boolean;
    manualSelector?: boolean;
    template: DefaultedTemplate;
  };
};

export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';

export const SUSPEND_NOT_SIMULATED =
  'Podlab does not simulate a suspended Job yet: it runs as if not suspended';

/** Fields of JobSpec Podlab does not simulate: a warning at their line, never silence. */
const NOT_SIMULATED = [
  'ttlSecondsAfterFinished',
  'podReplacementPolicy',
  'managedBy',
  'backoffLimitPerIndex',
  'maxFailedIndexes',
  'successPolicy',
];

/** SetDefaults_Job, then the pod defaults on the template. */
export function defaultJob(obj: JsonObject): void {
  const meta = asRecord(obj.metadata);
  if (meta && !meta.namespace) meta.namespace = 'default';
  const spec = asRecord(obj.spec) ?? {};
  obj.spec = spec;
  // defaults.go: completions and parallelism both unset → both 1; parallelism alone defaults to 1.
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  if (spec.parallelism === undefined) spec.parallelism = 1;
  if (spec.backoffLimit === undefined) spec.backoffLimit = 6;
  if (spec.completionMode === undefined) spec.completionMode = 'NonIndexed';
  if (spec.suspend === undefined) spec.suspend = false;
  if (spec.manualSelector === undefined) spec.manualSelector = false;
  const t = asRecord(spec.template) ?? {};
  spec.template = t;
  const tmeta = asRecord(t.metadata) ?? {};
  t.metadata = tmeta;
  if (!asRecord(t.spec)) t.spec = {};
  const pod: JsonObject = { apiVersion: 'v1', kind: 'Pod', metadata: tmeta, spec: t.spec };
  defaultPod(pod);
  delete asRecord(pod.metadata)?.namespace;
}

/**
 * strategy.go generateSelector: the job-name labels on the template and the selector (the UID
 * labels are added when the controller creates the Job, as the API server assigns the UID).
 */
export function jobLabels(name: string, uid: string): Record<string, string> {
  return {
    [CONTROLLER_UID_LABEL]: uid,
    [JOB_NAME_LABEL]: name,
    'controller-uid': uid,
    'job-name': name,
  };
}

function validateTemplate(spec: JsonObject, issues: Issues, api: VersionFeatures): void {
  // ValidatePodTemplateSpecForJob: OnFailure or Never.
  const rp = validatePodTemplate(spec, issues, api);
  if (rp !== 'OnFailure' && rp !== 'Never')
    issues.notSupported(['spec', 'template', 'spec', 'restartPolicy'], rp ?? '', [
      'OnFailure',
      'Never',
    ]);
}

function validatePodFailurePolicy(spec: JsonObject, issues: Issues): void {
  const pfp = asRecord(spec.podFailurePolicy);
  if (!pfp) return;
  const rp = asString(asRecord(asRecord(spec.template)?.spec)?.restartPolicy);
  // validation.go validatePodFailurePolicy: only with restartPolicy Never.
  if (rp !== 'Never')
    issues.invalid(
      ['spec', 'template', 'spec', 'restartPolicy'],
      rp ?? '',
      'only "Never" is supported when podFailurePolicy is specified',
    );
  const rules = Array.isArray(pfp.rules) ? pfp.rules : [];
  rules.forEach((r, i) => {
    const rule = asRecord(r) ?? {};
    const path = ['spec', 'podFailurePolicy', 'rules', i];
    const action = asString(rule.action);
    if (!['FailJob', 'Ignore', 'Count', 'FailIndex'].includes(action ?? ''))
      issues.notSupported([...path, 'action'], action ?? '', [
        'Count',
        'FailIndex',
        'FailJob',
        'Ignore',
      ]);
    if (action === 'FailIndex')
      issues.warn(
        [...path, 'action'],
        'Podlab does not simulate FailIndex (backoffLimitPerIndex) yet: the rule counts the failure',
        'not-simulated',
      );
    if (!rule.onExitCodes && !rule.onPodConditions)
      issues.invalid(path, 'null', 'specifying one of OnExitCodes and OnPodConditions is required');
    const oe = asRecord(rule.onExitCodes);
    if (oe && !['In', 'NotIn'].includes(asString(oe.operator) ?? ''))
      issues.notSupported([...path, 'onExitCodes', 'operator'], oe.operator ?? '', ['In', 'NotIn']);
  });
}

export function validateJob(obj: JsonObject, issues: Issues, api: VersionFeatures): void {
  validateObjectMeta(obj, isDNS1123Subdomain, issues);
  const spec = asRecord(obj.spec) ?? {};
  for (const f of ['parallelism', 'completions', 'backoffLimit']) nonNegative(spec, f, issues);
  const ads = asNumber(spec.activeDeadlineSeconds);
  if (ads !== undefined && ads <= 0)
    issues.invalid(['spec', 'activeDeadlineSeconds'], ads, 'must be greater than 0');
  const mode = asString(spec.completionMode);
  if (mode !== 'NonIndexed' && mode !== 'Indexed')
    issues.notSupported(['spec', 'completionMode'], mode ?? '', ['NonIndexed', 'Indexed']);
  if (mode === 'Indexed' && spec.completions === undefined)
    issues.required(['spec', 'completions'], 'when completion mode is Indexed');
  if (spec.selector !== undefined && spec.manualSelector !== true)
    issues.invalid(['spec', 'selector'], 'null', '`selector` not auto-generated');
  if (spec.manualSelector === true)
    issues.warn(
      ['spec', 'manualSelector'],
      'Podlab does not simulate manualSelector: the generated selector is used',
      'not-simulated',
    );
  for (const f of NOT_SIMULATED)
    if (spec[f] !== undefined)
      issues.warn(['spec', f], `Podlab does not simulate ${f} yet: it is ignored`, 'not-simulated');
  if (spec.suspend === true)
    issues.warn(['spec', 'suspend'], SUSPEND_NOT_SIMULATED, 'not-simulated');
  validateTemplate(spec, issues, api);
  validatePodFailurePolicy(spec, issues);
}

/**
 * Go's String() of a *metav1.LabelSelector (generated.pb.go), as field.Error prints a value that
 * implements fmt.Stringer: `&LabelSelector{MatchLabels:map[string]string{k: v,},MatchExpressions:[]LabelSelectorRequirement{},}`.
 */
export function labelSelectorString(selector: unknown): string {
  const sel = asRecord(selector);
  if (!sel) return 'null';
  const ml = asRecord(sel.matchLabels) ?? {};
  const labels = Object.keys(ml)
    .sort()
    .map((k) => `${k}: ${String(ml[k])},`)
    .join('');
  const exprs = (Array.isArray(sel.matchExpressions) ? sel.matchExpressions : [])
    .map((e) => {
      const x = asRecord(e) ?? {};
      const values = Array.isArray(x.values) ? x.values.map(String).join(' ') : '';
      return `LabelSelectorRequirement{Key:${String(x.key)},Operator:${String(x.operator)},Values:[${values}],},`;
    })
    .join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}

/** validateGeneratedSelector: the selector must select the labels strategy.go generated. */
function validateGeneratedSelector(obj: JsonObject, issues: Issues): void {
  const spec = asRecord(obj.spec) ?? {};
  const labels = asRecord(asRecord(asRecord(spec.template)?.metadata)?.labels) ?? {};
  // The Job's UID and name, as the stored template carries them (its labels are immutable).
  const expected: Record<string, string> = {};
  for (const k of [CONTROLLER_UID_LABEL, JOB_NAME_LABEL, 'controller-uid', 'job-name'])
    expected[k] = String(labels[k] ?? '');
  if (!selectorMatches(spec.selector, expected))
    issues.raw(
      ['spec', 'selector'],
      `spec.selector: Invalid value: ${labelSelectorString(spec.selector)}: \`selector\` not auto-generated`,
      'invalid-value',
      'value',
    );
  // ValidateJobSpec: the selector must also select the template's labels.
  if (!selectorMatches(spec.selector, labels as Record<string, string>))
    issues.raw(
      ['spec', 'template', 'metadata', 'labels'],
      `spec.template.metadata.labels: Invalid value: ${goMap(labels)}: \`selector\` does not match template \`labels\``,
      'invalid-value',
      'value',
    );
}

/** field.Error's value: a nil pointer becomes the string "null", printed with %q. */
const goValue = (v: unknown): string => (v === undefined || v === null ? '"null"' : formatValue(v));

/** ValidateImmutableField: `<path>: Invalid value: <new>: field is immutable`. */
function immutable(
  next: JsonObject,
  prev: JsonObject,
  field: string,
  issues: Issues,
  show: (v: unknown) => string = goValue,
): void {
  if (deepEqual(next[field], prev[field])) return;
  issues.raw(
    ['spec', field],
    `spec.${field}: Invalid value: ${show(next[field])}: field is immutable`,
    'immutable',
    'value',
  );
}

/**
 * validation.go validateCompletions: completions is immutable, except in an Indexed Job, where it
 * may change together with parallelism (ElasticIndexedJob: beta and on since 1.27, GA in 1.31,
 * so in every release Podlab models).
 */
function validateCompletions(next: JsonObject, prev: JsonObject, issues: Issues): void {
  if (next.completionMode !== 'Indexed') return immutable(next, prev, 'completions', issues);
  if (deepEqual(next.completions, prev.completions) || next.completions === undefined) return;
  if (next.completions !== next.parallelism)
    issues.invalid(
      ['spec', 'completions'],
      next.completions,
      'can only be modified in tandem with spec.parallelism',
    );
}

/**
 * An update of a stored Job (`prev`) to `next`, both defaulted: jobStrategy.ValidateUpdate =
 * ValidateJob (meta, ValidateGeneratedSelector, ValidateJobSpec) then ValidateJobSpecUpdate
 * (validation.go): completions (validateCompletions), selector, template (validatePodTemplateUpdate;
 * the scheduling directives of a suspended, never started Job are not mutable here, as Podlab does
 * not suspend Jobs), completionMode, podFailurePolicy, backoffLimitPerIndex, managedBy and
 * successPolicy are immutable; parallelism, activeDeadlineSeconds, backoffLimit, suspend, labels
 * and annotations may change. The errors, deduplicated as ErrorList.ToAggregate does.
 *
 * The template's value is Go's `%#v` of the internal core.PodTemplateSpec upstream (pointer
 * addresses included), which cannot be reproduced: Podlab prints the new template as JSON there,
 * as for a podFailurePolicy.
 */
export function validateJobUpdate(
  next: JsonObject,
  prev: JsonObject,
  api: VersionFeatures,
): string[] {
  const issues = new Issues();
  // validateJob's own selector rule is for a create (no selector given); the stored one is checked here.
  const asCreated = cloneJson(next);
  delete (asRecord(asCreated.spec) ?? {}).selector;
  validateJob(asCreated, issues, api);
  validateGeneratedSelector(next, issues);
  const ns = asRecord(next.spec) ?? {};
  const ps = asRecord(prev.spec) ?? {};
  validateCompletions(ns, ps, issues);
  immutable(ns, ps, 'selector', issues, labelSelectorString);
  immutable(ns, ps, 'template', issues);
  for (const f of [
    'completionMode',
    'podFailurePolicy',
    'backoffLimitPerIndex',
    'managedBy',
    'successPolicy',
  ])
    immutable(ns, ps, f, issues);
  const errors = issues.list.filter((i) => i.severity === 'error').map((i) => i.message);
  return [...new Set(errors)];
}
