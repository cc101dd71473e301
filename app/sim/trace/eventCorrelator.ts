/**
 * What reaches the API from an EventRecorder: client-go tools/record/events_cache.go
 * `EventCorrelator.EventCorrelate` = EventAggregator (similar events, 10 distinct messages with no
 * gap > 600 s → one "(combined from similar events): " event), then eventLogger (identical events
 * bump count/lastTimestamp of one Event object), then EventSourceObjectSpamFilter (token bucket per
 * source+object: burst 25, refill 1/300 s; a dropped event was still counted by the logger, so the
 * next accepted write jumps the count, as in client-go).
 */
import type { TraceRecord } from './types.ts';
import { eventKey } from './objectKey.ts';
import { indexAt } from './series.ts';
import { apiSeconds } from './time.ts';

export type RawEvent = Extract<TraceRecord, { type: 'event' }>;

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
  namespace: string;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  source: string;
  fieldPath?: string;
  count: number;
  firstTimestamp: number;
  lastTimestamp: number;
}

/**
 * One Event object's writes in time order, kept as the raw events they came from (no copy per
 * write); `eventsAt` builds the EventWrite of the one write in force.
 */
interface KeyWrites {
  /** Order in which the Event object was first written (tie-break for sorting). */
  seq: number;
  /** An aggregate ("combined from similar events") object rather than one event key. */
  combined: boolean;
  /** firstTimestamp: the logger keeps it for the key's lifetime. */
  first: number;
  times: number[];
  counts: number[];
  raws: RawEvent[];
}

/**
 * Event objects per involved object. Every correlator key (aggregate, logger, spam bucket) includes
 * the involved object, so each object's events are correlated on their own, the first time a query
 * asks for that object.
 */
export interface EventIndex {
  /** Objects (`eventKey`: `pod/NAME`, `pod/NAMESPACE/NAME`) with events, in the order of their first event. */
  readonly objects: readonly string[];
  /** The object's Event objects in the order they were first written. */
  forObject(object: string): readonly KeyWrites[] | undefined;
  /** Correlates every object ahead of its queries until done (true) or `shouldYield()` (false). */
  prepare(shouldYield: () => boolean): boolean;
}

interface Logged {
  count: number;
  first: number;
  kw?: KeyWrites;
}

/** The aggregator's and the logger's state for one (source, involved object, type, reason). */
interface Group {
  /** Distinct messages seen since the aggregate record was (re)started. */
  localKeys: string[];
  last: number;
  /** The logger entry of the aggregate key. */
  combined?: Logged;
  /** The logger entries of the event keys: fieldPath → message → entry. */
  byField: Map<string, Map<string, Logged>>;
}

/** Everything keyed by (source, involved object): the spam bucket and the groups. */
interface SourceState {
  tokens: number;
  last: number;
  /** type → reason → group. */
  groups: { Normal: Map<string, Group>; Warning: Map<string, Group> };
}

/**
 * One object's raw events (in time order) through client-go's correlator, resumable so the page
 * can spread the work over idle slices. The keys of events_cache.go are nested maps here (each key
 * part looked up on its own, no joined strings).
 */
class Correlator {
  readonly out: KeyWrites[] = [];
  /** who (the incarnation) → source → state. */
  private readonly states = new Map<string, Map<string, SourceState>>();
  private lastWho = '';
  private lastSources: Map<string, SourceState> | undefined;
  private pos = 0;

  constructor(
    private readonly events: readonly RawEvent[],
    private readonly identityOf: (object: string, t: number) => string,
  ) {}

  /** Observes events until done (true) or until `shouldYield()` says stop (false). */
  advance(shouldYield: () => boolean = () => false): boolean {
    const events = this.events;
    let n = 0;
    while (this.pos < events.length) {
      if (++n % 256 === 0 && shouldYield()) return false;
      const e = events[this.pos++];
      if (e) this.observe(e);
    }
    return true;
  }

  private observe(e: RawEvent): void {
    const now = e.t;
    const who = this.identityOf(eventKey(e), now);
    let sources = who === this.lastWho ? this.lastSources : this.states.get(who);
    if (!sources) {
      sources = new Map();
      this.states.set(who, sources);
    }
    this.lastWho = who;
    this.lastSources = sources;
    let st = sources.get(e.source);
    if (!st) {
      st = { tokens: SPAM_BURST, last: now, groups: { Normal: new Map(), Warning: new Map() } };
      sources.set(e.source, st);
    }
    // EventAggregatorByReasonFunc: source, involved object (no fieldPath), type, reason.
    const groups = st.groups[e.eventType];
    let g = groups.get(e.reason);
    if (!g) {
      g = { localKeys: [], last: now, byField: new Map() };
      groups.set(e.reason, g);
    } else if (now - g.last > AGGREGATE_INTERVAL_S) {
      g.localKeys = [];
    }
    if (!g.localKeys.includes(e.message)) g.localKeys.push(e.message);
    g.last = now;

    // eventLogger.eventObserve: same key → count+1, firstTimestamp kept.
    let logged: Logged | undefined;
    const combined = g.localKeys.length >= AGGREGATE_MAX_EVENTS;
    if (combined) {
      // Go's PopAny removes an arbitrary key; the oldest is removed here to stay deterministic.
      g.localKeys.shift();
      logged = g.combined ??= { count: 0, first: now };
    } else {
      const field = e.fieldPath ?? '';
      let byMessage = g.byField.get(field);
      if (!byMessage) {
        byMessage = new Map();
        g.byField.set(field, byMessage);
      }
      logged = byMessage.get(e.message);
      if (!logged) {
        logged = { count: 0, first: now };
        byMessage.set(e.message, logged);
      }
    }
    logged.count += 1;

    // EventSourceObjectSpamFilter keyed by source + involved object.
    st.tokens = Math.min(SPAM_BURST, st.tokens + (now - st.last) * SPAM_QPS);
    st.last = now;
    if (st.tokens < 1) return;
    st.tokens -= 1;

    let kw = logged.kw;
    if (!kw) {
      kw = { seq: this.out.length, combined, first: logged.first, times: [], counts: [], raws: [] };
      logged.kw = kw;
      this.out.push(kw);
    }
    kw.times.push(now);
    kw.counts.push(logged.count);
    kw.raws.push(e);
  }
}

/**
 * An index over raw events grouped by involved object (each list in time order). `identityOf(object,
 * t)` names the involved object including its UID (an incarnation), so a pod deleted and created
 * again does not share Event objects with its predecessor. Correlation runs per object on first use,
 * or ahead of it through `prepare`.
 */
export function createEventIndex(
  rawByObject: ReadonlyMap<string, readonly RawEvent[]>,
  identityOf: (object: string, t: number) => string,
): EventIndex {
  const objects = [...rawByObject.keys()];
  const built = new Map<string, Correlator>();
  const correlator = (object: string): Correlator | undefined => {
    let c = built.get(object);
    if (!c) {
      const raw = rawByObject.get(object);
      if (!raw) return undefined;
      c = new Correlator(raw, identityOf);
      built.set(object, c);
    }
    return c;
  };
  let prepared = 0;
  return {
    objects,
    forObject(object) {
      const c = correlator(object);
      if (!c) return undefined;
      c.advance();
      return c.out;
    },
    prepare(shouldYield) {
      while (prepared < objects.length) {
        const c = correlator(objects[prepared] ?? '');
        if (c && !c.advance(shouldYield)) return false;
        prepared++;
        if (shouldYield()) return prepared === objects.length;
      }
      return true;
    },
  };
}

/** Builds the index for a time-sorted record list (all objects' events). */
export function buildEventIndex(
  records: readonly TraceRecord[],
  identityOf: (object: string, t: number) => string,
): EventIndex {
  const raw = new Map<string, RawEvent[]>();
  for (const r of records) {
    if (r.type !== 'event') continue;
    const k = eventKey(r);
    const list = raw.get(k);
    if (list) list.push(r);
    else raw.set(k, [r]);
  }
  return createEventIndex(raw, identityOf);
}

function writeAt(kw: KeyWrites, i: number): EventWrite | undefined {
  const e = kw.raws[i];
  const t = kw.times[i];
  if (!e || t === undefined) return undefined;
  return {
    t,
    object: e.object,
    namespace: e.namespace,
    type: e.eventType,
    reason: e.reason,
    message: kw.combined ? `(combined from similar events): ${e.message}` : e.message,
    source: e.source,
    fieldPath: e.fieldPath,
    count: kw.counts[i] ?? 1,
    firstTimestamp: kw.first,
    lastTimestamp: t,
  };
}

/** The Event objects about `object` as the API holds them at time t, oldest lastTimestamp first. */
export function eventsAt(index: EventIndex, object: string, t: number): EventWrite[] {
  const list = index.forObject(object);
  if (!list) return [];
  const found: { seq: number; w: EventWrite }[] = [];
  for (const kw of list) {
    const i = indexAt(kw.times, t);
    if (i < 0 || t - (kw.times[i] ?? 0) > EVENT_TTL_S) continue;
    const w = writeAt(kw, i);
    if (w) found.push({ seq: kw.seq, w });
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
  return [...index.objects];
}
