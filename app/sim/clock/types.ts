/** Simulated time, in integer milliseconds inside app/sim. */
export type Ms = number;

export type TimerId = number;

/**
 * What everything below the cluster sees of the clock: the current simulated time and one-shot
 * timers. Callbacks due at the same time run in the order they were scheduled (DESIGN.md §2.4).
 * `now()` inside a callback is exactly that callback's due time.
 */
export interface Scheduler {
  now(): Ms;
  after(delayMs: Ms, callback: () => void): TimerId;
  cancel(id: TimerId): void;
}
