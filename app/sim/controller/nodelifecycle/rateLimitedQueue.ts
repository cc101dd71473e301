/**
 * The per-zone NoExecute tainting queue (nodelifecycle/scheduler/rate_limited_queue.go): a set of
 * node names in insertion order behind a token bucket of burst 1 (EvictionRateLimiterBurst).
 * `Try` takes a token before every item and stops at the first refusal; a rate of 0 never accepts.
 */
import type { Ms } from '../../clock/types.ts';

export class TokenBucket {
  private tokens = 1;
  private last: Ms | undefined;

  constructor(readonly qps: number) {}

  /** Refills to now (capacity 1) without taking. */
  private refill(now: Ms): void {
    if (this.last !== undefined)
      this.tokens = Math.min(1, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
  }

  tryAccept(now: Ms): boolean {
    if (this.qps <= 0) return false;
    this.refill(now);
    if (this.tokens < 1 - 1e-9) return false;
    this.tokens -= 1;
    return true;
  }

  /** When the next token is there (undefined for a rate of 0). */
  nextTokenAt(now: Ms): Ms | undefined {
    if (this.qps <= 0) return undefined;
    this.refill(now);
    return now + Math.max(0, Math.ceil(((1 - this.tokens) * 1000) / this.qps));
  }

  /** Whether a token is there now (TryAccept without taking it). */
  hasToken(now: Ms): boolean {
    if (this.qps <= 0) return false;
    this.refill(now);
    return this.tokens >= 1 - 1e-9;
  }
}

/**
 * RateLimitedTimedQueue over a UniqueQueue: `set` remembers every value added until `remove`;
 * a value `try` handled successfully leaves the queue but stays in the set (RemoveFromQueue), so
 * adding it again is refused until someone removes it.
 */
export class RateLimitedQueue {
  private readonly items: string[] = [];
  private readonly set = new Set<string>();
  limiter: TokenBucket;

  constructor(qps: number) {
    this.limiter = new TokenBucket(qps);
  }

  /** Add: false when the value is in the set already. */
  add(value: string): boolean {
    if (this.set.has(value)) return false;
    this.set.add(value);
    this.items.push(value);
    return true;
  }

  /** Remove: from the queue and from the set. */
  remove(value: string): void {
    this.set.delete(value);
    const i = this.items.indexOf(value);
    if (i >= 0) this.items.splice(i, 1);
  }

  /** How many values wait to be handled. */
  get size(): number {
    return this.items.length;
  }

  /**
   * SwapLimiter: a new bucket for a new rate; when the old one had no token the new one starts
   * drained too ("we drain the new one - this is a good approach when Burst value is 1").
   */
  swapLimiter(qps: number, now: Ms): void {
    if (this.limiter.qps === qps) return;
    const drained = !this.limiter.hasToken(now);
    this.limiter = new TokenBucket(qps);
    if (drained) this.limiter.tryAccept(now);
  }

  /** Try: for each queued value a token, then `fn`; `fn` true takes the value off the queue. */
  try(now: Ms, fn: (value: string) => boolean): void {
    for (const value of [...this.items]) {
      if (!this.limiter.tryAccept(now)) return;
      if (!fn(value)) continue;
      const i = this.items.indexOf(value);
      if (i >= 0) this.items.splice(i, 1);
    }
  }
}
