import { describe, expect, it } from 'vitest';
import type { Job } from '../process/effects.ts';
import { MAX_REMEMBERED_JOBS } from '../limits.ts';
import { reapJobs } from './jobs.ts';

const job = (done: boolean, code = 0): Job => ({ done, code, onDone: () => undefined });
const finished = (n: number) => Array.from({ length: n }, (_, i) => job(true, i % 256));

describe('reapJobs', () => {
  it.each<[string, Job[], number[]]>([
    ['keeps running jobs as they are', [job(false), job(false)], []],
    ['keeps finished jobs as their status', [job(true, 3), job(false)], [3]],
    [
      'forgets the oldest finished jobs beyond the limit',
      [job(false), ...finished(MAX_REMEMBERED_JOBS + 5)],
      finished(MAX_REMEMBERED_JOBS + 5)
        .slice(5)
        .map((j) => j.code),
    ],
  ])('%s', (_name, jobs, codes) => {
    const out = reapJobs(jobs);
    for (const r of jobs.filter((j) => !j.done)) expect(out).toContain(r);
    expect(out.filter((j) => j.done).map((j) => j.code)).toEqual(codes);
    expect(out.length).toBe(jobs.filter((j) => !j.done).length + codes.length);
  });

  it('a reaped status still wakes a waiter at once', () => {
    const [r] = reapJobs([job(true, 7)]);
    let woke = false;
    r!.onDone(() => (woke = true));
    expect([r!.done, r!.code, woke]).toEqual([true, 7, true]);
  });
});
