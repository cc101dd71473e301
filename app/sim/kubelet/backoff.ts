/**
 * client-go `flowcontrol.Backoff` without jitter (staging/src/k8s.io/client-go/util/flowcontrol/backoff.go),
 * used for CrashLoopBackOff (key = pod+container) and image pulls (key = podUID_image).
 */
import type { Ms } from '../clock/types.ts';

interface Entry {
  backoffMs: Ms;
  lastUpdateMs: Ms;
}

export class Backoff {
  private entries = new Map<string, Entry>();

  /**
   * @param hasExpired `HasExpiredFunc(eventTime, lastUpdate)`: CrashLoopBackOff uses
   *   `eventTime − lastUpdate > 600 s` (kubelet.go); the default is `> 2 × max` (image pulls).
   */
  constructor(
    private readonly initialMs: Ms,
    private readonly maxMs: Ms,
    private readonly hasExpired: (eventMs: Ms, lastUpdateMs: Ms) => boolean = (e, l) =>
      e - l > 2 * maxMs,
  ) {}

  get(key: string): Ms | undefined {
    return this.entries.get(key)?.backoffMs;
  }

  /** `Next(id, eventTime)`: create (initial) or double (≤ max) the entry; lastUpdate = now. */
  next(key: string, eventMs: Ms, nowMs: Ms): Ms {
    const e = this.entries.get(key);
    const backoffMs =
      !e || this.hasExpired(eventMs, e.lastUpdateMs)
        ? this.initialMs
        : Math.min(e.backoffMs * 2, this.maxMs);
    this.entries.set(key, { backoffMs, lastUpdateMs: nowMs });
    return backoffMs;
  }

  /** `IsInBackOffSince(id, eventTime)`: entry exists, not expired, and now − eventTime < backoff. */
  isInBackOffSince(key: string, eventMs: Ms, nowMs: Ms): boolean {
    const e = this.entries.get(key);
    if (!e || this.hasExpired(eventMs, e.lastUpdateMs)) return false;
    return nowMs - eventMs < e.backoffMs;
  }

  /** `IsInBackOffSinceUpdate(id, now)`: as above, measured from the entry's lastUpdate. */
  isInBackOffSinceUpdate(key: string, nowMs: Ms): boolean {
    const e = this.entries.get(key);
    if (!e || this.hasExpired(nowMs, e.lastUpdateMs)) return false;
    return nowMs - e.lastUpdateMs < e.backoffMs;
  }
}
