/**
 * The engine's real traces through the projections, against pod-level §12 golden expectations.
 * Where the engine's timing differs from the reference's approximate times, the shape is asserted
 * (sequence of rows, back-off gaps) and the difference is reported, not papered over.
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../index.ts';
import { describePod } from './describe.ts';
import { getEndpointSlices } from './endpointSlices.ts';
import { getPodRows, getWatchRows } from './podRows.ts';
import { toPodsimJson } from './podsimJson.ts';
import { createTraceIndex } from './traceIndex.ts';

const G4 = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`;

function run(text: string, until?: number) {
  const { parsed, result } = simulateText(text, until !== undefined ? { until } : {});
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { result, idx: createTraceIndex(result) };
}

describe('G4 liveness-exec through the engine', () => {
  const { result, idx } = run(G4, 800);
  const rows = getWatchRows(idx);

  it('shows the golden sequence of rows', () => {
    expect(rows.map((r) => `${r.ready} ${r.status} ${r.restartCount}`)).toEqual([
      '0/1 Pending 0',
      '0/1 ContainerCreating 0',
      '1/1 Running 0',
      '1/1 Running 1',
      '1/1 Running 2',
      '1/1 Running 3',
      '1/1 Running 4',
      '1/1 Running 5',
      '0/1 CrashLoopBackOff 5',
      '1/1 Running 6',
      '0/1 CrashLoopBackOff 6',
      '1/1 Running 7',
    ]);
  });

  it('waits 80 s, then 160 s in CrashLoopBackOff (R7.2 back-off doubling)', () => {
    const at = (i: number): number => rows[i]?.t ?? NaN;
    expect(at(9) - at(8)).toBe(80);
    expect(at(11) - at(10)).toBe(160);
    // The restart after the first back-off counts from the exit that started it.
    expect(rows[9]?.restarts).toMatch(/^6 \(8\ds ago\)$/);
  });

  it('describes the first restart with Last State, aggregated Unhealthy and Killing', () => {
    const t = (rows[3]?.t ?? 0) + 10;
    const out = describePod(idx, 'liveness-exec', t);
    expect(out).toContain(
      '    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    137\n',
    );
    expect(out).toMatch(
      / {2}Warning {2}Unhealthy {2}\d+s \(x3 over \d+s\) +kubelet +Liveness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory\n/,
    );
    expect(out).toContain('Container liveness failed liveness probe, will be restarted');
    // Kill and restart happen in one sync (R6.8): the API goes from running to running.
    const c = toPodsimJson(result, idx).pods['liveness-exec']?.containers.liveness;
    expect(c?.state[2]).toMatchObject({ t: rows[3]?.t, state: 'running' });
    expect(c?.restartCount[1]).toEqual({ t: rows[3]?.t, value: 1 });
  });
});

describe('G5/G6 restartPolicy Never', () => {
  const { idx } = run(
    `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  restartPolicy: Never
  containers: [{ name: c, image: 'busybox:1.36', command: [sh, -c, 'sleep 5; exit 0'] }]
---
apiVersion: v1
kind: Pod
metadata: { name: fail }
spec:
  restartPolicy: Never
  containers: [{ name: c, image: 'busybox:1.36', command: [sh, -c, 'sleep 5; exit 1'] }]
`,
    30,
  );

  it('ends Completed (0/1) and Error (0/1) with no restarts', () => {
    expect(getPodRows(idx, 30).map((r) => [r.name, r.ready, r.status, r.restarts])).toEqual([
      ['fail', '0/1', 'Error', '0'],
      ['ok', '0/1', 'Completed', '0'],
    ]);
    expect(describePod(idx, 'fail', 30)).toContain('Status:           Failed\n');
  });
});

describe('G8 deletion with preStop while in a Service', () => {
  const { idx } = run(`apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: g8 }
spec:
  until: 1m
  actions:
  - at: 20s
    delete: { kind: Pod, name: web }
---
apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec:
  terminationGracePeriodSeconds: 30
  containers:
  - name: nginx
    image: nginx:1.27
    ports: [{ containerPort: 80 }]
    lifecycle: { preStop: { exec: { command: [sh, -c, 'sleep 5'] } } }
---
apiVersion: v1
kind: Service
metadata: { name: app-svc }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`);

  it('is 1/1 Terminating from the delete, its endpoint serving+terminating, not ready', () => {
    expect(getPodRows(idx, 21)[0]).toMatchObject({ ready: '1/1', status: 'Terminating' });
    expect(getEndpointSlices(idx, 21)[0]?.endpoints[0]).toMatchObject({
      ready: false,
      serving: true,
      terminating: true,
    });
    const out = describePod(idx, 'web', 24);
    expect(out).toContain('Termination Grace Period:  30s\n');
    expect(out).toMatch(/ {2}Normal {2}Killing +\ds +kubelet +Stopping container nginx\n/);
  });
});
