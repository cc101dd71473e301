import { describe, expect, it } from 'vitest';
import type { ConditionStatus } from '../../trace/types.ts';
import { RateLimitedQueue, TokenBucket } from './rateLimitedQueue.ts';
import {
  reconcileNoSchedule,
  swapNoExecute,
  wantedNoScheduleTaints,
  withoutNoExecute,
} from './taints.ts';
import { computeZoneState, zoneKey, zoneRate } from './zones.ts';

const states = (ready: number, notReady: number): ConditionStatus[] => [
  ...Array<ConditionStatus>(ready).fill('True'),
  ...Array<ConditionStatus>(notReady).fill('Unknown'),
];

describe('ComputeZoneState', () => {
  it.each([
    [3, 0, 'Normal', 0],
    [2, 1, 'Normal', 1],
    [1, 2, 'Normal', 2], // not more than 2 not-ready: Normal even at 67 %
    [2, 3, 'PartialDisruption', 3], // 3 of 5 = 60 % ≥ 55 %
    [3, 3, 'Normal', 3], // 50 % < 55 %
    [0, 1, 'FullDisruption', 1],
    [0, 3, 'FullDisruption', 3],
  ] as const)('%i ready, %i not → %s', (r, n, state, unhealthy) => {
    expect(computeZoneState(states(r, n))).toEqual({ state, unhealthy });
  });
});

describe('zones and rates', () => {
  it.each([
    [undefined, ''],
    [{}, ''],
    [{ 'topology.kubernetes.io/zone': 'a' }, ':\x00:a'],
    [{ 'topology.kubernetes.io/region': 'r', 'topology.kubernetes.io/zone': 'a' }, 'r:\x00:a'],
    [
      { 'failure-domain.beta.kubernetes.io/zone': 'b', 'topology.kubernetes.io/zone': 'a' },
      ':\x00:b',
    ],
  ])('GetZoneKey %j', (labels, key) => {
    expect(zoneKey(labels)).toBe(key);
  });
  it.each([
    ['Normal', 3, 0.1],
    ['FullDisruption', 3, 0.1],
    ['PartialDisruption', 50, 0],
    ['PartialDisruption', 51, 0.01],
  ] as const)('setLimiterInZone %s with %i nodes → %f/s', (state, size, qps) => {
    expect(zoneRate(state, size)).toBe(qps);
  });
});

describe('the tainting queue (rate_limited_queue.go)', () => {
  it('burst 1 at 0.1/s: the first at once, the next 10 s later', () => {
    const b = new TokenBucket(0.1);
    expect(b.tryAccept(0)).toBe(true);
    expect(b.tryAccept(5000)).toBe(false);
    expect(b.nextTokenAt(5000)).toBe(10_000);
    expect(b.tryAccept(10_000)).toBe(true);
    expect(new TokenBucket(0).tryAccept(0)).toBe(false);
  });
  it('a handled value stays in the set: adding it again is refused until removed', () => {
    const q = new RateLimitedQueue(0.1);
    expect(q.add('node-2')).toBe(true);
    expect(q.add('node-3')).toBe(true);
    const done: string[] = [];
    q.try(0, (v) => (done.push(v), true));
    expect(done).toEqual(['node-2']);
    expect(q.size).toBe(1);
    expect(q.add('node-2')).toBe(false);
    q.remove('node-2');
    expect(q.add('node-2')).toBe(true);
  });
  it('SwapLimiter keeps a drained bucket drained', () => {
    const q = new RateLimitedQueue(0.1);
    q.add('a');
    q.try(0, () => true);
    q.swapLimiter(0.01, 1000);
    q.add('b');
    const done: string[] = [];
    q.try(1000, (v) => (done.push(v), true));
    expect(done).toEqual([]);
  });
});

describe('controller taints', () => {
  const NS = (key: string) => ({ key, effect: 'NoSchedule' });
  it.each([
    ['True', false, []],
    ['Unknown', false, ['node.kubernetes.io/unreachable']],
    ['False', true, ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unschedulable']],
  ] as const)('doNoScheduleTaintingPass Ready %s unschedulable %s', (ready, unsched, keys) => {
    expect(wantedNoScheduleTaints(ready, unsched)).toEqual(keys.map(NS));
  });
  it('reconcile keeps user taints and their order, adds and removes managed ones', () => {
    const user = { key: 'dedicated', value: 'x', effect: 'NoSchedule' };
    const before = [user, NS('node.kubernetes.io/unschedulable')];
    expect(reconcileNoSchedule(before, [NS('node.kubernetes.io/unreachable')])).toEqual([
      user,
      NS('node.kubernetes.io/unreachable'),
    ]);
    expect(reconcileNoSchedule(before, [NS('node.kubernetes.io/unschedulable')])).toBe(before);
  });
  it('NoExecute swap and removal', () => {
    const nr = [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }];
    expect(swapNoExecute(nr, 'node.kubernetes.io/unreachable')).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
    ]);
    expect(swapNoExecute(nr, 'node.kubernetes.io/not-ready')).toBe(nr);
    expect(withoutNoExecute(nr)).toEqual([]);
  });
});
