/**
 * apps/v1 StatefulSet: defaulting (pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet) and
 * validation (pkg/apis/apps/validation/validation.go ValidateStatefulSetSpec,
 * ValidatePodTemplateSpecForStatefulSet). The pod template is checked by the Pod validator, its
 * messages moved under `spec.template`. What Podlab does not simulate is named at its line.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { defaultPod } from './defaults.ts';
import type { VersionFeatures } from './features.ts';
import { type Issues } from './issues.ts';
import { asNumber, asRecord, type JsonObject } from './json.ts';
import { validateObjectMeta } from './validate/meta.ts';
import { isDNS1123Label } from './validate/names.ts';
import {
  nonNegative,
  templatePod,
  validatePodTemplate,
  validateSelector,
  type DefaultedTemplate,
} from './workloads.ts';

export type DefaultedStatefulSet = StatefulSet & {
  metadata: { name: string; namespace: string };
  spec: NonNullable<StatefulSet['spec']> & {
    replicas: number;
    podManagementPolicy: 'OrderedReady' | 'Parallel';
    updateStrategy: { type: 'RollingUpdate' | 'OnDelete'; rollingUpdate?: { partition: number } };
    revisionHistoryLimit: number;
    template: DefaultedTemplate;
  };
};

/** The labels the StatefulSet controller puts on its pods (stateful_set_utils.go). */
export const STATEFUL_POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const CONTROLLER_REVISION_HASH = 'controller-revision-hash';

/** SetDefaults_StatefulSet, then the pod defaults on the template. */
export function defaultStatefulSet(obj: JsonObject): void {
  const meta = asRecord(obj.metadata);
  if (meta && !meta.namespace) meta.namespace = 'default';
  const spec = asRecord(obj.spec) ?? {};
  obj.spec = spec;
  if (spec.podManagementPolicy === undefined) spec.podManagementPolicy = 'OrderedReady';
  const strategy = asRecord(spec.updateStrategy) ?? {};
  spec.updateStrategy = strategy;
  if (strategy.type === undefined) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = asRecord(strategy.rollingUpdate) ?? {};
    strategy.rollingUpdate = ru;
    if (ru.partition === undefined) ru.partition = 0;
  }
  if (spec.persistentVolumeClaimRetentionPolicy === undefined)
    spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Retain', whenScaled: 'Retain' };
  if (spec.replicas === undefined) spec.replicas = 1;
  if (spec.revisionHistoryLimit === undefined) spec.revisionHistoryLimit = 10;
  const pod = templatePod(spec);
  defaultPod(pod);
  delete asRecord(pod.metadata)?.namespace;
}

function validateUpdateStrategy(spec: JsonObject, issues: Issues): void {
  const strategy = asRecord(spec.updateStrategy) ?? {};
  const path = ['spec', 'updateStrategy'];
  if (strategy.type === 'OnDelete') {
    if (strategy.rollingUpdate !== undefined)
      issues.invalid(
        [...path, 'rollingUpdate'],
        strategy.rollingUpdate,
        "only allowed for updateStrategy 'RollingUpdate'",
      );
    return;
  }
  if (strategy.type !== 'RollingUpdate') {
    issues.invalid([...path, 'type'], strategy.type, "must be 'RollingUpdate' or 'OnDelete'");
    return;
  }
  const ru = asRecord(strategy.rollingUpdate) ?? {};
  const partition = asNumber(ru.partition);
  if (partition !== undefined && partition < 0)
    issues.invalid(
      [...path, 'rollingUpdate', 'partition'],
      partition,
      'must be greater than or equal to 0',
    );
  if (ru.maxUnavailable !== undefined)
    issues.warn(
      [...path, 'rollingUpdate', 'maxUnavailable'],
      'maxUnavailable needs the MaxUnavailableStatefulSet feature gate (alpha, off): a rolling update replaces one pod at a time',
      'not-simulated',
    );
}

/** The claim templates' names, one volume each (stateful_set_utils.go updateStorage). */
export function claimNames(spec: { volumeClaimTemplates?: unknown }): string[] {
  const list = Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : [];
  return list.map((c) => String(asRecord(asRecord(c)?.metadata)?.name ?? '')).filter(Boolean);
}

/**
 * The template as the controller's pods see it: a volume per claim template, so a mount of a
 * claim's name is not "not found" (the controller adds them in updateStorage).
 */
function withClaimVolumes(spec: JsonObject): JsonObject {
  const names = claimNames(spec);
  if (!names.length) return spec;
  const t = asRecord(spec.template) ?? {};
  const ps = asRecord(t.spec) ?? {};
  const own = Array.isArray(ps.volumes) ? ps.volumes : [];
  const volumes = [
    ...own,
    ...names.map((name) => ({ name, persistentVolumeClaim: { claimName: name } })),
  ];
  return { ...spec, template: { ...t, spec: { ...ps, volumes } } };
}

export function validateStatefulSet(obj: JsonObject, issues: Issues, api: VersionFeatures): void {
  // ValidateStatefulSetName is apimachineryvalidation.NameIsDNSLabel: pod names are <name>-<ordinal>.
  validateObjectMeta(obj, isDNS1123Label, issues);
  const spec = asRecord(obj.spec) ?? {};
  const pmp = spec.podManagementPolicy;
  if (pmp !== 'OrderedReady' && pmp !== 'Parallel')
    issues.invalid(['spec', 'podManagementPolicy'], pmp, "must be 'OrderedReady' or 'Parallel'");
  validateUpdateStrategy(spec, issues);
  nonNegative(spec, 'replicas', issues);
  nonNegative(spec, 'minReadySeconds', issues);
  const start = asNumber(asRecord(spec.ordinals)?.start);
  if (start !== undefined && start < 0)
    issues.invalid(['spec', 'ordinals', 'start'], start, 'must be greater than or equal to 0');
  validateSelector(spec, issues, 'statefulset');
  const rp = validatePodTemplate(withClaimVolumes(spec), issues, api);
  if (rp !== undefined && rp !== 'Always')
    issues.notSupported(['spec', 'template', 'spec', 'restartPolicy'], rp, ['Always']);
  if (asRecord(asRecord(spec.template)?.spec)?.activeDeadlineSeconds !== undefined)
    issues.forbidden(
      ['spec', 'template', 'spec', 'activeDeadlineSeconds'],
      'activeDeadlineSeconds in StatefulSet is not Supported',
    );
  if (Array.isArray(spec.volumeClaimTemplates) && spec.volumeClaimTemplates.length > 0)
    issues.warn(
      ['spec', 'volumeClaimTemplates'],
      'PersistentVolumeClaims are not simulated: each pod starts as if its claim were bound, and nothing is kept across restarts',
      'not-simulated',
    );
}
