import type { Issues } from './issues.ts';
import type { Segment } from './path.ts';
import { parseDuration } from './duration.ts';

/** A scenario duration field (`90s`, `5m`, `1h30m`, or seconds); an invalid one is an error at its path. */
export function durationAt(v: unknown, path: Segment[], issues: Issues): number | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const s = parseDuration(v);
  if (s === undefined) {
    issues.invalid(path, v, 'must be a duration such as 90s, 5m, 1h30m or a number of seconds');
  }
  return s;
}
