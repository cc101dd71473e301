/**
 * Blocking kubelet work (a pod sync that pulls images, waits for postStart, kills through preStop and
 * grace) written as generators over simulated time. A task yields a `Wait`; the runner resumes it when
 * the wait ends. Cancelling a task drops its pending wait (the sync's context was cancelled).
 */
import type { Ms, Scheduler } from '../clock/types.ts';

export type Wait =
  | { ms: Ms }
  /** Register a resume callback; return a cleanup. `resume` may be called synchronously. */
  | { until: (resume: () => void) => () => void };

export type Task<T> = Generator<Wait, T, void>;

export interface TaskHandle {
  cancel(): void;
  readonly done: boolean;
}

export function runTask<T>(s: Scheduler, task: Task<T>, onDone: (v: T) => void): TaskHandle {
  let cancelled = false;
  let done = false;
  let cleanup: (() => void) | undefined;
  const step = (): void => {
    for (;;) {
      if (cancelled) return;
      const r = task.next();
      if (r.done) {
        done = true;
        onDone(r.value);
        return;
      }
      const w = r.value;
      let fired = false;
      let registering = true;
      let resumedWhileRegistering = false;
      const resume = () => {
        if (fired || cancelled) return;
        fired = true;
        cleanup?.();
        cleanup = undefined;
        if (registering) resumedWhileRegistering = true;
        else step();
      };
      if ('ms' in w) {
        const id = s.after(w.ms, resume);
        cleanup = () => s.cancel(id);
      } else {
        cleanup = w.until(resume);
      }
      registering = false;
      if (fired) cleanup = undefined;
      if (!resumedWhileRegistering) return;
    }
  };
  step();
  return {
    cancel() {
      if (done) return;
      cancelled = true;
      cleanup?.();
    },
    get done() {
      return done;
    },
  };
}

/** Wait for the first of several conditions; `timeoutMs` adds a timer. */
export function waitAny(
  s: Scheduler,
  registers: ((resume: () => void) => () => void)[],
  timeoutMs?: Ms,
): Wait {
  return {
    until(resume) {
      const cleanups = registers.map((r) => r(resume));
      let id: number | undefined;
      if (timeoutMs !== undefined) id = s.after(Math.max(0, timeoutMs), resume);
      return () => {
        for (const c of cleanups) c();
        if (id !== undefined) s.cancel(id);
      };
    },
  };
}

/** A one-shot signal that tasks can wait on. */
export class Signal {
  private waiters = new Set<() => void>();
  fired = false;
  fire(): void {
    if (this.fired) return;
    this.fired = true;
    const ws = [...this.waiters];
    this.waiters.clear();
    for (const w of ws) w();
  }
  register = (resume: () => void): (() => void) => {
    if (this.fired) {
      resume();
      return () => {};
    }
    this.waiters.add(resume);
    return () => this.waiters.delete(resume);
  };
}
