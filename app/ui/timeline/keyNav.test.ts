import { describe, expect, it } from 'vitest';
import type { Layout, PlacedRow } from './layout.ts';
import { firstMark, moveMark, type MarkPos, type NavKey } from './keyNav.ts';

const row = (times: number[]): PlacedRow =>
  ({ times: Float64Array.from(times), row: {}, y: 0, h: 0, group: 0 }) as unknown as PlacedRow;
const layout: Layout = {
  rows: [row([]), row([2, 5, 8, 11]), row([]), row([4, 9]), row([1])],
  headers: [],
  height: 0,
};

describe('timeline keyboard navigation', () => {
  it('starts at the first row with marks, at or after the cursor', () => {
    expect(firstMark(layout)).toEqual({ row: 1, mark: 0 });
    expect(firstMark(layout, 6)).toEqual({ row: 1, mark: 2 });
    expect(firstMark(layout, 99)).toEqual({ row: 1, mark: 3 });
    expect(firstMark({ rows: [row([])], headers: [], height: 0 })).toBeUndefined();
  });

  it.each<[string, MarkPos, NavKey, MarkPos]>([
    ['right: next mark of the row', { row: 1, mark: 0 }, 'ArrowRight', { row: 1, mark: 1 }],
    ['right at the end stays', { row: 1, mark: 3 }, 'ArrowRight', { row: 1, mark: 3 }],
    ['left at the start stays', { row: 1, mark: 0 }, 'ArrowLeft', { row: 1, mark: 0 }],
    ['End: last mark', { row: 1, mark: 1 }, 'End', { row: 1, mark: 3 }],
    ['Home: first mark', { row: 1, mark: 2 }, 'Home', { row: 1, mark: 0 }],
    [
      'down skips the empty row, nearest in time (8 → 9)',
      { row: 1, mark: 2 },
      'ArrowDown',
      { row: 3, mark: 1 },
    ],
    [
      'down: ties go to the earlier mark (5 → 4)',
      { row: 1, mark: 1 },
      'ArrowDown',
      { row: 3, mark: 0 },
    ],
    ['up skips the empty row', { row: 3, mark: 0 }, 'ArrowUp', { row: 1, mark: 1 }],
    ['up from the first row with marks stays', { row: 1, mark: 1 }, 'ArrowUp', { row: 1, mark: 1 }],
    ['down to the last row', { row: 3, mark: 1 }, 'ArrowDown', { row: 4, mark: 0 }],
  ])('%s', (_, from, key, want) => {
    expect(moveMark(layout, from, key)).toEqual(want);
  });
});
