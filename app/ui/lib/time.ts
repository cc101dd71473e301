/** Time strings of the playground: `45s`, `2m`, `1m30s`, `1h`, `1.5s`, or a bare number of seconds. */
import { parseDuration } from '../../k8s/duration.ts';

const CLOCK = /^(?:(\d+):)?(\d+):([0-5]\d(?:\.\d+)?)$/;

/**
 * A time typed by a person (case does not matter: `2M` is 2m), or the axis' own clock format
 * (`1:30`, `1:02:05`); `undefined` when it is not one.
 */
export function parseTimeInput(text: string): number | undefined {
  const t = text.trim();
  const c = CLOCK.exec(t);
  if (c) {
    const h = Number(c[1] ?? 0);
    const m = Number(c[2]);
    if (c[1] !== undefined && m > 59) return undefined;
    return h * 3600 + m * 60 + Number(c[3]);
  }
  return parseDuration(t.toLowerCase());
}

/** Rounds to 0.1 s so floating noise never reaches the YAML or the UI. */
export function roundTenth(s: number): number {
  return Math.round(s * 10) / 10;
}

/** `75` → `1m15s`, `45.5` → `45.5s`, `3600` → `1h`: compact and re-parseable by `parseTimeInput`. */
export function formatDuration(seconds: number): string {
  const total = roundTenth(Math.max(0, seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total - h * 3600) / 60);
  const s = roundTenth(total - h * 3600 - m * 60);
  let out = '';
  if (h) out += `${h}h`;
  if (m) out += `${m}m`;
  if (s || out === '') out += `${s}s`;
  return out;
}

/** Axis label: `0:45`, `12:05`, `1:00:00`. */
export function formatClock(seconds: number): string {
  const t = Math.max(0, Math.round(seconds));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  const ss = String(s).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
