/** Tooltip text of a hit: what, when, and why. */
import { formatDuration } from '../lib/time.ts';
import type { Cause } from '../../sim/trace/types.ts';
import type { Hit } from './layout.ts';

export interface HitInfo {
  title: string;
  time: string;
  message?: string;
  why?: string;
  t: number;
  cause?: Cause;
}

export function describeHit(hit: Hit, t: number): HitInfo | undefined {
  const where = hit.row.row.kind === 'probes' ? `${hit.row.row.note ?? ''}` : hit.row.row.label;
  if (hit.kind === 'mark') {
    const m = hit.mark;
    const info: HitInfo = {
      title: `${where}: ${m.label}`,
      time: `at ${formatDuration(m.t)}`,
      message: m.message,
      t: m.t,
    };
    if (m.cause) {
      info.why = m.cause.message;
      info.cause = m.cause;
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
