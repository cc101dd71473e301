/**
 * Keyboard navigation over the timeline's marks (pure): ←/→ the previous / next mark of the
 * focused row (every probe attempt is a mark, so each failure is reachable), ↑/↓ the nearest
 * mark in time on the row above / below (rows without marks are skipped), Home/End the row's
 * first / last mark.
 */
import { lowerBound } from './search.ts';
import type { Layout } from './layout.ts';

export interface MarkPos {
  row: number;
  mark: number;
}

export type NavKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

export function isNavKey(key: string): key is NavKey {
  return ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key);
}

/** The first mark of the first row that has one, at or after time `t` when given. */
export function firstMark(layout: Layout, t = 0): MarkPos | undefined {
  for (let row = 0; row < layout.rows.length; row++) {
    const times = layout.rows[row]!.times;
    if (times.length === 0) continue;
    return { row, mark: Math.min(times.length - 1, lowerBound(times, t)) };
  }
  return undefined;
}

export function moveMark(layout: Layout, pos: MarkPos, key: NavKey): MarkPos {
  const times = layout.rows[pos.row]?.times;
  if (!times) return pos;
  switch (key) {
    case 'ArrowLeft':
      return { ...pos, mark: Math.max(0, pos.mark - 1) };
    case 'ArrowRight':
      return { ...pos, mark: Math.min(times.length - 1, pos.mark + 1) };
    case 'Home':
      return { ...pos, mark: 0 };
    case 'End':
      return { ...pos, mark: times.length - 1 };
    case 'ArrowUp':
    case 'ArrowDown': {
      const t = times[pos.mark] ?? 0;
      const step = key === 'ArrowUp' ? -1 : 1;
      for (let row = pos.row + step; row >= 0 && row < layout.rows.length; row += step) {
        const other = layout.rows[row]!.times;
        if (other.length === 0) continue;
        return { row, mark: nearest(other, t) };
      }
      return pos;
    }
  }
}

function nearest(times: Float64Array, t: number): number {
  const i = lowerBound(times, t);
  if (i >= times.length) return times.length - 1;
  if (i > 0 && t - times[i - 1]! <= times[i]! - t) return i - 1;
  return i;
}
