/**
 * The pod-recreation backoff of the Job controller, after k/k pkg/controller/job/backoff_utils.go
 * (newBackoffRecord, getFinishedTime, getRemainingTimeForFailuresCount): 10 s after the first
 * failure since the last success, doubling, capped at MaxJobPodFailureBackOff (10 min — the 360 s
 * cap is that of releases before 1.28), measured from the failed pod's finish time.
 */
import type { CtlPod } from '../types.ts';

export const DEFAULT_JOB_POD_FAILURE_BACKOFF = 10;
export const MAX_JOB_POD_FAILURE_BACKOFF = 600;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

/** getFinishedTime: containers' last finishedAt, Ready=False, deletion − grace, else creation. */
export function finishedTime(p: CtlPod): number {
  return p.job?.finishedAt ?? p.job?.deletedAt ?? p.creationTimestamp;
}

/** backoffStore.newBackoffRecord: the record after this sync's newly finished pods. */
export function newBackoffRecord(
  old: BackoffRecord,
  succeeded: readonly CtlPod[],
  failed: readonly CtlPod[],
): BackoffRecord {
  const byTime = (a: CtlPod, b: CtlPod) => finishedTime(a) - finishedTime(b);
  const s = [...succeeded].sort(byTime);
  const f = [...failed].sort(byTime);
  if (s.length === 0) {
    if (f.length === 0) return { ...old };
    return {
      failuresAfterLastSuccess: old.failuresAfterLastSuccess + f.length,
      lastFailureTime: finishedTime(f[f.length - 1] as CtlPod),
    };
  }
  const out: BackoffRecord = { failuresAfterLastSuccess: 0 };
  const lastSuccess = finishedTime(s[s.length - 1] as CtlPod);
  for (let i = f.length - 1; i >= 0; i--) {
    const t = finishedTime(f[i] as CtlPod);
    if (!(t > lastSuccess)) break;
    out.lastFailureTime ??= t;
    out.failuresAfterLastSuccess++;
  }
  return out;
}

/** getRemainingTimeForFailuresCount: seconds until a replacement may be created (0: now). */
export function remainingTime(b: BackoffRecord, now: number): number {
  if (b.failuresAfterLastSuccess === 0 || b.lastFailureTime === undefined) return 0;
  let d = DEFAULT_JOB_POD_FAILURE_BACKOFF;
  for (let i = 1; i < b.failuresAfterLastSuccess; i++) {
    d *= 2;
    if (d >= MAX_JOB_POD_FAILURE_BACKOFF) {
      d = MAX_JOB_POD_FAILURE_BACKOFF;
      break;
    }
  }
  const elapsed = now - b.lastFailureTime;
  return d < elapsed ? 0 : d - elapsed;
}
