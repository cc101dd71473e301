import { describe, expect, it } from 'vitest';
import { formatTrafficSummary } from './trafficText.ts';
import type { TrafficSecond } from './types.ts';

const sec = (t: number, failures: TrafficSecond['failures'] = []): TrafficSecond => {
  const failed = failures.reduce((n, f) => n + f.count, 0);
  const errors: TrafficSecond['errors'] = {};
  for (const f of failures) errors[f.error] = (errors[f.error] ?? 0) + f.count;
  return {
    t,
    service: 'web',
    namespace: 'default',
    sent: 30,
    ok: 30 - failed,
    failed,
    errors,
    failures,
    served: {},
  };
};
const refused = (pod: string | undefined, count: number, t: number) => ({
  ...(pod ? { pod } : {}),
  error: 'connection refused' as const,
  count,
  first: t,
  last: t + 0.9,
});

describe('podsim run: the traffic summary', () => {
  it('totals per Service, then each failing stretch with its pod', () => {
    expect(
      formatTrafficSummary([
        sec(0, [refused(undefined, 30, 0)]),
        sec(1, [refused(undefined, 30, 1)]),
        sec(2),
        sec(3, [refused('web-a', 10, 3)]),
        sec(4),
        sec(5, [refused('web-a', 10, 5)]),
      ]),
    ).toBe(
      [
        'service/web: 180 requests, 100 ok, 80 failed (80 connection refused)',
        '  0s-2s  60 connection refused  no endpoint',
        '  3s  10 connection refused  pod/web-a',
        '  5s  10 connection refused  pod/web-a',
        '',
      ].join('\n'),
    );
  });

  it('nothing without traffic', () => {
    expect(formatTrafficSummary([])).toBe('');
  });
});
