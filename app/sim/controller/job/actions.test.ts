/**
 * `patch` and `scale` scenario actions on a Job (DESIGN §3): what the API server accepts takes
 * effect at once (job_controller.go updateJob: a spec change is enqueueSyncJobImmediately); what it
 * refuses changes nothing and is the action's outcome and a warning at the action's line.
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../../index.ts';
import type { JobObject } from '../../trace/types.ts';

const scenario = (
  action: string,
  spec = '  completions: 4\n  parallelism: 1\n',
) => `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: t }
spec:
  until: 60s
  nodes: 1
  actions:
  - ${action}
---
apiVersion: batch/v1
kind: Job
metadata: { name: pi }
spec:
${spec}  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox
          command: ["sh", "-c", "sleep 5"]
`;

function run(action: string, spec?: string) {
  const { parsed, result } = simulateText(scenario(action, spec));
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const events = result.trace.flatMap((r) =>
    r.type === 'event' && r.source === 'job-controller' ? [`${r.t} ${r.reason} ${r.message}`] : [],
  );
  const outcome = result.trace.flatMap((r) =>
    r.type === 'action' ? [{ t: r.t, action: r.action, ok: r.ok, message: r.message }] : [],
  );
  const jobs = result.trace.flatMap((r) =>
    r.type === 'workload' && r.object.kind === 'Job' ? [r.object as JobObject] : [],
  );
  const warnings = result.diagnostics.map((d) => `${d.line}: ${d.message}`);
  return { events, outcome, last: jobs.at(-1), warnings };
}

const created = (events: string[]) =>
  events.filter((e) => e.includes('SuccessfulCreate')).map((e) => Number(e.split(' ')[0]));

describe('patch job: accepted, synced at once', () => {
  it('parallelism 1 → 3 at 3 s: two more pods at 3 s, the 4th when one succeeds', () => {
    const r = run(
      '{ at: 3s, patch: { kind: Job, name: pi, patch: { spec: { parallelism: 3 } } } }',
    );
    expect(r.outcome).toEqual([
      { t: 3, action: 'patch Job/pi', ok: true, message: 'job.batch/pi patched' },
    ]);
    expect(created(r.events)).toEqual([0, 3, 3, 9]);
    expect(r.events.at(-1)).toBe('18 Completed Job completed');
    expect(r.warnings).toEqual([]);
  });

  it('parallelism 2 → 1 at 3 s: the surplus pod is deleted at once', () => {
    const r = run(
      '{ at: 3s, patch: { kind: Job, name: pi, patch: { spec: { parallelism: 1 } } } }',
      '  completions: 4\n  parallelism: 2\n',
    );
    expect(r.events.slice(0, 3).map((e) => e.split(':')[0])).toEqual([
      '0 SuccessfulCreate Created pod',
      '0 SuccessfulCreate Created pod',
      '3 SuccessfulDelete Deleted pod',
    ]);
  });

  it('activeDeadlineSeconds 10 at 3 s: DeadlineExceeded 10 s after startTime', () => {
    const r = run(
      '{ at: 3s, patch: { kind: Job, name: pi, patch: { spec: { activeDeadlineSeconds: 10 } } } }',
    );
    const conds = r.last?.status.conditions.map((c) => [
      c.type,
      c.reason,
      c.message,
      c.lastTransitionTime,
    ]);
    expect(conds).toEqual([
      ['FailureTarget', 'DeadlineExceeded', 'Job was active longer than specified deadline', 10],
      ['Failed', 'DeadlineExceeded', 'Job was active longer than specified deadline', 11],
    ]);
    expect(r.events.at(-1)).toBe(
      '11 DeadlineExceeded Job was active longer than specified deadline',
    );
  });

  it('the same parallelism: patched (no change)', () => {
    const r = run(
      '{ at: 3s, patch: { kind: Job, name: pi, patch: { spec: { parallelism: 1 } } } }',
    );
    expect(r.outcome[0]?.message).toBe('job.batch/pi patched (no change)');
    expect(created(r.events)).toEqual([0, 9, 18, 27]);
  });
});

describe('patch job: refused, nothing changes, a warning at the action line (8)', () => {
  it.each([
    [
      'completions (NonIndexed)',
      '{ at: 3s, patch: { kind: Job, name: pi, patch: { spec: { completions: 2 } } } }',
      'Job.batch "pi" is invalid: spec.completions: Invalid value: 2: field is immutable',
    ],
    [
      'completionMode',
      '{ at: 3s, patch: { kind: Job, name: pi, patch: { spec: { completionMode: Indexed } } } }',
      'Job.batch "pi" is invalid: spec.completionMode: Invalid value: "Indexed": field is immutable',
    ],
  ])('%s', (_n, action, message) => {
    const r = run(action);
    expect(r.outcome).toEqual([{ t: 3, action: 'patch Job/pi', ok: false, message }]);
    expect(r.warnings).toEqual([`8: ${message}`]);
    expect(created(r.events)).toEqual([0, 9, 18, 27]);
  });

  it('the template: field is immutable', () => {
    const r = run(
      '{ at: 3s, patch: { kind: Job, name: pi, patch: { spec: { template: { spec: { containers: [ { name: main, image: nginx } ] } } } } } }',
    );
    expect(r.outcome[0]?.ok).toBe(false);
    expect(r.outcome[0]?.message).toMatch(
      /^Job\.batch "pi" is invalid: spec\.template: Invalid value: \{.*"image":"nginx".*\}: field is immutable$/,
    );
  });
});

describe('scale job', () => {
  it('refused by the API server: Job has no scale subresource', () => {
    const r = run('{ at: 3s, scale: { kind: Job, name: pi, replicas: 3 } }');
    const message = 'the server could not find the requested resource';
    expect(r.outcome).toEqual([{ t: 3, action: 'scale Job/pi', ok: false, message }]);
    expect(r.warnings).toEqual([`8: ${message}`]);
    expect(created(r.events)).toEqual([0, 9, 18, 27]);
  });

  it('a Job that does not exist: NotFound', () => {
    const r = run('{ at: 3s, scale: { kind: Job, name: nope, replicas: 3 } }');
    expect(r.outcome[0]?.message).toBe('jobs.batch "nope" not found');
  });
});
