import { describe, expect, it } from 'vitest';
import type { TrafficError, TrafficSecond } from '../../sim/trace/types.ts';
import { trafficSegments } from './trafficRow.ts';

const sec = (
  t: number,
  failed = 0,
  pod?: string,
  error: TrafficError = 'connection refused',
): TrafficSecond => ({
  t,
  service: 'web',
  namespace: 'default',
  sent: 30,
  ok: 30 - failed,
  failed,
  errors: failed ? { [error]: failed } : {},
  failures: failed
    ? [{ ...(pod ? { pod } : {}), error, count: failed, first: t + 0.066, last: t + 0.966 }]
    : [],
  served: {},
});

describe('the requests row', () => {
  it('merges served seconds, keeps each failing second with its pod, time and why', () => {
    const segs = trafficSegments([
      sec(10),
      sec(11),
      sec(12, 10, 'web-a'),
      sec(13),
      sec(14, 10, 'web-b'),
    ]);
    expect(segs.map((s) => [s.start, s.end, s.label, s.tone])).toEqual([
      [10, 12, 'ok', 'ep-ready'],
      [12, 13, '10 failed', 'terminated-bad'],
      [13, 14, 'ok', 'ep-ready'],
      [14, 15, '10 failed', 'terminated-bad'],
    ]);
    expect(segs[1]?.message).toBe(
      '10 of 30 requests failed: 10 connection refused (pod web-a) at 12.066–12.966 s',
    );
    expect(segs[1]?.cause?.message).toMatch(/kube-proxy applies an EndpointSlice change 1 s late/);
  });

  it('a run of seconds failing the same way is one band; no endpoint says so', () => {
    const segs = trafficSegments([
      sec(100, 10, 'web-b', 'connection timed out'),
      sec(101, 10, 'web-b', 'connection timed out'),
      sec(102, 30),
    ]);
    expect(segs.map((s) => [s.start, s.end, s.label])).toEqual([
      [100, 102, '20 failed'],
      [102, 103, '30 failed'],
    ]);
    expect(segs[0]?.message).toBe(
      '20 of 60 requests failed: 20 connection timed out (pod web-b) at 100.066–101.966 s',
    );
    expect(segs[1]?.cause?.message).toMatch(/no usable endpoint/);
  });

  it('low rates: served seconds up to 2 s apart stay one band', () => {
    const segs = trafficSegments([sec(10), sec(12), sec(16)]);
    expect(segs.map((s) => [s.start, s.end])).toEqual([
      [10, 13],
      [16, 17],
    ]);
  });
});
