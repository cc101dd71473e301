/** Job timelines of reference cluster.md (W3.19–W3.25, C5), to the second and the byte. */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../../index.ts';
import { formatJobsTable, jobsAt } from '../../trace/workloadViews.ts';
import type { JobObject } from '../../trace/types.ts';

function job(opts: { exit?: number; spec?: string; version?: string; until?: string }) {
  return `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: t }
spec:
  until: ${opts.until ?? '60s'}
${opts.version ? `  kubernetesVersion: "${opts.version}"\n` : ''}  nodes: 1
---
apiVersion: batch/v1
kind: Job
metadata: { name: job }
spec:
${opts.spec ?? '  backoffLimit: 2\n'}  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox
          command: ["sh", "-c", "sleep 5; exit ${opts.exit ?? 1}"]
`;
}

function run(text: string) {
  const { parsed, result } = simulateText(text);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const events = result.trace.flatMap((r) =>
    r.type === 'event' && r.source === 'job-controller'
      ? [`${r.t} ${r.eventType} ${r.reason} ${r.message}`]
      : [],
  );
  const jobs = result.trace.flatMap((r) =>
    r.type === 'workload' && r.object.kind === 'Job' ? [{ t: r.t, j: r.object as JobObject }] : [],
  );
  const last = jobs.at(-1)?.j;
  return { events, jobs, last, result };
}

// Reference C5 assumes the image is on the node; here each pod pulls busybox for 1 s, so a pod
// exits at creation + 7 (not + 6) and is Failed in the API at + 8. The controller's arithmetic is
// C5's: seen 1 s later, backoff 10 s then 20 s from the container's finishedAt.
describe('C5: Job with backoffLimit 2 (restartPolicy Never, exit 1 after 5 s)', () => {
  const r = run(job({}));
  const created = r.events.filter((e) => e.includes('SuccessfulCreate'));

  it('creates pods at 0, 17 and 44 (backoff 10 s from 7, 20 s from 24)', () => {
    expect(created.map((e) => e.split(' ')[0])).toEqual(['0', '17', '44']);
    expect(created[0]).toMatch(/^0 Normal SuccessfulCreate Created pod: job-[b-z2-9]{5}$/);
  });

  it('fails at 53 with FailureTarget then Failed, BackoffLimitExceeded', () => {
    const j = r.last as JobObject;
    expect(j.status.failed).toBe(3);
    expect(j.status.startTime).toBe(0);
    expect(j.status.completionTime).toBeUndefined();
    expect(
      j.status.conditions.map((c) => [c.type, c.status, c.reason, c.message, c.lastTransitionTime]),
    ).toEqual([
      [
        'FailureTarget',
        'True',
        'BackoffLimitExceeded',
        'Job has reached the specified backoff limit',
        53,
      ],
      ['Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 53],
    ]);
    expect(r.events.at(-1)).toBe(
      '53 Warning BackoffLimitExceeded Job has reached the specified backoff limit',
    );
  });

  it('counts failures as the Job sees them, 1 s after the pod is Failed', () => {
    const failedAt = (n: number) => r.jobs.find((x) => x.j.status.failed === n)?.t;
    expect([failedAt(1), failedAt(2), failedAt(3)]).toEqual([9, 26, 53]);
  });

  it('get jobs at 60 s: Failed 0/1 60s 60s', () => {
    expect(formatJobsTable(jobsAt(r.result, 60, 'default'), 60, 'default')).toBe(
      'NAME   STATUS   COMPLETIONS   DURATION   AGE\njob    Failed   0/1           60s        60s\n',
    );
  });
});

describe('C5, exiting 0: Complete at 9', () => {
  const r = run(job({ exit: 0 }));
  it('SuccessCriteriaMet then Complete (CompletionsReached), completionTime 9', () => {
    const j = r.last as JobObject;
    expect(j.status.succeeded).toBe(1);
    expect(j.status.completionTime).toBe(9);
    expect(
      j.status.conditions.map((c) => [c.type, c.reason, c.message, c.lastTransitionTime]),
    ).toEqual([
      ['SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods', 9],
      ['Complete', 'CompletionsReached', 'Reached expected number of succeeded pods', 9],
    ]);
    expect(r.events.at(-1)).toBe('9 Normal Completed Job completed');
    expect(formatJobsTable(jobsAt(r.result, 60, 'default'), 60, 'default')).toBe(
      'NAME   STATUS     COMPLETIONS   DURATION   AGE\njob    Complete   1/1           9s         60s\n',
    );
  });
});
