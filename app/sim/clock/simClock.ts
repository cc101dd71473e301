/**
 * Discrete-event clock (DESIGN.md §2.1): a binary heap of timers ordered by (dueMs, seq).
 * `now()` is exactly the due time of the callback being run; ties run in scheduling order, which
 * makes runs reproducible. It implements the engine's `Scheduler` and XState's clock
 * (`setTimeout`/`clearTimeout`), so `after` delays inside actors are simulated time too.
 */
import type { Ms, Scheduler, TimerId } from './types.ts';

interface Timer {
  due: Ms;
  /** 0 = normal; 1 = late lane: runs after every lane-0 timer due at the same ms. */
  lane: number;
  seq: number;
  fn: () => void;
}

export class SimClock implements Scheduler {
  private heap: Timer[] = [];
  /** Ids cancelled before they fired (cancel is rare; firing checks this set). */
  private cancelled = new Set<TimerId>();
  private seq = 0;
  /** The timer whose callback is running: cancelling it is a no-op, not an entry in `cancelled`. */
  private firing = 0;
  private nowMs: Ms = 0;
  /** Number of callbacks run so far (for benches and loop guards). */
  fired = 0;
  /** runUntil stops early once this many callbacks have run (runaway-loop guard). */
  limit = Infinity;

  now(): Ms {
    return this.nowMs;
  }

  /** Run `callback` after `delayMs` (rounded to whole ms, never in the past). */
  after(delayMs: Ms, callback: () => void): TimerId {
    return this.at(this.nowMs + Math.max(0, Math.round(delayMs)), callback);
  }

  /**
   * Run `callback` at absolute time `dueMs` (clamped to now). Lane 1 ("late") timers run after
   * every lane-0 timer due at the same ms: probe ticks use it, so a process timer or a PLEG relist
   * due at the same instant always runs first (DESIGN §2.4).
   */
  at(dueMs: Ms, callback: () => void, lane = 0): TimerId {
    const timer: Timer = {
      due: Math.max(this.nowMs, Math.round(dueMs)),
      lane,
      seq: ++this.seq,
      fn: callback,
    };
    this.push(timer);
    return timer.seq;
  }

  cancel(id: TimerId): void {
    // A task's wait cancels its own timer as it resumes (kubelet/task.ts): without this check
    // the set would keep every such id forever, and every pop would pay for the lookup.
    if (id > 0 && id <= this.seq && id !== this.firing) this.cancelled.add(id);
  }

  // XState's Clock interface.
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): TimerId {
    return this.after(timeout, fn);
  }
  clearTimeout(id: unknown): void {
    if (typeof id === 'number') this.cancel(id);
  }

  /** Due time of the next pending timer, if any. */
  peek(): Ms | undefined {
    this.dropCancelled();
    return this.heap[0]?.due;
  }

  /**
   * Run every timer due at or before `untilMs`, in (due, seq) order, then set now = untilMs and return
   * true. When `limit` callbacks have run with timers still due, stop there instead: now stays at the
   * last callback's time (the time actually reached) and the result is false.
   */
  runUntil(untilMs: Ms): boolean {
    for (;;) {
      this.dropCancelled();
      const top = this.heap[0];
      if (!top || top.due > untilMs) break;
      if (this.fired >= this.limit) return false;
      this.pop();
      if (this.cancelled.size > 0 && this.cancelled.delete(top.seq)) continue;
      this.nowMs = top.due;
      this.fired++;
      this.firing = top.seq;
      top.fn();
      this.firing = 0;
    }
    if (untilMs > this.nowMs) this.nowMs = untilMs;
    return true;
  }

  private dropCancelled(): void {
    while (
      this.heap.length > 0 &&
      this.cancelled.size > 0 &&
      this.cancelled.delete(this.heap[0]!.seq)
    )
      this.pop();
  }

  private less(a: Timer, b: Timer): boolean {
    if (a.due !== b.due) return a.due < b.due;
    if (a.lane !== b.lane) return a.lane < b.lane;
    return a.seq < b.seq;
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
