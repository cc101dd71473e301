import { describe, expect, it } from 'vitest';
import { resolveFenceposts, scaledValue } from './util.ts';

describe('ResolveFenceposts (W3.8)', () => {
  it.each<[number | string, number | string, number, number, number]>([
    ['25%', '25%', 1, 1, 0],
    ['25%', '25%', 3, 1, 0],
    ['25%', '25%', 4, 1, 1],
    ['25%', '25%', 10, 3, 2],
    [1, 0, 3, 1, 0],
    [0, 0, 3, 0, 1],
    ['0%', '0%', 10, 0, 1],
    ['50%', '10%', 5, 3, 0],
  ])('surge %s unavailable %s of %i → %i/%i', (surge, unavailable, n, s, u) => {
    expect(resolveFenceposts({ maxSurge: surge, maxUnavailable: unavailable }, n)).toEqual({
      surge: s,
      unavailable: u,
    });
  });

  it('percent rounding: up for surge, down for unavailable', () => {
    expect(scaledValue('33%', 10, true)).toBe(4);
    expect(scaledValue('33%', 10, false)).toBe(3);
  });
});
