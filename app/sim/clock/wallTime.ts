/**
 * Simulated wall-clock time as programs print it: t = 0 is SIM_EPOCH_MS (2026-01-01T00:00:00Z),
 * the same instant the API's timestamps start from (trace/time.ts EPOCH_MS is this constant), so
 * a log line and `kubectl describe` agree on the date.
 * Beside the clock because the trace needs it too: an access log stored as a run (LogRunRecord)
 * is printed back with the `clfTime` of each line's second.
 */
export const SIM_EPOCH_MS = Date.UTC(2026, 0, 1);

export function simDate(now: number): Date {
  return new Date(SIM_EPOCH_MS + now);
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** A per-second formatter that remembers its last answer (servers log many lines per second). */
function perSecond(format: (d: Date) => string): (now: number) => string {
  let sec = NaN;
  let text = '';
  return (now) => {
    const s = Math.floor(now / 1000);
    if (s !== sec) {
      sec = s;
      text = format(simDate(s * 1000));
    }
    return text;
  };
}

/** `2026/01/01 00:00:01` (nginx error log). */
export const nginxTime = perSecond(
  (d) =>
    `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `01/Jan/2026:00:00:05 +0000` (access log), for simulated ms `now`. */
export const clfTime = perSecond(
  (d) =>
    `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`,
);
