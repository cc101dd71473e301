/**
 * A change list: values with the time they took effect, sorted by time. `at(t)` is the value in force
 * at t (the last change at or before t), found by binary search so scrubbing stays cheap.
 */
export interface Series<T> {
  readonly t: number[];
  readonly v: T[];
}

export function createSeries<T>(): Series<T> {
  return { t: [], v: [] };
}

/** Appends keeping time order (stable for equal times). Trace records are nearly sorted already. */
export function pushChange<T>(s: Series<T>, t: number, v: T): void {
  let i = s.t.length;
  while (i > 0 && (s.t[i - 1] ?? 0) > t) i--;
  if (i === s.t.length) {
    s.t.push(t);
    s.v.push(v);
  } else {
    s.t.splice(i, 0, t);
    s.v.splice(i, 0, v);
  }
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

export function valueAt<T>(s: Series<T>, t: number): T | undefined {
  const i = indexAt(s.t, t);
  return i < 0 ? undefined : s.v[i];
}
