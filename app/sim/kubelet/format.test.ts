import { describe, expect, it } from 'vitest';
import { goDuration, goList, podUID } from './format.ts';
import { Backoff } from './backoff.ts';

describe('goDuration', () => {
  it.each([
    [0, '0s'],
    [10_000, '10s'],
    [80_000, '1m20s'],
    [160_000, '2m40s'],
    [300_000, '5m0s'],
    [1200, '1.2s'],
    [1561, '1.561s'],
    [500, '500ms'],
    [3_600_000, '1h0m0s'],
  ])('%d ms → %s', (ms, text) => expect(goDuration(ms)).toBe(text));
});

describe('helpers', () => {
  it('formats lists like Go %s and makes stable UIDs', () => {
    expect(goList(['a', 'b'])).toBe('[a b]');
    expect(podUID('default', 'x')).toBe(podUID('default', 'x'));
    expect(podUID('default', 'x')).not.toBe(podUID('default', 'y'));
    expect(podUID('default', 'x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('Backoff (flowcontrol, no jitter)', () => {
  it('doubles to max and resets after 600 s between lastUpdate and the event (CrashLoopBackOff)', () => {
    const b = new Backoff(10_000, 300_000, (e, l) => e - l > 600_000);
    expect(b.isInBackOffSince('k', 0, 1000)).toBe(false);
    const seq = [b.next('k', 0, 0), b.next('k', 1, 1), b.next('k', 2, 2), b.next('k', 3, 3)];
    expect(seq).toEqual([10_000, 20_000, 40_000, 80_000]);
    for (let i = 0; i < 5; i++) b.next('k', 4, 4);
    expect(b.get('k')).toBe(300_000);
    expect(b.isInBackOffSince('k', 100_000, 399_999)).toBe(true);
    expect(b.isInBackOffSince('k', 100_000, 400_000)).toBe(false);
    // an instance that ran > 600 s: its exit is > 600 s after the last Next → entry expired
    expect(b.isInBackOffSince('k', 700_000, 700_001)).toBe(false);
    expect(b.next('k', 700_000, 700_001)).toBe(10_000);
  });

  it('image backoff checks since the last update (T6)', () => {
    const b = new Backoff(10_000, 300_000);
    b.next('img', 1000, 1000);
    expect(b.isInBackOffSinceUpdate('img', 10_999)).toBe(true);
    expect(b.isInBackOffSinceUpdate('img', 11_000)).toBe(false);
  });
});
