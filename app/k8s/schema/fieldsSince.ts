/**
 * Pod fields added to core/v1 after kubernetes-types 1.30 (the schema's source, its newest release),
 * with the release whose API first has them (alpha, behind the named gate), from
 * staging/src/k8s.io/api/core/v1/types.go and kube_features.go. The schema does not know them, so
 * the strict decoder calls them unknown; this says whether the chosen version has them at all.
 * Hand-kept until the schema is generated per version (see README "Kubernetes versions").
 */
import type { Segment } from '../path.ts';
import { KUBERNETES_VERSIONS, type KubernetesVersion } from '../features.ts';

interface FieldSince {
  /** Where the field sits: `spec.containers[]` for every container, `spec` for the pod spec. */
  parent: string;
  field: string;
  since: KubernetesVersion;
  gate: string;
}

const CONTAINERS = ['spec.containers[]', 'spec.initContainers[]'];

export const FIELDS_SINCE: readonly FieldSince[] = [
  { parent: 'spec', field: 'resources', since: '1.32', gate: 'PodLevelResources' },
  { parent: 'spec', field: 'hostnameOverride', since: '1.34', gate: 'HostnameOverride' },
  ...CONTAINERS.flatMap((c): FieldSince[] => [
    { parent: c, field: 'restartPolicyRules', since: '1.34', gate: 'ContainerRestartRules' },
    { parent: `${c}.lifecycle`, field: 'stopSignal', since: '1.33', gate: 'ContainerStopSignals' },
    { parent: `${c}.env[].valueFrom`, field: 'fileKeyRef', since: '1.34', gate: 'EnvFiles' },
  ]),
];

/** `spec.containers[].lifecycle` for ['spec', 'containers', 0, 'lifecycle']. */
function shapeOf(path: readonly Segment[]): string {
  return path
    .map((s) => (typeof s === 'number' ? '[]' : `.${s}`))
    .join('')
    .replace(/^\./, '');
}

/**
 * The words added to `unknown field "…"` for a field a later release added: before that release the
 * field does not exist; from it on, the API has it but Podlab's schema does not yet.
 */
export function fieldSinceNote(
  kind: unknown,
  parent: readonly Segment[],
  field: string,
  version: KubernetesVersion,
): string | undefined {
  if (kind !== 'Pod') return undefined;
  const shape = shapeOf(parent);
  const f = FIELDS_SINCE.find((x) => x.parent === shape && x.field === field);
  if (!f) return undefined;
  const known = KUBERNETES_VERSIONS.indexOf(version) >= KUBERNETES_VERSIONS.indexOf(f.since);
  return known
    ? `Kubernetes ${version} has ${field} (${f.gate}, since ${f.since}), but Podlab does not simulate it yet`
    : `${field} needs Kubernetes ${f.since}+`;
}
