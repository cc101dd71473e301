/**
 * Time formatting shared by the projections. Trace times are simulated seconds from t = 0; API
 * timestamps are rendered from a fixed epoch so output is deterministic.
 */

import { SIM_EPOCH_MS } from '../clock/wallTime.ts';

/** t = 0 of every simulation, as a wall-clock instant (2026-01-01T00:00:00Z), as programs see it. */
export const EPOCH_MS = SIM_EPOCH_MS;

/** Removes float noise (e.g. 44.99999999 from 45.1 - 0.1) before truncating to whole units. */
function clean(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}

/**
 * API timestamps (metav1.Time) carry whole seconds: what kubectl computes ages from.
 */
export function apiSeconds(t: number): number {
  return Math.floor(clean(t));
}

/**
 * kubectl's HumanDuration (k8s.io/apimachinery/pkg/util/duration/duration.go `HumanDuration`),
 * pod-level R4.6. Go truncates toward zero (`int(d.Seconds())`).
 */
export function humanDuration(seconds: number): string {
  const s = Math.trunc(clean(seconds));
  if (s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 120) return `${s}s`;
  const minutes = Math.trunc(s / 60);
  if (minutes < 10) {
    const rest = s % 60;
    return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(s / 3600);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** Fraction digits of `value / unit` without trailing zeros (Go's `fmtFrac`). */
function fmtFrac(value: bigint, unit: bigint, digits: number): string {
  const whole = value / unit;
  const frac = value % unit;
  if (frac === 0n) return whole.toString();
  const text = frac.toString().padStart(digits, '0').replace(/0+$/, '');
  return `${whole}.${text}`;
}

/**
 * Go's `time.Duration.String()`: `10s`, `1m20s`, `5m0s`, `1.5s`, `1h0m0s`, `500ms`, `0s`.
 * Used in kubelet messages such as `back-off 1m20s restarting failed container=…`.
 */
export function formatGoDuration(seconds: number): string {
  let ns = BigInt(Math.round(seconds * 1e9));
  const neg = ns < 0n;
  if (neg) ns = -ns;
  const sign = neg ? '-' : '';
  if (ns === 0n) return '0s';
  if (ns < 1000n) return `${sign}${ns}ns`;
  if (ns < 1_000_000n) return `${sign}${fmtFrac(ns, 1000n, 3)}µs`;
  if (ns < 1_000_000_000n) return `${sign}${fmtFrac(ns, 1_000_000n, 6)}ms`;
  const totalSeconds = ns / 1_000_000_000n;
  const secNs = ns % 60_000_000_000n;
  const secText = fmtFrac(secNs, 1_000_000_000n, 9);
  const minutes = (totalSeconds / 60n) % 60n;
  const hours = totalSeconds / 3600n;
  if (hours > 0n) return `${sign}${hours}h${minutes}m${secText}s`;
  if (minutes > 0n) return `${sign}${minutes}m${secText}s`;
  return `${sign}${secText}s`;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dateAt(t: number): Date {
  return new Date(EPOCH_MS + apiSeconds(t) * 1000);
}

/** RFC 3339 with whole seconds, as the API serialises metav1.Time: `2026-01-01T00:00:45Z`. */
export function rfc3339(t: number): string {
  const d = dateAt(t);
  return (
    `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}` +
    `T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}Z`
  );
}

/** Go's time.RFC1123Z as kubectl describe prints it: `Thu, 01 Jan 2026 00:00:45 +0000`. */
export function rfc1123z(t: number): string {
  const d = dateAt(t);
  return (
    `${DAYS[d.getUTCDay()] ?? ''}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()] ?? ''} ` +
    `${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`
  );
}

/** Seconds as a compact number for time columns: `45`, `77.5`, `0.125`. */
export function formatSeconds(t: number): string {
  return String(Math.round(t * 1000) / 1000);
}

/** Go's time.RFC3339Nano (trailing zeros of the fraction dropped): `2026-01-01T00:00:01.5Z`. */
export function rfc3339Nano(ms: number): string {
  return new Date(EPOCH_MS + ms).toISOString().replace(/\.?0+Z$/, 'Z');
}
