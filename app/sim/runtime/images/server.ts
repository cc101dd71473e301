/** Building blocks for image servers: bind a port, wait for a stop signal, log with timestamps. */
import type { Gen } from '../process/effects.ts';
import { SIGNALS } from '../process/effects.ts';
import type { Listener, ProgCtx } from '../process/types.ts';
import type { Signal } from '../types.ts';
import { SIM_EPOCH_MS } from '../programs/sysinfo.ts';

export interface StopRule {
  exit: number;
  afterMs?: number;
  log?: string[];
}

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

/** `2025/01/01 00:00:01` (nginx error log). */
export const nginxTime = perSecond(
  (d) =>
    `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `01/Jan/2025:00:00:05 +0000` (access log). */
export const clfTime = perSecond(
  (d) =>
    `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`,
);

/**
 * Install a signal handler from `rules` (signals without a rule: the process's default action,
 * which PID 1 ignores), then block until a ruled signal arrives and exit as it says.
 */
export function* serveUntilSignal(
  ctx: ProgCtx,
  rules: Partial<Record<Signal, StopRule>>,
  onStop?: () => void,
): Gen {
  installHandler(ctx, rules);
  for (;;) {
    const r = yield { t: 'block' };
    const rule = r?.signal ? rules[r.signal] : undefined;
    if (!rule) continue;
    for (const l of rule.log ?? []) ctx.io.out(l + '\n');
    onStop?.();
    ctx.sys.unlisten(ctx.self.pid);
    if (rule.afterMs) yield { t: 'sleep', ms: rule.afterMs };
    return rule.exit;
  }
}

export function installHandler(ctx: ProgCtx, rules: Partial<Record<Signal, StopRule>>): void {
  ctx.self.handler = (sig) => {
    if (rules[sig]) return 'deliver';
    return ctx.self.pid1 ? 'ignore' : { exit: 128 + SIGNALS[sig] };
  };
}

/**
 * A Go binary without signal handling: as PID 1 the runtime's re-raised signal is dropped by the
 * kernel and Go's `dieFromSignal` falls back to exit(2); elsewhere the signal kills it (128+n).
 */
export function goSignalHandler(ctx: ProgCtx): void {
  ctx.self.handler = (sig) => (ctx.self.pid1 ? { exit: 2 } : { exit: 128 + SIGNALS[sig] });
}

/** Bind or print `fail(port)` and return false. */
export function bind(ctx: ProgCtx, port: number, l: Omit<Listener, 'pid'>): boolean {
  return ctx.sys.listen(port, { ...l, pid: ctx.self.pid }) === undefined;
}

export function* blockForever(): Gen {
  for (;;) yield { t: 'block' };
}
