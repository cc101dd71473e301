import { describe, expect, it } from 'vitest';
import { livenessFixture } from '../fixture/fixtureTrace.ts';
import { buildTimeline } from './model.ts';
import { GROUP_H, ROW_H, hitTest, layoutTimeline, probeLane, timeToX, xToTime } from './layout.ts';

describe('timeline layout', () => {
  const model = buildTimeline(livenessFixture(120));
  const layout = layoutTimeline(model);
  const view = { t0: 0, t1: 120 };

  it('stacks groups and rows', () => {
    expect(layout.headers.map((h) => h.y)).toEqual([0, expect.any(Number)]);
    expect(layout.rows[0]?.y).toBe(GROUP_H);
    expect(layout.rows[1]?.y).toBe(GROUP_H + ROW_H);
  });

  it('maps time to x and back', () => {
    expect(timeToX(60, view, 1200)).toBe(600);
    expect(xToTime(600, view, 1200)).toBe(60);
  });

  it('finds a probe tick under the pointer, else the segment', () => {
    const probes = layout.rows.find((r) => r.row.kind === 'probes');
    if (!probes) throw new Error('no probes row');
    const lane = probeLane(0);
    const hit = hitTest(layout, view, 1200, 71, probes.y + lane.dy + 2);
    expect(hit).toMatchObject({ kind: 'mark', mark: { t: 7, kind: 'probe-ok' } });
    const phase = hitTest(layout, view, 1200, 500, GROUP_H + 3);
    expect(phase).toMatchObject({ kind: 'segment', segment: { label: 'Running' } });
    expect(hitTest(layout, view, 1200, 10, 1)).toBeUndefined();
  });
});
