/** The background jobs a shell remembers for `wait`: running ones, and the last finished ones. */
import type { Job } from '../process/effects.ts';
import { MAX_REMEMBERED_JOBS } from '../limits.ts';

/** A finished job reduced to its status (the process and its generator can be collected). */
function finished(code: number): Job {
  return { done: true, code, onDone: (cb) => cb() };
}

/** `jobs` with finished ones reduced to their status and only the newest MAX_REMEMBERED_JOBS kept. */
export function reapJobs(jobs: Job[]): Job[] {
  let drop = jobs.filter((j) => j.done).length - MAX_REMEMBERED_JOBS;
  const out: Job[] = [];
  for (const j of jobs) {
    if (!j.done) out.push(j);
    else if (drop > 0) drop--;
    else out.push(finished(j.code));
  }
  return out;
}
