/**
 * What reaches the API from an EventRecorder: client-go tools/record/events_cache.go
 * `EventCorrelator.EventCorrelate` = EventAggregator (similar events, 10 distinct messages with no
 * gap > 600 s → one "(combined from similar events): " event), then eventLogger (identical events
 * bump count/lastTimestamp of one Event object), then EventSourceObjectSpamFilter (token bucket per
 * source+object: burst 25, refill 1/300 s; a dropped event was still counted by the logger, so the
 * next accepted write jumps the count, as in client-go).
 */
import type { TraceRecord } from './types.ts';
import { indexAt } from './series.ts';
import { apiSeconds } from './time.ts';

type RawEvent = Extract<TraceRecord, { type: 'event' }>;

const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_S = 600;
const SPAM_BURST = 25;
const SPAM_QPS = 1 / 300;
/** API server --event-ttl default. */
export const EVENT_TTL_S = 3600;

/** One write (create or patch) of an Event object in the API. */
export interface EventWrite {
  t: number;
  object: string;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  source: string;
  fieldPath?: string;
  count: number;
  firstTimestamp: number;
  lastTimestamp: number;
}

interface KeyWrites {
  /** Order in which the Event object was first written (tie-break for sorting). */
  seq: number;
  times: number[];
  writes: EventWrite[];
}

export interface EventIndex {
  /** object (`pod/NAME`) → Event object key → its writes in time order. */
  byObject: Map<string, Map<string, KeyWrites>>;
}

interface AggregateRecord {
  localKeys: string[];
  last: number;
}

interface Bucket {
  tokens: number;
  last: number;
}

/**
 * `identityOf(object, t)` names the involved object including its UID (an incarnation), so a pod
 * deleted and created again does not share Event objects with its predecessor.
 */
export function buildEventIndex(
  records: readonly TraceRecord[],
  identityOf: (object: string, t: number) => string,
): EventIndex {
  const byObject = new Map<string, Map<string, KeyWrites>>();
  const aggregates = new Map<string, AggregateRecord>();
  const logger = new Map<string, { count: number; first: number }>();
  const buckets = new Map<string, Bucket>();
  let seq = 0;

  for (const r of records) {
    if (r.type !== 'event') continue;
    const e: RawEvent = r;
    const now = e.t;
    const who = identityOf(e.object, now);
    // EventAggregatorByReasonFunc: source, involved object (no fieldPath), type, reason.
    const aggregateKey = [e.source, who, e.eventType, e.reason].join('\u0000');
    const eventKey = [e.source, who, e.fieldPath ?? '', e.eventType, e.reason, e.message].join(
      '\u0000',
    );
    let agg = aggregates.get(aggregateKey);
    if (!agg || now - agg.last > AGGREGATE_INTERVAL_S) agg = { localKeys: [], last: now };
    if (!agg.localKeys.includes(e.message)) agg.localKeys.push(e.message);
    agg.last = now;
    aggregates.set(aggregateKey, agg);

    let message = e.message;
    let cacheKey = eventKey;
    if (agg.localKeys.length >= AGGREGATE_MAX_EVENTS) {
      // Go's PopAny removes an arbitrary key; the oldest is removed here to stay deterministic.
      agg.localKeys.shift();
      message = `(combined from similar events): ${e.message}`;
      cacheKey = aggregateKey;
    }

    // eventLogger.eventObserve: same key → count+1, firstTimestamp kept.
    const seen = logger.get(cacheKey);
    const count = seen ? seen.count + 1 : 1;
    const first = seen ? seen.first : now;
    logger.set(cacheKey, { count, first });

    // EventSourceObjectSpamFilter keyed by source + involved object.
    const spamKey = `${e.source}\u0000${who}`;
    const bucket = buckets.get(spamKey) ?? { tokens: SPAM_BURST, last: now };
    bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + (now - bucket.last) * SPAM_QPS);
    bucket.last = now;
    buckets.set(spamKey, bucket);
    if (bucket.tokens < 1) continue;
    bucket.tokens -= 1;

    let objectMap = byObject.get(e.object);
    if (!objectMap) {
      objectMap = new Map();
      byObject.set(e.object, objectMap);
    }
    let kw = objectMap.get(cacheKey);
    if (!kw) {
      kw = { seq: seq++, times: [], writes: [] };
      objectMap.set(cacheKey, kw);
    }
    kw.times.push(now);
    kw.writes.push({
      t: now,
      object: e.object,
      type: e.eventType,
      reason: e.reason,
      message,
      source: e.source,
      fieldPath: e.fieldPath,
      count,
      firstTimestamp: first,
      lastTimestamp: now,
    });
  }
  return { byObject };
}

/** The Event objects about `object` as the API holds them at time t, oldest lastTimestamp first. */
export function eventsAt(index: EventIndex, object: string, t: number): EventWrite[] {
  const objectMap = index.byObject.get(object);
  if (!objectMap) return [];
  const found: { seq: number; w: EventWrite }[] = [];
  for (const kw of objectMap.values()) {
    const i = indexAt(kw.times, t);
    const w = i < 0 ? undefined : kw.writes[i];
    if (w && t - w.t <= EVENT_TTL_S) found.push({ seq: kw.seq, w });
  }
  // kubectl sorts by lastTimestamp (kubectl/pkg/util/event SortableEvents), which the API keeps in
  // whole seconds; ties fall back to list order (names embed the first observation time).
  found.sort(
    (a, b) =>
      apiSeconds(a.w.lastTimestamp) - apiSeconds(b.w.lastTimestamp) ||
      a.w.firstTimestamp - b.w.firstTimestamp ||
      a.seq - b.seq,
  );
  return found.map((x) => x.w);
}

/** All objects that have events. */
export function eventObjects(index: EventIndex): string[] {
  return [...index.byObject.keys()];
}
