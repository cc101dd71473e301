/**
 * How simulated programs wait. A program (busybox applet, nginx, the shell) is a generator that
 * yields an Effect whenever it needs simulated time to pass; the Task driver resumes it through the
 * Scheduler. A signal the process handles comes back as the resume value.
 */
import type { Signal } from '../types.ts';

export type Effect =
  /** Let `ms` of simulated time pass (sleep, timeouts, startup). */
  | { t: 'sleep'; ms: number }
  /** Wait until a signal is delivered (a server's accept loop, `sleep infinity`). */
  | { t: 'block' }
  /** A busy loop that would never yield: stop interpreting, resume only on a signal. */
  | { t: 'busy' }
  /** Wait for background jobs (the `wait` builtin). */
  | { t: 'join'; jobs: Job[] };

export type Resume = { signal: Signal } | undefined;

export type Gen<T = number> = Generator<Effect, T, Resume>;

/** A background job as `wait` sees it. */
export interface Job {
  readonly done: boolean;
  readonly code: number;
  onDone(cb: () => void): void;
}

export const SIGNALS: Record<Signal, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGTERM: 15,
};

/** `TERM`, `SIGTERM`, `15` → SIGTERM. */
export function parseSignal(s: string): Signal | undefined {
  const up = s.toUpperCase();
  for (const [name, n] of Object.entries(SIGNALS) as [Signal, number][]) {
    if (up === name || `SIG${up}` === name || s === String(n)) return name;
  }
  return undefined;
}

/** Thrown into a generator to end one process of a chain (killed by a signal). */
export class ProcKilled extends Error {
  constructor(
    readonly pid: number,
    readonly code: number,
  ) {
    super(`process ${pid} killed (${code})`);
  }
}

/** `sleep` effect helper: returns the signal if one interrupted the wait. */
export function* sleepFor(ms: number): Gen<Signal | undefined> {
  const r = yield { t: 'sleep', ms };
  return r?.signal;
}

/** A finished computation: for programs and builtins that never wait. */
export function* done(code: number): Gen {
  yield* [];
  return code;
}
