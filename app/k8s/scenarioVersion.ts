/**
 * `spec.kubernetesVersion` and `spec.profile.featureGates` of the Scenario document → the version and
 * the feature gates every part of the run follows (API validation, the kubelet). `podsim
 * --kubernetes-version` and the page's selector override the document's version.
 */
import type { Issues } from './issues.ts';
import { formatValue } from './issues.ts';
import { asRecord, type JsonObject } from './json.ts';
import {
  DEFAULT_KUBERNETES_VERSION,
  isKubernetesVersion,
  KUBERNETES_VERSIONS,
  resolveFeatureGates,
  type FeatureGates,
  type KubernetesVersion,
} from './features.ts';

export interface ScenarioVersion {
  version: KubernetesVersion;
  /** The document (or an override) names the version; otherwise it is the default. */
  explicit: boolean;
  gates: FeatureGates;
}

const SUPPORTED = KUBERNETES_VERSIONS.map((v) => JSON.stringify(v)).join(', ');

/** The message for a version Podlab does not model (also the CLI's). */
export function unsupportedVersion(value: unknown): string {
  const hint =
    typeof value === 'number' ? ' (quote the version: YAML reads 1.30 as the number 1.3)' : '';
  return `Unsupported value: ${formatValue(value)}: supported values: ${SUPPORTED}${hint}`;
}

/** A version as written: `"1.33"`, or the number 1.33 YAML reads from an unquoted `1.33`. */
function asVersion(v: unknown): KubernetesVersion | undefined {
  const s = typeof v === 'number' ? String(v) : v;
  return isKubernetesVersion(s) ? s : undefined;
}

/**
 * Reads the version and gates; with `issues`, reports a bad version at `spec.kubernetesVersion` and
 * each bad override at its `spec.profile.featureGates.NAME` (the rest still applies).
 */
export function readScenarioVersion(
  spec: JsonObject | undefined,
  override?: KubernetesVersion,
  issues?: Issues,
): ScenarioVersion {
  const raw = spec?.kubernetesVersion;
  let version = override ?? asVersion(raw);
  if (raw !== undefined && asVersion(raw) === undefined) {
    issues?.raw(
      ['spec', 'kubernetesVersion'],
      `spec.kubernetesVersion: ${unsupportedVersion(raw)}`,
      'unsupported-value',
      'value',
    );
  }
  const explicit = version !== undefined;
  version ??= DEFAULT_KUBERNETES_VERSION;
  const profile = asRecord(spec?.profile);
  const { gates, problems } = resolveFeatureGates(version, profile?.featureGates);
  for (const p of problems) {
    const path = ['spec', 'profile', 'featureGates', ...(p.gate !== undefined ? [p.gate] : [])];
    // The gate's own errors are featuregate's words; the map's is prefixed with its path.
    const message = p.gate !== undefined ? p.message : `spec.profile.featureGates: ${p.message}`;
    issues?.raw(path, message, 'feature-gate', p.gate !== undefined ? 'key' : 'value');
  }
  return { version, explicit, gates };
}
