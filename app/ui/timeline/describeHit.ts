/** Tooltip text of a hit: what, when, and why. */
import { formatDuration } from '../lib/time.ts';
import type { Cause, TraceRecord } from '../../sim/trace/types.ts';
import { markCause, markMessage, probeStreak } from './model.ts';
import type { Hit } from './layout.ts';

export interface HitInfo {
  title: string;
  time: string;
  message?: string;
  why?: string;
  t: number;
  cause?: Cause;
}

export function describeHit(
  hit: Hit,
  t: number,
  trace: readonly TraceRecord[],
): HitInfo | undefined {
  const where = hit.row.row.kind === 'probes' ? `${hit.row.row.note ?? ''}` : hit.row.row.label;
  if (hit.kind === 'mark') {
    const m = hit.mark;
    const rec = trace[m.rec];
    const cause = markCause(rec);
    let message = markMessage(rec, m);
    if (rec?.type === 'probe' && rec.result !== 'error') {
      const n = probeStreak(trace, m.rec);
      const what = rec.result === 'success' ? 'success' : rec.result;
      const plural = n === 1 ? '' : what === 'success' ? 'es' : 's';
      message += ` (${n} ${what}${plural} in a row)`;
    }
    const info: HitInfo = {
      title: `${where}: ${m.label}`,
      time: `at ${formatDuration(m.t)}`,
      message,
      t: m.t,
    };
    if (cause) {
      info.why = cause.message;
      info.cause = cause;
    }
    return info;
  }
  if (hit.kind === 'segment') {
    const s = hit.segment;
    const info: HitInfo = {
      title: `${where}: ${s.label}`,
      time: `${formatDuration(s.start)} → ${formatDuration(s.end)} (${formatDuration(s.end - s.start)})`,
      t: s.start,
    };
    if (s.message) info.message = s.message;
    if (s.cause) {
      info.why = s.cause.message;
      info.cause = s.cause;
    }
    return info;
  }
  return { title: where, time: `at ${formatDuration(t)}`, t };
}
