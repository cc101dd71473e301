/**
 * A change list: values with the time they took effect, sorted by time. `at(t)` is the value in force
 * at t (the last change at or before t), found by binary search so scrubbing stays cheap.
 */
export interface Series<T> {
  readonly t: number[];
  /** Position of the record in the (time-sorted) trace: orders changes that share a time. */
  readonly seq: number[];
  readonly v: T[];
}

export function createSeries<T>(): Series<T> {
  return { t: [], seq: [], v: [] };
}

/** Appends keeping (time, seq) order. Trace records arrive sorted, so this is a push. */
export function pushChange<T>(s: Series<T>, t: number, v: T, seq = 0): void {
  const n = s.t.length;
  const lastT = n > 0 ? (s.t[n - 1] ?? 0) : -Infinity;
  if (lastT < t || (lastT === t && (s.seq[n - 1] ?? 0) <= seq)) {
    s.t.push(t);
    s.seq.push(seq);
    s.v.push(v);
    return;
  }
  let i = n;
  while (i > 0 && ((s.t[i - 1] ?? 0) > t || ((s.t[i - 1] ?? 0) === t && (s.seq[i - 1] ?? 0) > seq)))
    i--;
  s.t.splice(i, 0, t);
  s.seq.splice(i, 0, seq);
  s.v.splice(i, 0, v);
}

/** Index of the last change with time ≤ t, or -1. */
export function indexAt(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] ?? Infinity) <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * The value in force at time t; with `seq`, only changes recorded up to that trace position count
 * among those at exactly t (how a watch sees several writes that share a second).
 */
export function valueAt<T>(s: Series<T>, t: number, seq = Infinity): T | undefined {
  let i = indexAt(s.t, t);
  while (i >= 0 && s.t[i] === t && (s.seq[i] ?? 0) > seq) i--;
  return i < 0 ? undefined : s.v[i];
}
