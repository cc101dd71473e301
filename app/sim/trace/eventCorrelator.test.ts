import { describe, expect, it } from 'vitest';
import { eventAge, getEvents } from './events.ts';
import { createTraceIndex } from './traceIndex.ts';
import { TraceBuilder } from './traceBuilder.ts';
import { getPodRows } from './podRows.ts';

const pod = (b: TraceBuilder): TraceBuilder =>
  b.pod('p', { containers: [{ name: 'c', image: 'nginx' }] });

describe('client-go event correlation (events_cache.go)', () => {
  it('dedupes identical events into count/firstTimestamp/lastTimestamp', () => {
    const b = pod(new TraceBuilder());
    for (const t of [10, 20, 30])
      b.event(t, 'p', 'Warning', 'Unhealthy', 'Readiness probe failed: 404');
    const idx = createTraceIndex(b.build());
    const [e] = getEvents(idx, 41, 'pod/p');
    expect(e).toMatchObject({ count: 3, firstTimestamp: 10, lastTimestamp: 30 });
    expect(e && eventAge(e, 41)).toBe('11s (x3 over 31s)');
    expect(getEvents(idx, 15, 'pod/p')[0]?.count).toBe(1);
  });

  it('combines more than 10 similar events (same reason, different messages) within 600 s', () => {
    const b = pod(new TraceBuilder());
    for (let i = 0; i < 12; i++) b.event(i, 'p', 'Warning', 'Failed', `Error: attempt ${i}`);
    const events = getEvents(createTraceIndex(b.build()), 20, 'pod/p');
    expect(events).toHaveLength(10);
    const combined = events[events.length - 1];
    expect(combined).toMatchObject({
      message: '(combined from similar events): Error: attempt 11',
      count: 3,
      firstTimestamp: 9,
      lastTimestamp: 11,
    });
  });

  it('drops events past a burst of 25 per source+object, counts still advance', () => {
    const b = pod(new TraceBuilder());
    for (let i = 0; i < 30; i++) b.event(i, 'p', 'Normal', i < 25 ? `R${i % 5}` : 'Late', 'same');
    b.event(400, 'p', 'Normal', 'Late', 'same');
    const idx = createTraceIndex(b.build());
    expect(getEvents(idx, 100, 'pod/p').some((e) => e.reason === 'Late')).toBe(false);
    // A token came back after 300 s; the Event object is created with the logger's count.
    expect(getEvents(idx, 400, 'pod/p').find((e) => e.reason === 'Late')).toMatchObject({
      count: 6,
      firstTimestamp: 25,
      lastTimestamp: 400,
    });
  });

  it('expires events one hour after their last write', () => {
    const b = pod(new TraceBuilder()).event(5, 'p', 'Normal', 'Pulled', 'x');
    const idx = createTraceIndex(b.build(4000));
    expect(getEvents(idx, 3605, 'pod/p')).toHaveLength(1);
    expect(getEvents(idx, 3606, 'pod/p')).toHaveLength(0);
  });
});

describe('pods deleted and created again', () => {
  it('do not share Event objects or the scheduled node with their predecessor', () => {
    const b = pod(new TraceBuilder());
    b.event(0, 'p', 'Normal', 'Scheduled', 'Successfully assigned default/p to node-1', {
      source: 'default-scheduler',
    });
    b.deleted(10, 'p');
    b.pod('p', { containers: [{ name: 'c', image: 'nginx' }] }, { t: 20 });
    b.event(20, 'p', 'Normal', 'Scheduled', 'Successfully assigned default/p to node-2', {
      source: 'default-scheduler',
    });
    const idx = createTraceIndex(b.build());
    const events = getEvents(idx, 30, 'pod/p').filter((e) => e.lastTimestamp >= 20);
    expect(events).toEqual([
      expect.objectContaining({ count: 1, message: expect.stringContaining('node-2') }),
    ]);
    expect(getPodRows(idx, 30)[0]?.node).toBe('node-2');
    expect(getPodRows(idx, 5)[0]?.node).toBe('node-1');
  });
});
