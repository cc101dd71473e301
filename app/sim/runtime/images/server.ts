/** Building blocks for image servers: bind a port, wait for a stop signal, log with timestamps. */
import type { Gen } from '../process/effects.ts';
import { SIGNALS } from '../process/effects.ts';
import type { Listener, ProgCtx } from '../process/types.ts';
import type { Signal } from '../types.ts';
export { clfTime, nginxTime, simDate } from '../../clock/wallTime.ts';

export interface StopRule {
  exit: number;
  afterMs?: number;
  /** Lines written when the signal arrives (a function: built then, with that instant's time). */
  log?: string[] | (() => string[]);
  /** The process logs and goes on serving (nginx's SIGHUP: reconfigure). */
  stay?: boolean;
}

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
    const lines = typeof rule.log === 'function' ? rule.log() : (rule.log ?? []);
    for (const l of lines) ctx.io.out(l + '\n');
    if (rule.stay) continue;
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
