/**
 * Durations in scenario documents, in seconds. Accepts Go's `time.ParseDuration` syntax without a sign
 * (`90s`, `5m`, `1h30m`, `1.5s`, `500ms`, `250us`) and plain numbers (already seconds).
 */
const UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

const PART = /([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(ns|us|µs|ms|s|m|h)/y;
const PLAIN_NUMBER = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;

export function parseDuration(v: string | number): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  const text = v.trim();
  if (text === '') return undefined;
  if (PLAIN_NUMBER.test(text)) return Number(text);
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const start = PART.lastIndex;
    const m = PART.exec(text);
    if (!m || m.index !== start) return undefined;
    total += Number(m[1]) * (UNIT_SECONDS[m[2] ?? ''] ?? NaN);
  }
  // Avoid 0.1+0.2 noise: durations are exact to the nanosecond.
  return Number.isFinite(total) ? Math.round(total * 1e9) / 1e9 : undefined;
}

/** True for strings written as a duration with a unit (`30s`, `1m30s`), not bare numbers. */
export function looksLikeDuration(v: string): boolean {
  return !PLAIN_NUMBER.test(v.trim()) && parseDuration(v) !== undefined;
}
