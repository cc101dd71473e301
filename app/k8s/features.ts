/**
 * Kubernetes versions and the feature gates whose behaviour Podlab models, with their defaults per
 * version as upstream declares them: kubernetes/kubernetes pkg/features/kube_features.go
 * `defaultVersionedKubernetesFeatureGates` (`{Version: version.MustParse("1.29"), Default: true,
 * PreRelease: featuregate.Beta}` …). A gate's state at version V is its last spec with Version ≤ V;
 * a gate with no spec at or before V does not exist in that release.
 *
 * Overrides (`spec.profile.featureGates`) behave as `--feature-gates` on a kubelet / API server of that
 * version: component-base/featuregate/feature_gate.go `unsafeSetFromMap` rejects an unknown gate
 * ("unrecognized feature gate: X") and a gate locked to its default.
 */

export const KUBERNETES_VERSIONS = [
  '1.29',
  '1.30',
  '1.31',
  '1.32',
  '1.33',
  '1.34',
  '1.35',
  '1.36',
] as const;
export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];
export const DEFAULT_KUBERNETES_VERSION: KubernetesVersion = '1.36';

type PreRelease = 'Alpha' | 'Beta' | 'GA' | 'Deprecated';

interface VersionedSpec {
  version: string;
  default: boolean;
  preRelease: PreRelease;
  lockToDefault?: boolean;
}

const alpha = (version: string): VersionedSpec => ({
  version,
  default: false,
  preRelease: 'Alpha',
});
const beta = (version: string, on = true): VersionedSpec => ({
  version,
  default: on,
  preRelease: 'Beta',
});
const ga = (version: string): VersionedSpec => ({
  version,
  default: true,
  preRelease: 'GA',
  lockToDefault: true,
});

/**
 * The gates Podlab branches on (or, for InPlacePodVerticalScaling, ContainerStopSignals and
 * PodObservedGenerationTracking, knows of so that they can be named), copied from kube_features.go.
 */
export const FEATURE_GATES = {
  // Native sidecars: an init container with restartPolicy: Always (pkg/api/pod/util.go drops the
  // field when the gate is off).
  SidecarContainers: [alpha('1.28'), beta('1.29'), ga('1.33')],
  // The `sleep` lifecycle handler (dropPodLifecycleSleepAction when off).
  PodLifecycleSleepAction: [alpha('1.29'), beta('1.30'), ga('1.34')],
  // `sleep: 0` (validation.go validateSleepAction, opts.AllowPodLifecycleSleepActionZeroValue).
  PodLifecycleSleepActionAllowZero: [alpha('1.32'), beta('1.33'), ga('1.34')],
  // kubelet.go newCrashLoopBackOff: honour crashLoopBackOff.maxContainerRestartPeriod.
  KubeletCrashLoopBackOffMax: [alpha('1.32'), beta('1.35')],
  // kubelet.go newCrashLoopBackOff: 1 s initial, 60 s max.
  ReduceDefaultCrashLoopBackOffDecay: [alpha('1.33')],
  // restartPolicy / restartPolicyRules on regular containers.
  ContainerRestartRules: [alpha('1.34'), beta('1.35')],
  ContainerStopSignals: [alpha('1.33')],
  InPlacePodVerticalScaling: [alpha('1.27'), beta('1.33'), ga('1.35')],
  PodObservedGenerationTracking: [alpha('1.33'), beta('1.34'), ga('1.35')],
  // The PodReadyToStartContainers condition the pod status carries.
  PodReadyToStartContainersCondition: [alpha('1.28'), beta('1.29')],
} satisfies Record<string, VersionedSpec[]>;

export type FeatureGate = keyof typeof FEATURE_GATES;
/** Every modelled gate's state; a gate the version does not have is false. */
export type FeatureGates = Readonly<Record<FeatureGate, boolean>>;

const GATE_NAMES = Object.keys(FEATURE_GATES) as FeatureGate[];

function minorOf(version: string): number {
  return Number(version.split('.')[1] ?? 0);
}

/** featureSpecAtEmulationVersion: the last spec at or before `version`, if the gate exists then. */
export function gateSpecAt(gate: FeatureGate, version: string): VersionedSpec | undefined {
  const minor = minorOf(version);
  let found: VersionedSpec | undefined;
  for (const s of FEATURE_GATES[gate]) if (minorOf(s.version) <= minor) found = s;
  return found;
}

export function isKubernetesVersion(v: unknown): v is KubernetesVersion {
  return typeof v === 'string' && (KUBERNETES_VERSIONS as readonly string[]).includes(v);
}

export function defaultFeatureGates(
  version: KubernetesVersion = DEFAULT_KUBERNETES_VERSION,
): FeatureGates {
  const out = {} as Record<FeatureGate, boolean>;
  for (const g of GATE_NAMES) out[g] = gateSpecAt(g, version)?.default ?? false;
  return out;
}

export interface GateProblem {
  /** The gate's name (its key under featureGates), or undefined for the map itself. */
  gate?: string;
  message: string;
}

/**
 * `--feature-gates` of a component at `version` (feature_gate.go unsafeSetFromMap): each override
 * of a known gate applies; an unknown one, a non-boolean or a locked gate set to the other value is
 * a problem and changes nothing.
 */
export function resolveFeatureGates(
  version: KubernetesVersion,
  overrides: unknown,
): { gates: FeatureGates; problems: GateProblem[] } {
  const gates = { ...defaultFeatureGates(version) };
  const problems: GateProblem[] = [];
  if (overrides === undefined) return { gates, problems };
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    problems.push({ message: 'must be a map of feature gate names to true or false' });
    return { gates, problems };
  }
  for (const [name, value] of Object.entries(overrides as Record<string, unknown>)) {
    const spec = (GATE_NAMES as string[]).includes(name)
      ? gateSpecAt(name as FeatureGate, version)
      : undefined;
    if (!spec) {
      problems.push({ gate: name, message: `unrecognized feature gate: ${name}` });
      continue;
    }
    if (typeof value !== 'boolean') {
      problems.push({
        gate: name,
        message: `invalid value of ${name}=${String(value)}: must be true or false`,
      });
      continue;
    }
    if (spec.lockToDefault && spec.default !== value) {
      problems.push({
        gate: name,
        message: `cannot set feature gate ${name} to ${value}, feature is locked to ${spec.default}`,
      });
      continue;
    }
    gates[name as FeatureGate] = value;
  }
  return { gates, problems };
}

export function sameGates(a: FeatureGates, b: FeatureGates): boolean {
  return GATE_NAMES.every((g) => a[g] === b[g]);
}

/** What version-dependent validation needs: the version and its gates. */
export interface VersionFeatures {
  version: KubernetesVersion;
  gates: FeatureGates;
}

export function versionFeatures(
  version: KubernetesVersion = DEFAULT_KUBERNETES_VERSION,
): VersionFeatures {
  return { version, gates: defaultFeatureGates(version) };
}

/** The gate exists in that release (a spec at or before it). */
export function gateExists(gate: FeatureGate, version: KubernetesVersion): boolean {
  return gateSpecAt(gate, version) !== undefined;
}
