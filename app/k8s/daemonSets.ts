/**
 * apps/v1 DaemonSet: defaulting (pkg/apis/apps/v1/defaults.go SetDefaults_DaemonSet) and
 * validation (pkg/apis/apps/validation/validation.go ValidateDaemonSetSpec,
 * ValidateDaemonSetUpdateStrategy, ValidateRollingUpdateDaemonSet). The pod template is checked by
 * the Pod validator, its messages moved under `spec.template`.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import { defaultPod } from './defaults.ts';
import type { VersionFeatures } from './features.ts';
import { type Issues } from './issues.ts';
import { asRecord, type JsonObject } from './json.ts';
import { validateObjectMeta } from './validate/meta.ts';
import { isDNS1123Subdomain } from './validate/names.ts';
import {
  intOrPercent,
  nonNegative,
  templatePod,
  validatePodTemplate,
  validateSelector,
  type DefaultedTemplate,
} from './workloads.ts';

export type DefaultedDaemonSet = DaemonSet & {
  metadata: { name: string; namespace: string };
  spec: NonNullable<DaemonSet['spec']> & {
    updateStrategy: {
      type: 'RollingUpdate' | 'OnDelete';
      rollingUpdate?: { maxUnavailable: number | string; maxSurge: number | string };
    };
    revisionHistoryLimit: number;
    template: DefaultedTemplate;
  };
};

/** The label every daemon pod carries with its template generation (apps/v1 types.go). */
export const POD_TEMPLATE_GENERATION = 'pod-template-generation';
/** The annotation the API server keeps the template generation in (apps/v1 conversion). */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** SetDefaults_DaemonSet, then the pod defaults on the template. */
export function defaultDaemonSet(obj: JsonObject): void {
  const meta = asRecord(obj.metadata);
  if (meta && !meta.namespace) meta.namespace = 'default';
  const spec = asRecord(obj.spec) ?? {};
  obj.spec = spec;
  const strategy = asRecord(spec.updateStrategy) ?? {};
  spec.updateStrategy = strategy;
  if (strategy.type === undefined) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = asRecord(strategy.rollingUpdate) ?? {};
    strategy.rollingUpdate = ru;
    if (ru.maxUnavailable === undefined) ru.maxUnavailable = 1;
    if (ru.maxSurge === undefined) ru.maxSurge = 0;
  }
  if (spec.revisionHistoryLimit === undefined) spec.revisionHistoryLimit = 10;
  const pod = templatePod(spec);
  defaultPod(pod);
  delete asRecord(pod.metadata)?.namespace;
}

const percentOrInt = (v: unknown): number => {
  if (typeof v === 'number') return v;
  const m = /^([0-9]+)%$/.exec(String(v));
  return m ? Number(m[1]) : 0;
};

/** ValidateDaemonSetUpdateStrategy and ValidateRollingUpdateDaemonSet. */
function validateUpdateStrategy(spec: JsonObject, issues: Issues): void {
  const strategy = asRecord(spec.updateStrategy) ?? {};
  const path = ['spec', 'updateStrategy'];
  if (strategy.type === 'OnDelete') return;
  if (strategy.type !== 'RollingUpdate') {
    issues.notSupported([...path, 'type'], strategy.type, ['RollingUpdate', 'OnDelete']);
    return;
  }
  const ru = asRecord(strategy.rollingUpdate);
  if (!ru) return issues.required([...path, 'rollingUpdate']);
  const at = [...path, 'rollingUpdate'];
  intOrPercent(ru.maxUnavailable, [...at, 'maxUnavailable'], issues, true);
  intOrPercent(ru.maxSurge, [...at, 'maxSurge'], issues, true);
  const hasUnavailable = percentOrInt(ru.maxUnavailable) !== 0;
  const hasSurge = percentOrInt(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge)
    issues.invalid(
      [...at, 'maxSurge'],
      ru.maxSurge,
      'may not be set when maxUnavailable is non-zero',
    );
  else if (!hasUnavailable && !hasSurge)
    issues.required([...at, 'maxUnavailable'], 'cannot be 0 when maxSurge is 0');
}

export function validateDaemonSet(obj: JsonObject, issues: Issues, api: VersionFeatures): void {
  validateObjectMeta(obj, isDNS1123Subdomain, issues);
  const spec = asRecord(obj.spec) ?? {};
  validateSelector(spec, issues, 'daemonset');
  const rp = validatePodTemplate(spec, issues, api);
  if (rp !== undefined && rp !== 'Always')
    issues.notSupported(['spec', 'template', 'spec', 'restartPolicy'], rp, ['Always']);
  if (asRecord(asRecord(spec.template)?.spec)?.activeDeadlineSeconds !== undefined)
    issues.forbidden(
      ['spec', 'template', 'spec', 'activeDeadlineSeconds'],
      'activeDeadlineSeconds in DaemonSet is not Supported',
    );
  nonNegative(spec, 'minReadySeconds', issues);
  nonNegative(spec, 'revisionHistoryLimit', issues);
  validateUpdateStrategy(spec, issues);
}
