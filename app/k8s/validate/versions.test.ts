/**
 * API validation by Kubernetes version: the gates of features.ts switch validation.go
 * `validateSleepAction`, `validateContainers` (restartPolicy) and pkg/api/pod/util.go
 * `dropDisabledFields`; spec.kubernetesVersion and spec.profile.featureGates are checked at their lines.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../parseScenario.ts';
import type { KubernetesVersion } from '../features.ts';

function diags(text: string, kubernetesVersion?: KubernetesVersion): string[] {
  return parseScenario(text, kubernetesVersion ? { kubernetesVersion } : {}).diagnostics.map(
    (d) => `${d.line}:${d.column} ${d.severity} ${d.message}`,
  );
}

// Line 9 is the first line of `extra`, inside containers[0].
const pod = (extra: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
${extra}`;

const sleep = (seconds: number) =>
  pod(`    lifecycle:\n      preStop:\n        sleep:\n          seconds: ${seconds}\n`);

const scenario = (spec: string) =>
  `apiVersion: podlab.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n${spec}---\n`;

describe('sleep hook seconds by version (validateSleepAction)', () => {
  const OLD = 'must be greater than 0 and less than terminationGracePeriodSeconds (30)';
  const GATED = `${OLD}. Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`;
  const ZERO_OK = 'must be non-negative and less than terminationGracePeriodSeconds (30)';
  const at = '11:9 error spec.containers[0].lifecycle.preStop.sleep: Invalid value:';
  it.each([
    ['1.30', 0, [`${at} 0: ${OLD}`]],
    ['1.31', 0, [`${at} 0: ${OLD}`]],
    ['1.32', 0, [`${at} 0: ${GATED}`]],
    ['1.32', 31, [`${at} 31: ${GATED}`]],
    ['1.33', 0, []],
    ['1.33', 31, [`${at} 31: ${ZERO_OK}`]],
    ['1.36', 0, []],
    ['1.36', 30, []],
    ['1.36', 31, [`${at} 31: ${ZERO_OK}`]],
  ] as const)('%s sleep %d', (version, seconds, expected) => {
    expect(diags(sleep(seconds), version)).toEqual(expected);
  });

  it('1.33 with PodLifecycleSleepActionAllowZero turned off names the gate', () => {
    const text =
      scenario('  profile:\n    featureGates: {PodLifecycleSleepActionAllowZero: false}\n') +
      sleep(0);
    expect(diags(text, '1.33')).toEqual([
      `18:9 error spec.containers[0].lifecycle.preStop.sleep: Invalid value: 0: ${GATED}`,
    ]);
  });

  it('1.29 drops the sleep handler (PodLifecycleSleepAction alpha, off): the pod is accepted', () => {
    const parsed = parseScenario(sleep(5), { kubernetesVersion: '1.29' });
    expect(parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '11:9 the API server drops this sleep handler, so the preStop hook does not run: the PodLifecycleSleepAction feature gate is off (on by default from Kubernetes 1.30)',
    ]);
    const spec = (parsed.objects[0]?.object as unknown as { spec: unknown }).spec as {
      containers: { lifecycle?: unknown }[];
    };
    expect(spec.containers[0]?.lifecycle).toBeUndefined();
  });

  it('1.29 keeps an exec preStop beside the dropped sleep out of validation', () => {
    const parsed = parseScenario(
      pod(
        '    lifecycle:\n      postStart:\n        sleep: {seconds: 1}\n      preStop:\n        exec: {command: [ls]}\n',
      ),
      { kubernetesVersion: '1.29' },
    );
    const spec = (parsed.objects[0]?.object as unknown as { spec: unknown }).spec as {
      containers: { lifecycle?: object }[];
    };
    expect(spec.containers[0]?.lifecycle).toEqual({ preStop: { exec: { command: ['ls'] } } });
  });
});

describe('restartPolicy on a regular container (ContainerRestartRules)', () => {
  const FORBIDDEN =
    '9:5 error spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers';
  const NOT_SIMULATED =
    "9:5 error spec.containers[0].restartPolicy: restartPolicy on a regular container (the ContainerRestartRules feature) is not simulated yet: set the pod's spec.restartPolicy instead";
  it.each([
    ['1.29', FORBIDDEN],
    ['1.34', FORBIDDEN],
    ['1.35', NOT_SIMULATED],
    ['1.36', NOT_SIMULATED],
  ] as const)('%s', (version, message) => {
    expect(diags(pod('    restartPolicy: Never\n'), version)).toEqual([message]);
  });

  it('1.34 with the alpha gate turned on accepts it (and Podlab says it does not simulate it)', () => {
    const text =
      scenario(
        '  kubernetesVersion: "1.34"\n  profile:\n    featureGates: {ContainerRestartRules: true}\n',
      ) + pod('    restartPolicy: Never\n');
    expect(diags(text)).toEqual([NOT_SIMULATED.replace('9:5', '17:5')]);
  });
});

describe('SidecarContainers turned off (1.29–1.32)', () => {
  const sidecar = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - name: log
    image: busybox
    restartPolicy: Always
    command: [sleep, '3600']
  containers:
  - name: app
    image: nginx
`;
  it('drops an init container restartPolicy, so it runs as a plain init container', () => {
    const text =
      scenario(
        '  kubernetesVersion: "1.29"\n  profile:\n    featureGates: {SidecarContainers: false}\n',
      ) + sidecar;
    const parsed = parseScenario(text);
    expect(parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '16:5 the API server drops this field, so the container runs as a plain init container: the SidecarContainers feature gate is off (on by default from Kubernetes 1.29)',
    ]);
    const spec = (parsed.objects[0]?.object as unknown as { spec: unknown }).spec as {
      initContainers: { restartPolicy?: string }[];
    };
    expect(spec.initContainers[0]?.restartPolicy).toBeUndefined();
  });

  it('is locked on from 1.33', () => {
    const text =
      scenario(
        '  kubernetesVersion: "1.33"\n  profile:\n    featureGates: {SidecarContainers: false}\n',
      ) + sidecar;
    expect(diags(text)).toEqual([
      '7:20 error cannot set feature gate SidecarContainers to false, feature is locked to true',
    ]);
  });
});

describe('spec.kubernetesVersion', () => {
  const supported = '"1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"';
  it.each([
    [
      '"1.28"',
      `5:22 error spec.kubernetesVersion: Unsupported value: "1.28": supported values: ${supported}`,
    ],
    [
      '1.3',
      `5:22 error spec.kubernetesVersion: Unsupported value: 1.3: supported values: ${supported} (quote the version: YAML reads 1.30 as the number 1.3)`,
    ],
    [
      'v1.33',
      `5:22 error spec.kubernetesVersion: Unsupported value: "v1.33": supported values: ${supported}`,
    ],
  ])('%s is an error at its line', (value, message) => {
    expect(diags(scenario(`  kubernetesVersion: ${value}\n`))).toEqual([message]);
  });

  it('an unquoted 1.33 is read as "1.33"', () => {
    const parsed = parseScenario(scenario('  kubernetesVersion: 1.33\n'));
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.scenario.kubernetesVersion).toBe('1.33');
  });

  it('applies to documents before the Scenario document too', () => {
    const text = `${sleep(0)}---\n${scenario('  kubernetesVersion: "1.31"\n').replace(/---\n$/, '')}`;
    expect(diags(text)).toEqual([
      '11:9 error spec.containers[0].lifecycle.preStop.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30)',
    ]);
  });

  it('the override wins over the document', () => {
    const parsed = parseScenario(scenario('  kubernetesVersion: "1.31"\n') + sleep(0), {
      kubernetesVersion: '1.36',
    });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.scenario.kubernetesVersion).toBe('1.36');
  });

  it('a plain scenario records no version and no gates (the default, 1.36)', () => {
    const parsed = parseScenario(sleep(5));
    expect(parsed.scenario.kubernetesVersion).toBeUndefined();
    expect(parsed.scenario.featureGates).toBeUndefined();
  });

  it('an unknown gate is an error at its key', () => {
    expect(diags(scenario('  profile:\n    featureGates:\n      Sidecars: true\n'))).toEqual([
      '7:7 error unrecognized feature gate: Sidecars',
    ]);
  });
});

describe('fields a later release added (schema/fieldsSince.ts)', () => {
  const rules =
    '    restartPolicy: Never\n    restartPolicyRules:\n    - action: Restart\n      exitCodes: {operator: In, values: [42]}\n';
  it.each([
    [
      '1.33',
      rules,
      '10:5 error unknown field "spec.containers[0].restartPolicyRules": restartPolicyRules needs Kubernetes 1.34+',
    ],
    [
      '1.35',
      rules,
      '10:5 error unknown field "spec.containers[0].restartPolicyRules": Kubernetes 1.35 has restartPolicyRules (ContainerRestartRules, since 1.34), but Podlab does not simulate it yet',
    ],
    [
      '1.32',
      '    lifecycle:\n      stopSignal: SIGUSR1\n',
      '10:7 error unknown field "spec.containers[0].lifecycle.stopSignal": stopSignal needs Kubernetes 1.33+',
    ],
    [
      '1.36',
      '    lifecycle:\n      stopSignal: SIGUSR1\n',
      '10:7 error unknown field "spec.containers[0].lifecycle.stopSignal": Kubernetes 1.36 has stopSignal (ContainerStopSignals, since 1.33), but Podlab does not simulate it yet',
    ],
  ] as const)('%s %#', (version, extra, message) => {
    expect(diags(pod(extra), version)).toContain(message);
  });

  it('other unknown fields keep their hint', () => {
    expect(diags(pod('    imagePullPolcy: Always\n'), '1.29')).toEqual([
      '9:5 error unknown field "spec.containers[0].imagePullPolcy" (did you mean imagePullPolicy?)',
    ]);
  });
});

describe('spec.profile.featureGates that is not a map', () => {
  it('is an error at the value', () => {
    expect(diags(scenario('  profile:\n    featureGates: [SidecarContainers]\n'))).toEqual([
      '6:5 error spec.profile.featureGates: must be a map of feature gate names to true or false',
    ]);
  });
});
