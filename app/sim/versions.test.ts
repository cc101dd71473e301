/**
 * Issue 14's trace tests: behaviour switched by the Kubernetes version's feature gates
 * (app/k8s/features.ts, from kube_features.go), end to end from the YAML text.
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from './index.ts';
import { TraceQuery } from './testing/scenario.ts';

function run(text: string) {
  const { parsed, result } = simulateText(text);
  const q = new TraceQuery(result.trace, result.diagnostics);
  const diagnostics = [...parsed.diagnostics, ...result.diagnostics].map(
    (d) => `${d.line ?? 0}:${d.column ?? 0} ${d.severity} ${d.message}`,
  );
  return { q, diagnostics };
}

const scenario = (spec: string) =>
  `apiVersion: podlab.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  until: 3m\n${spec}---\n`;
const version = (v: string, rest = '') => scenario(`  kubernetesVersion: "${v}"\n${rest}`);
const gates = (g: string) => `  profile:\n    featureGates: {${g}}\n`;

const SIDECAR = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: log
    image: busybox
    restartPolicy: Always
    command: ['sh', '-c', 'sleep 3600']
  containers:
  - name: app
    image: nginx
`;

describe('native sidecars (SidecarContainers: beta and on in 1.29, GA 1.33)', () => {
  it.each([
    ['the default version', scenario('')],
    ['1.29', version('1.29')],
  ])('%s starts the app beside the running sidecar', (_name, head) => {
    const { q, diagnostics } = run(head + SIDECAR);
    expect(diagnostics).toEqual([]);
    expect(q.eventTimes('web', 'Started')).toEqual([2, 4]);
    expect(q.condition('web', 'Initialized')).toEqual([
      [0, 'False', 'ContainersNotInitialized'],
      [3, 'True'],
    ]);
  });

  it('1.29 with the gate off: the restartPolicy is dropped and the init container blocks the app', () => {
    const { q, diagnostics } = run(version('1.29', gates('SidecarContainers: false')) + SIDECAR);
    expect(diagnostics).toEqual([
      '17:5 warning the API server drops this field, so the container runs as a plain init container: the SidecarContainers feature gate is off (on by default from Kubernetes 1.29)',
    ]);
    expect(q.eventTimes('web', 'Started')).toEqual([2]);
    expect(q.condition('web', 'Initialized')).toEqual([[0, 'False', 'ContainersNotInitialized']]);
  });
});

const SLEEP_HOOK = (seconds: number) => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: app
    image: nginx
    lifecycle:
      preStop:
        sleep: {seconds: ${seconds}}
`;
const deleteAt10 = '  actions:\n  - at: 10s\n    delete: {kind: Pod, name: web}\n';

describe('the sleep hook (PodLifecycleSleepAction: beta and on in 1.30)', () => {
  it('1.30: the preStop sleep delays the stop signal by 5 s', () => {
    const { q, diagnostics } = run(version('1.30', deleteAt10) + SLEEP_HOOK(5));
    expect(diagnostics).toEqual([]);
    expect(q.of('hook').map((h) => [h.t, h.hook, h.phase])).toEqual([
      [10, 'preStop', 'start'],
      [15, 'preStop', 'end'],
    ]);
    expect(q.signals('web', 'app')).toEqual([[15, 'SIGQUIT']]);
  });

  it('1.29: the API server drops the handler; the container is signalled at once', () => {
    const { q, diagnostics } = run(version('1.29', deleteAt10) + SLEEP_HOOK(5));
    expect(diagnostics).toEqual([
      '20:9 warning the API server drops this sleep handler, so the preStop hook does not run: the PodLifecycleSleepAction feature gate is off (on by default from Kubernetes 1.30)',
    ]);
    expect(q.of('hook')).toEqual([]);
    expect(q.signals('web', 'app')).toEqual([[10, 'SIGQUIT']]);
  });
});

describe('the sleep hook turned on in 1.29 (alpha gate)', () => {
  it('runs as in 1.30', () => {
    const { q, diagnostics } = run(
      version('1.29', `${gates('PodLifecycleSleepAction: true')}${deleteAt10}`) + SLEEP_HOOK(5),
    );
    expect(diagnostics).toEqual([]);
    expect(q.signals('web', 'app')).toEqual([[15, 'SIGQUIT']]);
  });
});

describe('sleep: 0 (PodLifecycleSleepActionAllowZero: beta and on in 1.33)', () => {
  it('1.33 accepts it: the hook ends at once', () => {
    const { q, diagnostics } = run(version('1.33', deleteAt10) + SLEEP_HOOK(0));
    expect(diagnostics).toEqual([]);
    expect(q.of('hook').map((h) => [h.t, h.phase])).toEqual([
      [10, 'start'],
      [10, 'end'],
    ]);
    expect(q.signals('web', 'app')).toEqual([[10, 'SIGQUIT']]);
  });

  it.each([
    ['1.31', 'must be greater than 0 and less than terminationGracePeriodSeconds (30)'],
    [
      '1.32',
      'must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.',
    ],
  ])('%s refuses the pod', (v, detail) => {
    const { q, diagnostics } = run(version(v, deleteAt10) + SLEEP_HOOK(0));
    expect(diagnostics).toEqual([
      `20:9 error spec.containers[0].lifecycle.preStop.sleep: Invalid value: 0: ${detail}`,
      // The refused pod does not exist, so the delete action finds nothing.
      '8:5 warning pods "web" not found',
    ]);
    expect(q.events('web')).toEqual([]);
  });
});

const RESTART_RULE = `apiVersion: v1
kind: Pod
metadata: {name: job}
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: busybox
    command: ['sh', '-c', 'exit 1']
    restartPolicy: OnFailure
`;

describe('container restartPolicy (ContainerRestartRules: alpha 1.34, beta and on 1.35)', () => {
  it.each([
    ['1.34', 'Forbidden: may not be set for non-init containers'],
    [
      '1.35',
      "restartPolicy on a regular container (the ContainerRestartRules feature) is not simulated yet: set the pod's spec.restartPolicy instead",
    ],
  ])('%s', (v, detail) => {
    const { q, diagnostics } = run(version(v) + RESTART_RULE);
    expect(diagnostics).toEqual([`17:5 error spec.containers[0].restartPolicy: ${detail}`]);
    expect(q.events('job')).toEqual([]);
  });
});

const CRASH = `apiVersion: v1
kind: Pod
metadata: {name: crash}
spec:
  containers:
  - name: app
    image: busybox
    command: ['sh', '-c', 'exit 1']
`;

describe('CrashLoopBackOff bounds (kubelet.go newCrashLoopBackOff)', () => {
  // Each start is 1 s of pull after the back-off ends; PLEG sees each exit 1 s after it.
  const DEFAULT = [2, 4, 15, 36, 77, 158];
  const REDUCED = [2, 4, 6, 9, 14, 23, 40, 73, 134];
  it.each([
    ['the default version', scenario(''), DEFAULT, []],
    ['1.33', version('1.33'), DEFAULT, []],
    [
      '1.33 with ReduceDefaultCrashLoopBackOffDecay (1 s → 60 s)',
      version('1.33', gates('ReduceDefaultCrashLoopBackOffDecay: true')),
      REDUCED,
      [],
    ],
    [
      '1.32, where the gate does not exist yet',
      version('1.32', gates('ReduceDefaultCrashLoopBackOffDecay: true')),
      DEFAULT,
      ['8:20 error unrecognized feature gate: ReduceDefaultCrashLoopBackOffDecay'],
    ],
  ] as const)('%s', (_name, head, starts, diagnostics) => {
    const r = run(head + CRASH);
    expect(r.diagnostics).toEqual(diagnostics);
    expect(r.q.eventTimes('crash', 'Started')).toEqual(starts);
  });

  const max20 = '  profile:\n    crashLoopBackOff: {max: 20s}\n';
  it('1.35 honours crashLoopBackOff.max (KubeletCrashLoopBackOffMax beta, on)', () => {
    const r = run(version('1.35', max20) + CRASH);
    expect(r.diagnostics).toEqual([]);
    expect(r.q.eventTimes('crash', 'Started')).toEqual([2, 4, 15, 36, 57, 78, 99, 120, 141, 162]);
  });

  it('1.34 honours it with the alpha gate turned on', () => {
    const r = run(
      version('1.34', `${max20}    featureGates: {KubeletCrashLoopBackOffMax: true}\n`) + CRASH,
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.q.eventTimes('crash', 'Started')).toEqual([2, 4, 15, 36, 57, 78, 99, 120, 141, 162]);
  });

  it('1.34 ignores it without the gate (alpha, off)', () => {
    const r = run(version('1.34', max20) + CRASH);
    expect(r.diagnostics).toEqual([
      '8:29 warning spec.profile.crashLoopBackOff.max: ignored: the KubeletCrashLoopBackOffMax feature gate is off (on by default from Kubernetes 1.35; set featureGates: { KubeletCrashLoopBackOffMax: true })',
    ]);
    expect(r.q.eventTimes('crash', 'Started')).toEqual(DEFAULT);
  });
});

describe('event wording follows a named version', () => {
  it.each([
    ['no version (as before)', scenario(''), 'Created container: app', 'Started container app'],
    ['1.31', version('1.31'), 'Created container app', 'Started container app'],
    ['1.36', version('1.36'), 'Container created', 'Container started'],
  ])('%s', (_name, head, created, started) => {
    const { q } = run(head + CRASH);
    expect(q.events('crash', 'Created')[0]?.message).toBe(created);
    expect(q.events('crash', 'Started')[0]?.message).toBe(started);
  });
});
