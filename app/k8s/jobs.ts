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
import type { Issues } from './issues.ts';
import { asNumber, asRecord, asString, type JsonObject } from './json.ts';
import { validateObjectMeta } from './validate/meta.ts';
import { isDNS1123Subdomain } from './validate/names.ts';
import { nonNegative, validatePodTemplate, type DefaultedTemplate } from './workloads.ts';

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
    issues.warn(
      ['spec', 'suspend'],
      'Podlab does not simulate a suspended Job yet: it runs as if not suspended',
      'not-simulated',
    );
  validateTemplate(spec, issues, api);
  validatePodFailurePolicy(spec, issues);
}
