/**
 * Drives one generator chain through simulated time: each yielded Effect becomes a Scheduler timer
 * (or a wait for a signal or for background jobs). Re-entrant requests (a process signalling itself
 * while it runs) are queued until the generator is paused again.
 */
import type { Scheduler, TimerId } from '../../clock/types.ts';
import type { Signal } from '../types.ts';
import { ProcKilled } from './effects.ts';
import { OutOfMemory, SEGFAULT_EXIT } from '../limits.ts';
import type { Effect, Gen, Job, Resume } from './effects.ts';

type Pending =
  { kind: 'deliver'; sig: Signal } | { kind: 'throw'; err: unknown } | { kind: 'wake' };

export class Task implements Job {
  done = false;
  code = 0;
  /** What the task is paused on, if anything. */
  waiting: Effect['t'] | undefined;
  private timer: TimerId | undefined;
  private running = false;
  private pending: Pending[] = [];
  private doneCbs: (() => void)[] = [];
  private joinToken = 0;

  constructor(
    private readonly gen: Gen,
    private readonly scheduler: Scheduler,
    private readonly onExit: (code: number) => void,
    /** A diagnostic when the process dies of a crash instead of exiting (see `crashCode`). */
    private readonly onCrash: (message: string) => void = () => undefined,
  ) {}

  start(): void {
    this.run({ kind: 'next', v: undefined });
  }

  onDone(cb: () => void): void {
    if (this.done) cb();
    else this.doneCbs.push(cb);
  }

  /** Resume the paused generator with a signal (it handles it at its yield point). */
  deliver(sig: Signal): void {
    this.request({ kind: 'deliver', sig });
  }

  /** Throw into the generator at its yield point (a process of the chain was killed). */
  throwInto(err: unknown): void {
    this.request({ kind: 'throw', err });
  }

  /** Resume a busy-looping generator so it can notice pending traps. */
  wake(): void {
    if (this.waiting === 'busy' || this.running) this.request({ kind: 'wake' });
  }

  /** End the chain now and report `code` as its exit (a signal's default action, OOM). */
  terminate(code: number): void {
    if (this.done) return;
    this.kill();
    this.code = code;
    this.onExit(code);
  }

  /** End the chain without running it further and without reporting (container gone). */
  kill(): void {
    if (this.done) return;
    this.cancelTimer();
    this.done = true;
    this.waiting = undefined;
    try {
      this.gen.return(137);
    } catch {
      // A `finally` that throws while being torn down is irrelevant: the process is gone.
    }
    this.finish(137, false);
  }

  private request(p: Pending): void {
    if (this.done) return;
    if (this.running) {
      this.pending.push(p);
      return;
    }
    this.cancelTimer();
    this.waiting = undefined;
    this.apply(p);
  }

  private apply(p: Pending): void {
    if (p.kind === 'deliver') this.run({ kind: 'next', v: { signal: p.sig } });
    else if (p.kind === 'throw') this.run({ kind: 'throw', err: p.err });
    else this.run({ kind: 'next', v: undefined });
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.scheduler.cancel(this.timer);
    this.timer = undefined;
  }

  private run(first: { kind: 'next'; v: Resume } | { kind: 'throw'; err: unknown }): void {
    let input = first;
    for (;;) {
      let r: IteratorResult<Effect, number>;
      this.running = true;
      try {
        r = input.kind === 'next' ? this.gen.next(input.v) : this.gen.throw(input.err);
      } catch (e) {
        // The chain's root process was killed by a signal thrown into it.
        if (e instanceof ProcKilled) r = { done: true, value: e.code };
        else r = { done: true, value: this.crashCode(e) };
      } finally {
        this.running = false;
      }
      if (this.done) return;
      if (r.done) {
        this.done = true;
        this.finish(r.value, true);
        return;
      }
      const p = this.pending.shift();
      if (p) {
        if (p.kind === 'deliver') input = { kind: 'next', v: { signal: p.sig } };
        else if (p.kind === 'throw') input = { kind: 'throw', err: p.err };
        else input = { kind: 'next', v: undefined };
        continue;
      }
      const eff = r.value;
      if (eff.t === 'sleep') {
        this.waiting = 'sleep';
        this.timer = this.scheduler.after(Math.max(0, Math.round(eff.ms)), () => {
          this.timer = undefined;
          this.waiting = undefined;
          this.run({ kind: 'next', v: undefined });
        });
        return;
      }
      if (eff.t === 'join') {
        const open = eff.jobs.filter((j) => !j.done);
        if (open.length === 0) {
          input = { kind: 'next', v: undefined };
          continue;
        }
        this.waiting = 'join';
        const token = ++this.joinToken;
        let left = open.length;
        for (const j of open)
          j.onDone(() => {
            if (--left === 0 && this.waiting === 'join' && token === this.joinToken) {
              this.waiting = undefined;
              this.run({ kind: 'next', v: undefined });
            }
          });
        return;
      }
      this.waiting = eff.t;
      return;
    }
  }

  /**
   * A process whose program ran out of the JS stack or string space (a RangeError the limits in
   * limits.ts did not catch first), or out of memory outside a shell, dies — never the run of
   * every other pod: a segfault's 139 for the first, malloc failing (exit 1) for the second.
   */
  private crashCode(e: unknown): number {
    if (e instanceof OutOfMemory) {
      this.onCrash(
        `A program ran out of memory (${e.what}; Podlab bounds every value a process holds): it exits 1.`,
      );
      return 1;
    }
    if (!(e instanceof RangeError)) throw e;
    this.onCrash(
      `A process crashed in Podlab's interpreter (${e.message}): it dies as a segfault would, exit ${SEGFAULT_EXIT}.`,
    );
    return SEGFAULT_EXIT;
  }

  private finish(code: number, report: boolean): void {
    this.code = code;
    if (report) this.onExit(code);
    const cbs = this.doneCbs;
    this.doneCbs = [];
    for (const cb of cbs) cb();
  }
}
