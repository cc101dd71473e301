import { describe, expect, it } from 'vitest';
import { formatGoDuration, humanDuration, rfc1123z, rfc3339 } from './time.ts';

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each([
    [-5, '<invalid>'],
    [-1, '0s'],
    [-0.5, '0s'],
    [0, '0s'],
    [44.99999999999, '45s'],
    [45.7, '45s'],
    [119, '119s'],
    [120, '2m'],
    [121, '2m1s'],
    [599, '9m59s'],
    [600, '10m'],
    [179 * 60 + 59, '179m'],
    [3 * 3600, '3h'],
    [3 * 3600 + 5 * 60, '3h5m'],
    [8 * 3600, '8h'],
    [47 * 3600, '47h'],
    [48 * 3600, '2d'],
    [51 * 3600, '2d3h'],
    [8 * 24 * 3600, '8d'],
    [730 * 24 * 3600, '2y'],
    [731 * 24 * 3600, '2y1d'],
    [9 * 365 * 24 * 3600, '9y'],
  ])('%s s → %s', (s, want) => {
    expect(humanDuration(s)).toBe(want);
  });
});

describe('formatGoDuration (time.Duration.String)', () => {
  it.each([
    [0, '0s'],
    [10, '10s'],
    [80, '1m20s'],
    [160, '2m40s'],
    [300, '5m0s'],
    [1.5, '1.5s'],
    [1.561, '1.561s'],
    [3600, '1h0m0s'],
    [3725.25, '1h2m5.25s'],
    [0.5, '500ms'],
    [0.0015, '1.5ms'],
  ])('%s s → %s', (s, want) => {
    expect(formatGoDuration(s)).toBe(want);
  });
});

describe('timestamps from the fixed epoch', () => {
  it('renders RFC 3339 and RFC 1123Z with whole seconds', () => {
    expect(rfc3339(0)).toBe('2026-01-01T00:00:00Z');
    expect(rfc3339(45.9)).toBe('2026-01-01T00:00:45Z');
    expect(rfc1123z(3723)).toBe('Thu, 01 Jan 2026 01:02:03 +0000');
  });
});
