/**
 * The scheduling queue (backend/queue/scheduling_queue.go, backoff_queue.go; reference cluster.md
 * S1.1, S1.5–S1.7): activeQ (FIFO here: every pod has priority 0), backoffQ and the unschedulable
 * pool. A failed pod waits in the pool until a cluster event one of its rejecting plugins registers
 * moves it, or until it has been there more than 5 min (checked every 30 s). Moved pods whose backoff
 * (1 s × 2^(attempts−1), at most 10 s, from the last failure) has not run out go to backoffQ, which
 * is flushed every 1 s; with SchedulerPopFromBackoffQ (1.33+) an idle scheduler pops it at once.
 * Timers run on the sim clock only while a pod waits.
 */
import type { Ms } from '../clock/types.ts';

export interface QueueClock {
  now(): Ms;
  at(t: Ms, fn: () => void): unknown;
}

export interface QueueOptions {
  initialBackoffMs: Ms;
  maxBackoffMs: Ms;
  maxInUnschedulableMs: Ms;
  flushUnschedulableMs: Ms;
  flushBackoffMs: Ms;
  popFromBackoffQ: boolean;
}

export const DEFAULT_QUEUE_OPTIONS: QueueOptions = {
  initialBackoffMs: 1000, // DefaultPodInitialBackoffDuration
  maxBackoffMs: 10_000, // DefaultPodMaxBackoffDuration
  maxInUnschedulableMs: 300_000, // DefaultPodMaxInUnschedulablePodsDuration
  flushUnschedulableMs: 30_000, // flushUnschedulablePodsLeftover period
  flushBackoffMs: 1000, // flushBackoffQCompleted period
  popFromBackoffQ: true, // SchedulerPopFromBackoffQ, beta and on since 1.33
};

/** What a cluster change is, for the plugins' EventsToRegister. */
export type ClusterEvent = 'NodeAdd' | 'NodeUpdate' | 'AssignedPodDelete';

/** Which filter plugins a cluster event may help (EventsToRegister with their queueing hints). */
const INTERESTED: Record<ClusterEvent, readonly string[]> = {
  NodeAdd: [
    'NodeUnschedulable',
    'NodeName',
    'TaintToleration',
    'NodeAffinity',
    'NodePorts',
    'NodeResourcesFit',
  ],
  NodeUpdate: ['NodeUnschedulable', 'TaintToleration', 'NodeAffinity', 'NodeResourcesFit'],
  AssignedPodDelete: ['NodePorts', 'NodeResourcesFit'],
};

interface Entry {
  key: string;
  attempts: number;
  lastFailure: Ms;
  /** When it entered the pool. */
  since: Ms;
  plugins: ReadonlySet<string>;
}

/** `attempt` runs one scheduling cycle: undefined when bound, else the plugins that rejected it. */
export type Attempt = (key: string) => ReadonlySet<string> | undefined;

export class SchedulingQueue {
  private readonly active: string[] = [];
  private readonly backoff = new Map<string, Entry>();
  private readonly pool = new Map<string, Entry>();
  private readonly info = new Map<string, { attempts: number; lastFailure: Ms }>();
  private running = false;
  private backoffTimer: Ms | undefined;
  private flushTimer: Ms | undefined;

  constructor(
    private readonly clock: QueueClock,
    private readonly attempt: Attempt,
    private readonly opts: QueueOptions = DEFAULT_QUEUE_OPTIONS,
  ) {}

  /** calculateBackoffDuration. */
  backoffMs(attempts: number): Ms {
    let d = this.opts.initialBackoffMs;
    for (let i = 1; i < attempts && d < this.opts.maxBackoffMs; i++) d *= 2;
    return Math.min(d, this.opts.maxBackoffMs);
  }

  /** A new unscheduled pod: activeQ, scheduled at once. */
  add(key: string): void {
    this.active.push(key);
    this.run();
  }

  /** The pod was deleted or bound elsewhere: forget it. */
  remove(key: string): void {
    const i = this.active.indexOf(key);
    if (i >= 0) this.active.splice(i, 1);
    this.backoff.delete(key);
    this.pool.delete(key);
    this.info.delete(key);
  }

  has(key: string): boolean {
    return this.active.includes(key) || this.backoff.has(key) || this.pool.has(key);
  }

  /** MoveAllToActiveOrBackoffQueue for one event. */
  clusterEvent(event: ClusterEvent): void {
    const want = INTERESTED[event];
    for (const e of [...this.pool.values()])
      if ([...e.plugins].some((p) => want.includes(p))) this.release(e);
    this.run();
  }

  private release(e: Entry): void {
    this.pool.delete(e.key);
    if (this.clock.now() >= e.lastFailure + this.backoffMs(e.attempts)) this.active.push(e.key);
    else {
      this.backoff.set(e.key, e);
      this.armBackoff();
    }
  }

  private expiry(e: Entry): Ms {
    return e.lastFailure + this.backoffMs(e.attempts);
  }

  private run(): void {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        let key = this.active.shift();
        if (key === undefined && this.opts.popFromBackoffQ) key = this.popBackoff();
        if (key === undefined) break;
        const rejected = this.attempt(key);
        if (!rejected) {
          this.info.delete(key);
          continue;
        }
        const now = this.clock.now();
        const prev = this.info.get(key);
        const attempts = (prev?.attempts ?? 0) + 1;
        this.info.set(key, { attempts, lastFailure: now });
        this.pool.set(key, { key, attempts, lastFailure: now, since: now, plugins: rejected });
        this.armFlush();
      }
    } finally {
      this.running = false;
    }
  }

  /** The backoffQ head (earliest expiry, then insertion order). */
  private popBackoff(): string | undefined {
    let best: Entry | undefined;
    for (const e of this.backoff.values())
      if (!best || this.expiry(e) < this.expiry(best)) best = e;
    if (best) this.backoff.delete(best.key);
    return best?.key;
  }

  private nextTick(t: Ms, period: Ms): Ms {
    return Math.ceil(t / period) * period;
  }

  private armBackoff(): void {
    if (this.backoffTimer !== undefined || this.backoff.size === 0) return;
    let first = Infinity;
    for (const e of this.backoff.values()) first = Math.min(first, this.expiry(e));
    const at = Math.max(
      this.nextTick(first, this.opts.flushBackoffMs),
      this.nextTick(this.clock.now() + 1, this.opts.flushBackoffMs),
    );
    this.backoffTimer = at;
    this.clock.at(at, () => {
      this.backoffTimer = undefined;
      const now = this.clock.now();
      for (const e of [...this.backoff.values()])
        if (this.expiry(e) <= now) {
          this.backoff.delete(e.key);
          this.active.push(e.key);
        }
      this.run();
      this.armBackoff();
    });
  }

  private armFlush(): void {
    if (this.flushTimer !== undefined || this.pool.size === 0) return;
    let first = Infinity;
    for (const e of this.pool.values()) first = Math.min(first, e.since);
    // Moved once strictly more than maxInUnschedulable has passed (a tick at exactly 5 min is too early).
    const at = this.nextTick(
      first + this.opts.maxInUnschedulableMs + 1,
      this.opts.flushUnschedulableMs,
    );
    this.flushTimer = at;
    this.clock.at(at, () => {
      this.flushTimer = undefined;
      const now = this.clock.now();
      for (const e of [...this.pool.values()])
        if (now - e.since > this.opts.maxInUnschedulableMs) this.release(e);
      this.run();
      this.armFlush();
    });
  }
}
