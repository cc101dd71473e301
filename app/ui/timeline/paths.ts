/** Merged SVG path data for the marks of a row inside the view: one path per mark kind. */
import { lowerBound, type MarkKind } from './model.ts';
import { probeLane, timeToX, type PlacedRow } from './layout.ts';
import type { View } from './view.ts';

export function markPaths(row: PlacedRow, v: View, width: number): { kind: MarkKind; d: string }[] {
  const byKind = new Map<MarkKind, string[]>();
  const from = lowerBound(row.times, v.t0);
  const to = lowerBound(row.times, v.t1 + 1e-9);
  // Last drawn x per kind and lane: ticks closer than 1 px to it draw as one.
  const lastX = new Map<string, number>();
  for (let i = from; i < to; i++) {
    const m = row.row.marks[i];
    if (!m) continue;
    const x = Math.round(timeToX(m.t, v, width) * 2) / 2;
    const key = `${m.kind}:${m.lane}`;
    if (x - (lastX.get(key) ?? -Infinity) < 1) continue;
    lastX.set(key, x);
    let d: string;
    if (row.row.kind === 'probes') {
      const lane = probeLane(m.lane);
      d = `M${x} ${lane.dy}v${lane.h}`;
    } else if (m.kind === 'sigterm' || m.kind === 'sigkill' || m.kind === 'delete') {
      d = `M${x - 4} 0h8l-4 6z`;
    } else if (m.kind === 'restart') {
      d = `M${x} ${row.h - 1}v${-row.h + 2}`;
    } else if (m.kind === 'exit') {
      d = `M${x - 3} ${row.h - 2}l3 -5l3 5z`;
    } else {
      d = `M${x} ${row.h / 2 - 3.5}l3.5 3.5l-3.5 3.5l-3.5 -3.5z`;
    }
    let list = byKind.get(m.kind);
    if (!list) byKind.set(m.kind, (list = []));
    list.push(d);
  }
  return [...byKind].map(([kind, parts]) => ({ kind, d: parts.join('') }));
}
