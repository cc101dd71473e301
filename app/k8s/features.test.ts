import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  defaultFeatureGates,
  gateExists,
  KUBERNETES_VERSIONS,
  resolveFeatureGates,
  type FeatureGate,
  type KubernetesVersion,
} from './features.ts';

describe('feature gate defaults per version (kube_features.go)', () => {
  // One row per gate: the releases (1.29 … 1.36) where the gate is on by default.
  it.each([
    ['SidecarContainers', '1.29'],
    ['PodLifecycleSleepAction', '1.30'],
    ['PodLifecycleSleepActionAllowZero', '1.33'],
    ['KubeletCrashLoopBackOffMax', '1.35'],
    ['ReduceDefaultCrashLoopBackOffDecay', 'never'],
    ['ContainerRestartRules', '1.35'],
    ['ContainerStopSignals', 'never'],
    ['InPlacePodVerticalScaling', '1.33'],
    ['PodObservedGenerationTracking', '1.34'],
  ] as const)('%s is on from %s', (gate, from) => {
    const on = KUBERNETES_VERSIONS.filter((v) => defaultFeatureGates(v)[gate as FeatureGate]);
    const want = from === 'never' ? [] : KUBERNETES_VERSIONS.filter((v) => v >= from);
    expect(on).toEqual(want);
  });

  it('knows which releases have a gate at all', () => {
    expect(gateExists('ReduceDefaultCrashLoopBackOffDecay', '1.32')).toBe(false);
    expect(gateExists('ReduceDefaultCrashLoopBackOffDecay', '1.33')).toBe(true);
    expect(gateExists('PodLifecycleSleepActionAllowZero', '1.31')).toBe(false);
    expect(gateExists('ContainerRestartRules', '1.33')).toBe(false);
  });
});

describe('overrides as --feature-gates (feature_gate.go unsafeSetFromMap)', () => {
  it.each([
    ['1.33', { ReduceDefaultCrashLoopBackOffDecay: true }, []],
    [
      '1.32',
      { ReduceDefaultCrashLoopBackOffDecay: true },
      ['unrecognized feature gate: ReduceDefaultCrashLoopBackOffDecay'],
    ],
    ['1.36', { NoSuchGate: true }, ['unrecognized feature gate: NoSuchGate']],
    ['1.29', { SidecarContainers: false }, []],
    [
      '1.33',
      { SidecarContainers: false },
      ['cannot set feature gate SidecarContainers to false, feature is locked to true'],
    ],
    [
      '1.36',
      { ContainerRestartRules: 'yes' },
      ['invalid value of ContainerRestartRules=yes: must be true or false'],
    ],
  ] as const)('%s %j', (version, overrides, messages) => {
    const r = resolveFeatureGates(version as KubernetesVersion, overrides);
    expect(r.problems.map((p) => p.message)).toEqual(messages);
  });

  it('applies the valid overrides and leaves the rest at their defaults', () => {
    const { gates } = resolveFeatureGates('1.33', {
      ReduceDefaultCrashLoopBackOffDecay: true,
      SidecarContainers: false,
    });
    expect(gates.ReduceDefaultCrashLoopBackOffDecay).toBe(true);
    expect(gates.SidecarContainers).toBe(true);
    expect(gates.PodLifecycleSleepAction).toBe(true);
  });

  it('the schema offers exactly these versions', () => {
    const schema = JSON.parse(
      readFileSync(new URL('./schema/k8s.schema.json', import.meta.url), 'utf8'),
    ) as {
      definitions: {
        Scenario: { properties: { spec: { properties: Record<string, { examples?: unknown }> } } };
      };
    };
    expect(
      schema.definitions.Scenario.properties.spec.properties.kubernetesVersion?.examples,
    ).toEqual([...KUBERNETES_VERSIONS]);
  });
});
