import { describe, expect, it } from 'vitest';
import { CHAR_W, fitLabel } from './labels.ts';

describe('fitLabel', () => {
  const long = 'False (ReadinessGatesNotReady)';
  it('keeps a label that fits, shortens one with a reason, drops one that cannot fit', () => {
    expect(fitLabel(long, long.length * CHAR_W)).toBe(long);
    expect(fitLabel(long, 40)).toBe('False');
    expect(fitLabel(long, 20)).toBe('');
    expect(fitLabel('CrashLoopBackOff', 50)).toBe('');
  });
});
