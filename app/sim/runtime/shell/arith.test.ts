import { describe, expect, it } from 'vitest';
import { ARITH_TOO_DEEP, evalArith } from './arith.ts';
import { MAX_ARITH_DEPTH } from '../limits.ts';

const nest = (n: number) => '('.repeat(n) + '1' + ')'.repeat(n);

describe('evalArith', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['2 ** 3 ** 2', 512],
    ['7 / 0', 'divide by zero'],
    ['1 +', 'arithmetic syntax error'],
    [nest(MAX_ARITH_DEPTH / 4), 1],
    [nest(5000), ARITH_TOO_DEEP],
    ['-'.repeat(5000) + '1', ARITH_TOO_DEEP],
    [Array(5000).fill('2').join(' ** '), ARITH_TOO_DEEP],
  ])('%s → %s', (expr, want) => {
    expect(evalArith(expr, () => undefined)).toBe(want);
  });

  it('does not swallow a RangeError as a syntax error', () => {
    const boom = () => {
      throw new RangeError('Invalid string length');
    };
    expect(() => evalArith('x + 1', boom)).toThrow(RangeError);
  });
});
