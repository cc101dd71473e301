import { describe, expect, it } from 'vitest';
import { looksLikeDuration, parseDuration } from './duration.ts';

describe('parseDuration', () => {
  it.each([
    ['90s', 90],
    ['5m', 300],
    ['1h30m', 5400],
    ['1.5s', 1.5],
    ['500ms', 0.5],
    ['250us', 0.00025],
    ['1m0.5s', 60.5],
    ['0', 0],
    ['42', 42],
    ['2.5', 2.5],
    [' 10s ', 10],
    [30, 30],
    [0.25, 0.25],
  ] as const)('%j -> %d s', (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });

  it.each(['', 'abc', '5 m', '-5s', '1x', 's', '1h30', 'm5'])('rejects %j', (input) => {
    expect(parseDuration(input)).toBeUndefined();
  });

  it('rejects negative and non-finite numbers', () => {
    expect(parseDuration(-1)).toBeUndefined();
    expect(parseDuration(Number.NaN)).toBeUndefined();
    expect(parseDuration(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('looksLikeDuration needs a unit', () => {
    expect(looksLikeDuration('10s')).toBe(true);
    expect(looksLikeDuration('1h30m')).toBe(true);
    expect(looksLikeDuration('10')).toBe(false);
    expect(looksLikeDuration('1.33')).toBe(false);
    expect(looksLikeDuration('nginx')).toBe(false);
  });
});
