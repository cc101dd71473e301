/** The visible time window of the timeline and the zoom/pan arithmetic on it (pure). */
export interface View {
  t0: number;
  t1: number;
}

/** The shortest window the user can zoom into, in seconds. */
export const MIN_SPAN = 2;

/** Keeps a view inside [0, until] and at least MIN_SPAN wide (or the whole run when shorter). */
export function clampView(v: View, until: number): View {
  const max = Math.max(until, MIN_SPAN);
  let span = Math.min(Math.max(v.t1 - v.t0, Math.min(MIN_SPAN, max)), max);
  if (!Number.isFinite(span)) span = max;
  let t0 = Math.min(Math.max(v.t0, 0), max - span);
  if (!Number.isFinite(t0)) t0 = 0;
  return { t0, t1: t0 + span };
}

/** Zooms by `factor` (< 1 zooms in) keeping time `anchor` at the same screen position. */
export function zoomView(v: View, factor: number, anchor: number, until: number): View {
  const f = Math.max(0.01, factor);
  return clampView({ t0: anchor - (anchor - v.t0) * f, t1: anchor + (v.t1 - anchor) * f }, until);
}

/** Pans by `dt` seconds (positive moves the window later). */
export function panView(v: View, dt: number, until: number): View {
  return clampView({ t0: v.t0 + dt, t1: v.t1 + dt }, until);
}

/** Scrolls the view just enough for `t` to be visible (used while playing). */
export function followView(v: View, t: number, until: number): View {
  const span = v.t1 - v.t0;
  if (t >= v.t0 && t <= v.t1) return v;
  return clampView({ t0: t - span * 0.1, t1: t - span * 0.1 + span }, until);
}

const NICE = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

/** A round tick step (seconds) giving labels at least `minPx` apart. */
export function tickStep(v: View, widthPx: number, minPx = 70): number {
  const span = v.t1 - v.t0;
  const perPx = span / Math.max(1, widthPx);
  for (const s of NICE) if (s / perPx >= minPx) return s;
  return NICE[NICE.length - 1] ?? 3600;
}

/** Tick times inside the view. */
export function ticks(v: View, widthPx: number): number[] {
  const step = tickStep(v, widthPx);
  const out: number[] = [];
  for (let t = Math.ceil(v.t0 / step) * step; t <= v.t1 + 1e-9; t += step) out.push(t);
  return out;
}
