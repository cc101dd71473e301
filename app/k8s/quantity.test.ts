import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantity.ts';

describe('parseQuantity', () => {
  it.each([
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['500m', 0.5],
    ['2', 2],
    ['0.5', 0.5],
    ['1e3', 1000],
    ['2G', 2e9],
    ['64k', 64000],
    [3, 3],
  ] as const)('%s = %d', (q, n) => {
    expect(parseQuantity(q)).toBeCloseTo(n, 9);
  });

  it.each(['abc', '1 Gi', '1GB', 'Mi', '', '1.2.3'])('rejects %j', (q) => {
    expect(parseQuantity(q)).toBeUndefined();
  });
});
