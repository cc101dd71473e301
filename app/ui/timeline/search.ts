/** Binary search over sorted times. */
/** Index of the first element of sorted `xs` that is >= t. */
export function lowerBound(xs: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The step time strictly after (dir 1) or before (dir -1) t, or undefined at the ends. */
export function stepFrom(times: number[], t: number, dir: 1 | -1): number | undefined {
  const eps = 1e-6;
  if (dir === 1) return times[lowerBound(times, t + eps)];
  const i = lowerBound(times, t - eps) - 1;
  return i >= 0 ? times[i] : undefined;
}
