/**
 * Kubernetes Events as the API holds them at time t (after client-go's correlator), and the
 * `Events:` section of kubectl describe (describe.go `DescribeEvents`, pod-level R4.4–R4.5).
 */
import { eventObjects, eventsAt, type EventWrite } from './eventCorrelator.ts';
import type { DescribeWriter } from './describeText.ts';
import type { TraceIndex } from './traceIndex.ts';
import { apiSeconds, humanDuration } from './time.ts';

/** An Event object as `kubectl describe` reads it: the write without its trace time. */
export type AggregatedEvent = Omit<EventWrite, 't'>;

function toAggregated(w: EventWrite): AggregatedEvent {
  return {
    object: w.object,
    namespace: w.namespace,
    type: w.type,
    reason: w.reason,
    message: w.message,
    source: w.source,
    ...(w.fieldPath !== undefined ? { fieldPath: w.fieldPath } : {}),
    count: w.count,
    firstTimestamp: w.firstTimestamp,
    lastTimestamp: w.lastTimestamp,
  };
}

/** Events at t for one object (its `eventKey`: `pod/NAME`, `pod/NS/NAME`), or for all, sorted by lastTimestamp. */
export function getEvents(idx: TraceIndex, t: number, object?: string): AggregatedEvent[] {
  const objects = object !== undefined ? [object] : eventObjects(idx.events);
  const all = objects.flatMap((o) => eventsAt(idx.events, o, t));
  if (objects.length > 1) {
    all.sort(
      (a, b) =>
        apiSeconds(a.lastTimestamp) - apiSeconds(b.lastTimestamp) ||
        a.firstTimestamp - b.firstTimestamp,
    );
  }
  return all.map(toAggregated);
}

/** The Age column: `21s (x3 over 31s)` or `21s`. */
export function eventAge(e: AggregatedEvent, t: number): string {
  const first = humanDuration(t - apiSeconds(e.firstTimestamp));
  if (e.count > 1)
    return `${humanDuration(t - apiSeconds(e.lastTimestamp))} (x${e.count} over ${first})`;
  return first;
}

/**
 * Writes `Events:` (kubectl's DescribeEvents). When there are events kubectl flushes its tabwriter
 * first, so the caller formats this part on its own (see describe.ts).
 */
export function writeEvents(w: DescribeWriter, events: AggregatedEvent[], t: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    w.write(1, `${e.type}\t${e.reason}\t${eventAge(e, t)}\t${e.source}\t${e.message.trim()}\n`);
  }
}
