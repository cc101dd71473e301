/** Vertical layout of the timeline rows and hit-testing of the pointer (pure). */
import { lowerBound, type Mark, type Row, type Segment, type TimelineModel } from './model.ts';
import type { View } from './view.ts';

export const GROUP_H = 24;
export const ROW_H = 20;
/** Height of a probe row with n lanes. */
export function probeRowHeight(n: number): number {
  return Math.max(14, 4 + 6 * n);
}
export const GROUP_GAP = 6;

export interface PlacedRow {
  row: Row;
  y: number;
  h: number;
  group: number;
  /** Mark times of the row, for binary search. */
  times: Float64Array;
}

export interface Layout {
  rows: PlacedRow[];
  headers: { title: string; kind: 'pod' | 'service'; y: number; group: number }[];
  height: number;
}

export function layoutTimeline(model: TimelineModel): Layout {
  const rows: PlacedRow[] = [];
  const headers: Layout['headers'] = [];
  let y = 0;
  model.groups.forEach((g, gi) => {
    headers.push({ title: g.title, kind: g.kind, y, group: gi });
    y += GROUP_H;
    for (const row of g.rows) {
      const h = row.kind === 'probes' ? probeRowHeight(row.lanes?.length ?? 3) : ROW_H;
      rows.push({ row, y, h, group: gi, times: Float64Array.from(row.marks, (m) => m.t) });
      y += h;
    }
    y += GROUP_GAP;
  });
  return { rows, headers, height: y };
}

export function timeToX(t: number, v: View, width: number): number {
  return ((t - v.t0) / (v.t1 - v.t0)) * width;
}

export function xToTime(x: number, v: View, width: number): number {
  return v.t0 + (x / Math.max(1, width)) * (v.t1 - v.t0);
}

/** Lane geometry of a probe row: y offset and height of lane i (0 startup, 1 readiness, 2 liveness). */
export function probeLane(lane: number): { dy: number; h: number } {
  return { dy: 2 + lane * 6, h: 5 };
}

export type Hit =
  | { kind: 'mark'; row: PlacedRow; mark: Mark }
  | { kind: 'segment'; row: PlacedRow; segment: Segment }
  | { kind: 'row'; row: PlacedRow };

/** What is under (x, y): the nearest mark within `radius` px, else the segment at that time. */
export function hitTest(
  layout: Layout,
  v: View,
  width: number,
  x: number,
  y: number,
  radius = 5,
): Hit | undefined {
  const i = lowerBound(
    layout.rows.map((r) => r.y + r.h),
    y + 1e-9,
  );
  const row = layout.rows[i];
  if (!row || y < row.y) return undefined;
  const t = xToTime(x, v, width);
  const dt = (radius / Math.max(1, width)) * (v.t1 - v.t0);
  let best: Mark | undefined;
  let bestD = Infinity;
  const from = lowerBound(row.times, t - dt);
  for (let k = from; k < row.times.length && (row.times[k] ?? Infinity) <= t + dt; k++) {
    const m = row.row.marks[k];
    if (!m) continue;
    if (row.row.kind === 'probes') {
      const lane = probeLane(m.lane);
      const ly = y - row.y;
      if (ly < lane.dy - 1 || ly > lane.dy + lane.h + 1) continue;
    }
    const d = Math.abs(m.t - t);
    if (d < bestD) {
      bestD = d;
      best = m;
    }
  }
  if (best) return { kind: 'mark', row, mark: best };
  const over = row.row.overlays?.find((s) => s.start <= t && t < s.end);
  if (over && y - row.y >= row.h - 8) return { kind: 'segment', row, segment: over };
  const seg = row.row.segments.find((s) => s.start <= t && t < s.end);
  return seg ? { kind: 'segment', row, segment: seg } : { kind: 'row', row };
}
