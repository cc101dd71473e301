/**
 * What the runtime reports that the kubelet model acts on, through YAML, parseScenario and the
 * real runtime: an exec that cannot start (prober error, hook failure), a volume that cannot be
 * mounted (FailedMount, ContainerCreating), the Service environment, and a scenario kill with an
 * exit code.
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from './index.ts';
import { TraceQuery } from './testing/scenario.ts';

function sim(yaml: string, until: number) {
  const { result, parsed } = simulateText(yaml, { until });
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return new TraceQuery(result.trace, result.diagnostics);
}

const MISSING = (probe: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    ${probe}:
      exec:
        command: ["healthcheck"]
      periodSeconds: 5
`;

describe('an exec probe whose binary is missing is a prober error (prober.go runProbeWithRetries)', () => {
  it('liveness: discarded every period, never kills the container', () => {
    const q = sim(MISSING('livenessProbe'), 60);
    const probes = q.probes('p', 'app', 'liveness');
    expect(probes.length).toBeGreaterThan(5);
    expect(probes.every((r) => r.result === 'error' && !r.published)).toBe(true);
    const ev = q.events('p', 'Unhealthy');
    expect(ev.map((e) => e.t)).toEqual(probes.map((r) => r.t));
    expect(ev[0]!.eventType).toBe('Warning');
    expect(ev[0]!.message).toBe(
      'Liveness probe errored: OCI runtime exec failed: exec failed: unable to start container process: exec: "healthcheck": executable file not found in $PATH: unknown',
    );
    expect(q.events('p', 'Killing')).toEqual([]);
    expect(q.states('p', 'app').at(-1)).toEqual([2, 'running', 0, true]);
  });

  it('readiness: errors leave the initial Failure, so the container never becomes ready', () => {
    const q = sim(MISSING('readinessProbe'), 60);
    const probes = q.probes('p', 'app', 'readiness');
    // The manual readiness trigger at the first status with a container ID (t = 2) resets the ticker.
    expect(probes.map((r) => r.t)).toEqual([2, 7, 12, 17, 22, 27, 32, 37, 42, 47, 52, 57]);
    expect(probes.every((r) => r.result === 'error')).toBe(true);
    expect(q.condition('p', 'Ready').at(-1)?.[1]).toBe('False');
    expect(q.states('p', 'app').every(([, , , ready]) => !ready)).toBe(true);
  });
});

describe('an exec hook whose binary is missing fails (handlers.go)', () => {
  it('postStart: FailedPostStartHook, the container is killed and restarted', () => {
    const q = sim(
      `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  terminationGracePeriodSeconds: 5
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
    lifecycle:
      postStart:
        exec:
          command: ["notify-ready"]
`,
      30,
    );
    expect(q.eventTimes('p', 'FailedPostStartHook')[0]).toBe(1);
    const hook = q.of('hook').find((h) => h.phase === 'end');
    expect(hook?.result).toBe('failure');
    expect(hook?.output).toContain('executable file not found in $PATH');
    expect(q.eventTimes('p', 'Killing')[0]).toBe(1);
  });
});
