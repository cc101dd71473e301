/**
 * How a Job ends, to the second (reference cluster.md W3.19–W3.23; job_controller.go syncJob,
 * pastBackoffLimitOnFailure, trackJobStatusAndRemoveFinalizers). Each pod pulls busybox for 1 s,
 * so a container starts 2 s after its pod is created; the Job sees a pod change 1 s later (W3.20).
 * Messages are upstream's: job_controller.go `Job was active longer than specified deadline`,
 * `Job has reached the specified backoff limit`, `Reached expected number of succeeded pods`.
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../../index.ts';
import type { JobObject } from '../../trace/types.ts';

const DEADLINE = 'Job was active longer than specified deadline';
const BACKOFF = 'Job has reached the specified backoff limit';
const REACHED = 'Reached expected number of succeeded pods';

const job = (spec: string, restartPolicy: string, command: string) => `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: t }
spec:
  until: 2m
  nodes: 1
---
apiVersion: batch/v1
kind: Job
metadata: { name: job }
spec:
${spec}  template:
    spec:
      restartPolicy: ${restartPolicy}
      containers:
        - name: main
          image: busybox
          command: ["sh", "-c", "${command}"]
`;

interface Want {
  /** The times of the SuccessfulCreate and SuccessfulDelete events. */
  created: number[];
  deleted: number[];
  /** [type, reason, message, lastTransitionTime] of every condition at the end. */
  conditions: [string, string, string, number][];
  /** The job-controller's last event. */
  last: string;
  status: { active: number; succeeded: number; failed: number; completionTime?: number };
}

/** One pod, deleted when the Job fails at `at`; Failed once no pod is terminating (`failedAt`). */
const failed = (reason: string, message: string, at: number, failedAt: number): Want => ({
  created: [0],
  deleted: [at],
  conditions: [
    ['FailureTarget', reason, message, at],
    ['Failed', reason, message, failedAt],
  ],
  last: `${failedAt} Warning ${reason} ${message}`,
  status: { active: 0, succeeded: 0, failed: 1 },
});

const rows: [string, string, string, string, Want][] = [
  [
    'activeDeadlineSeconds 10, a pod that ignores SIGTERM: FailureTarget at 10, Failed when the pod is gone (grace 30 s, seen at 41)',
    '  activeDeadlineSeconds: 10\n',
    'Never',
    'sleep 60',
    failed('DeadlineExceeded', DEADLINE, 10, 41),
  ],
  [
    'activeDeadlineSeconds 10, a pod that exits on SIGTERM: Failed 1 s after the deadline',
    '  activeDeadlineSeconds: 10\n',
    'Never',
    "trap 'exit 0' TERM; sleep 60 & wait",
    failed('DeadlineExceeded', DEADLINE, 10, 11),
  ],
  [
    'restartPolicy OnFailure, backoffLimit 2: the kubelet restarts in place (at 9, then after a 10 s back-off at 25); 2 restarts reach the limit at 26, the last run ends at 30',
    '  backoffLimit: 2\n',
    'OnFailure',
    'sleep 5; exit 1',
    failed('BackoffLimitExceeded', BACKOFF, 26, 31),
  ],
  [
    'Indexed, completions 3, parallelism 2: indexes 0 and 1 at 0, index 2 when they succeed (seen at 9), Complete at 18',
    '  completions: 3\n  parallelism: 2\n  completionMode: Indexed\n',
    'Never',
    'sleep 5',
    {
      created: [0, 0, 9],
      deleted: [],
      conditions: [
        ['SuccessCriteriaMet', 'CompletionsReached', REACHED, 18],
        ['Complete', 'CompletionsReached', REACHED, 18],
      ],
      last: '18 Normal Completed Job completed',
      status: { active: 0, succeeded: 3, failed: 0, completionTime: 18 },
    },
  ],
];

function run(spec: string, restartPolicy: string, command: string) {
  const { parsed, result } = simulateText(job(spec, restartPolicy, command));
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const events = result.trace.flatMap((r) =>
    r.type === 'event' && r.source === 'job-controller'
      ? [{ t: r.t, line: `${r.t} ${r.eventType} ${r.reason} ${r.message}`, reason: r.reason }]
      : [],
  );
  const jobs = result.trace.flatMap((r) =>
    r.type === 'workload' && r.object.kind === 'Job' ? [r.object as JobObject] : [],
  );
  return { events, last: jobs.at(-1) };
}

describe('how a Job ends', () => {
  it.each(rows)('%s', (_n, spec, restartPolicy, command, want) => {
    const r = run(spec, restartPolicy, command);
    const at = (reason: string) => r.events.filter((e) => e.reason === reason).map((e) => e.t);
    expect(at('SuccessfulCreate')).toEqual(want.created);
    expect(at('SuccessfulDelete')).toEqual(want.deleted);
    const st = r.last?.status;
    expect(st?.conditions.map((c) => [c.type, c.reason, c.message, c.lastTransitionTime])).toEqual(
      want.conditions,
    );
    expect(r.events.at(-1)?.line).toBe(want.last);
    expect({
      active: st?.active,
      succeeded: st?.succeeded,
      failed: st?.failed,
      ...(st?.completionTime !== undefined ? { completionTime: st.completionTime } : {}),
    }).toEqual(want.status);
    // completionTime is set only for Complete (W3.23); startTime is the first sync.
    expect(st?.startTime).toBe(0);
  });

  it('Indexed: pods are <job>-<index>-xxxxx, the completed indexes 0-2', () => {
    const r = run(
      '  completions: 3\n  parallelism: 2\n  completionMode: Indexed\n',
      'Never',
      'sleep 5',
    );
    const names = r.events
      .filter((e) => e.reason === 'SuccessfulCreate')
      .map((e) => e.line.split('Created pod: ')[1]);
    expect(names.map((n) => n?.replace(/[b-z2-9]{5}$/, 'xxxxx'))).toEqual([
      'job-0-xxxxx',
      'job-1-xxxxx',
      'job-2-xxxxx',
    ]);
    expect(r.last?.status.completedIndexes).toBe('0-2');
  });
});
