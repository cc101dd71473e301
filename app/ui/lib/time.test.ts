import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, parseTimeInput } from './time.ts';

describe('parseTimeInput', () => {
  it.each([
    ['45s', 45],
    ['2m', 120],
    ['1m30s', 90],
    ['1h', 3600],
    ['1.5s', 1.5],
    ['90', 90],
    [' 2M ', 120],
    ['500ms', 0.5],
    ['1:30', 90],
    ['0:05', 5],
    ['12:05', 725],
    ['1:02:05', 3725],
    ['1:30.5', 90.5],
  ])('%s → %d', (text, want) => expect(parseTimeInput(text)).toBe(want));
  it.each(['', 'abc', '5x', 's5', '1m 30s', '-3s', '1:3', '1:60', '1:61:00', ':30'])(
    'rejects %j',
    (text) => expect(parseTimeInput(text)).toBeUndefined(),
  );
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [45.54, '45.5s'],
    [75, '1m15s'],
    [120, '2m'],
    [3600, '1h'],
    [3725, '1h2m5s'],
  ])('%d → %s', (s, want) => expect(formatDuration(s)).toBe(want));
  it('reads back every axis label (formatClock)', () => {
    for (const t of [0, 5, 59, 60, 90, 725, 3599, 3600, 3725])
      expect(parseTimeInput(formatClock(t))).toBe(t);
  });
  it('round-trips', () => {
    for (const s of [0, 1, 59.9, 61, 599, 3601.5])
      expect(parseTimeInput(formatDuration(s))).toBe(s);
  });
});

describe('formatClock', () => {
  it('formats minutes and hours', () => {
    expect(formatClock(45)).toBe('0:45');
    expect(formatClock(725)).toBe('12:05');
    expect(formatClock(3600)).toBe('1:00:00');
  });
});
