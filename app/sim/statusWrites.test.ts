/**
 * When the kubelet writes the API status (kubelet.go SyncPod: generateAPIPodStatus at the start of a
 * sync, from a PLEG cache newer than the previous sync's end — pod_workers.go GetNewerThan), through
 * YAML, parseScenario and the real runtime, as `kubectl get pods -w` shows it. Also worked timeline
 * T6 with the real runtime's image catalogue (a failing pull takes the profile's failedPullMs).
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from './index.ts';
import { TraceQuery } from './testing/scenario.ts';
import { getWatchRows } from './trace/podRows.ts';
import { createTraceIndex } from './trace/traceIndex.ts';

function sim(yaml: string, until: number) {
  const { result, parsed } = simulateText(yaml, { until });
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const rows = getWatchRows(createTraceIndex(result)).map(
    (r) => `${r.t} ${r.ready} ${r.status} ${r.restarts}`,
  );
  return { q: new TraceQuery(result.trace, result.diagnostics), rows };
}

// The Kubernetes docs' liveness-exec pod: busybox without a tag → imagePullPolicy Always, so every
// restart pulls (cachedPull 1 s) inside the sync that killed the previous instance.
const LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: k8s.gcr.io/busybox
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`;

describe('a liveness kill, pull and restart inside one sync (R6.8) are never written in between', () => {
  const { q, rows } = sim(LIVENESS, 600);

  it('shows no Error row: Running n at the next sync after the new instance starts (PLEG +1 s)', () => {
    expect(rows).toEqual([
      '0 0/1 Pending 0',
      '0 0/1 ContainerCreating 0',
      '3 1/1 Running 0',
      // kill 45 → SIGKILL 75, pull 75 → 76, start 76, relist 77
      '77 1/1 Running 1 (2s ago)',
      '152 1/1 Running 2 (2s ago)',
      '227 1/1 Running 3 (2s ago)',
      '302 1/1 Running 4 (2s ago)',
      '377 1/1 Running 5 (2s ago)',
      // 450 − 375 < 80: blocked in the kill's sync; the next sync (451) writes CrashLoopBackOff
      '451 0/1 CrashLoopBackOff 5 (1s ago)',
      '532 1/1 Running 6 (82s ago)',
    ]);
  });

  it('never writes the killed instance as terminated: running → running (lastState Error 137)', () => {
    const s = q.statuses('liveness-exec', 'liveness');
    expect(s.filter((r) => 'terminated' in r.status.state)).toEqual([]);
    const first = s.find((r) => r.status.restartCount === 1);
    expect(first?.t).toBe(77);
    expect(first?.status.lastState?.terminated).toMatchObject({
      exitCode: 137,
      reason: 'Error',
      finishedAt: 75,
    });
    expect(q.eventTimes('liveness-exec', 'Pulling').slice(0, 3)).toEqual([1, 75, 150]);
    expect(q.eventTimes('liveness-exec', 'Started').slice(0, 3)).toEqual([2, 76, 151]);
  });
});

describe('rows that do appear: a crash exit is Error until the next sync (G7)', () => {
  const { rows } = sim(
    `apiVersion: v1
kind: Pod
metadata: { name: onf }
spec:
  restartPolicy: OnFailure
  containers:
  - name: c
    image: busybox:1.36
    command: [sh, -c, "sleep 1; exit 1"]
`,
    40,
  );
  it('Error at 3, Running 1 at 4, CrashLoopBackOff at 5, Running 2 at 15', () => {
    expect(rows).toEqual([
      '0 0/1 Pending 0',
      '0 0/1 ContainerCreating 0',
      '2 1/1 Running 0',
      '3 0/1 Error 0',
      '4 1/1 Running 1 (2s ago)',
      '5 0/1 CrashLoopBackOff 1 (1s ago)',
      '15 1/1 Running 2 (11s ago)',
      '16 0/1 CrashLoopBackOff 2 (1s ago)',
      '36 1/1 Running 3 (21s ago)',
      '37 0/1 CrashLoopBackOff 3 (1s ago)',
    ]);
  });
});

const T6 = (profile = '') => `${
  profile
    ? `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: t6 }
spec:
  profile: { ${profile} }
---
`
    : ''
}apiVersion: v1
kind: Pod
metadata: { name: img }
spec:
  containers:
  - name: app
    image: nginx:doesnotexist
`;

describe('T6 image pull failure through the real runtime (nginx:doesnotexist, IfNotPresent)', () => {
  it('pulls at 1, 11, 31, 71, 151, 311, 611, 911 and alternates ErrImagePull / ImagePullBackOff', () => {
    const { q, rows } = sim(T6(), 1000);
    expect(q.eventTimes('img', 'Pulling')).toEqual([1, 11, 31, 71, 151, 311, 611, 911]);
    expect(rows).toEqual([
      '0 0/1 Pending 0',
      '0 0/1 ContainerCreating 0',
      '1 0/1 ErrImagePull 0',
      '21 0/1 ImagePullBackOff 0',
      '31 0/1 ErrImagePull 0',
      '41 0/1 ImagePullBackOff 0',
      '71 0/1 ErrImagePull 0',
      '81 0/1 ImagePullBackOff 0',
      '151 0/1 ErrImagePull 0',
      '161 0/1 ImagePullBackOff 0',
      '311 0/1 ErrImagePull 0',
      '321 0/1 ImagePullBackOff 0',
      '611 0/1 ErrImagePull 0',
      '621 0/1 ImagePullBackOff 0',
      '911 0/1 ErrImagePull 0',
      '921 0/1 ImagePullBackOff 0',
    ]);
    // ErrImagePull at each pull (the status says so in the same second), ImagePullBackOff between.
    expect(q.eventTimes('img', 'BackOff').slice(0, 4)).toEqual([21, 41, 51, 61]);
    expect(q.phases('img')).toEqual([[0, 'Pending']]);
  });

  it('profile failedPull: 1 makes each failing pull take 1 s (every retry shifts)', () => {
    const { q, rows } = sim(T6('failedPull: 1'), 40);
    expect(q.eventTimes('img', 'Pulling')).toEqual([1, 12, 33]);
    expect(rows.slice(2)).toEqual([
      '2 0/1 ErrImagePull 0',
      '23 0/1 ImagePullBackOff 0',
      '34 0/1 ErrImagePull 0',
    ]);
  });

  it('imagePullPolicy Never with the image absent: ErrImageNeverPull every 10 s, no pull, no back-off', () => {
    const { q, rows } = sim(
      `apiVersion: v1
kind: Pod
metadata: { name: never }
spec:
  containers:
  - name: app
    image: private.example.com/app:1
    imagePullPolicy: Never
`,
      45,
    );
    expect(q.eventTimes('never', 'ErrImageNeverPull')).toEqual([1, 11, 21, 31, 41]);
    expect(q.eventTimes('never', 'Pulling')).toEqual([]);
    expect(q.eventTimes('never', 'BackOff')).toEqual([]);
    expect(rows.slice(2)).toEqual(['1 0/1 ErrImageNeverPull 0']);
  });
});
