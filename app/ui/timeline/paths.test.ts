import { describe, expect, it } from 'vitest';
import { largeFixture } from '../fixture/fixtureTrace.ts';
import { layoutTimeline } from './layout.ts';
import { buildTimeline } from './model.ts';
import { markPaths } from './paths.ts';

describe('markPaths', () => {
  const layout = layoutTimeline(buildTimeline(largeFixture(1, 10, 3600)));
  const probes = layout.rows.find((r) => r.row.kind === 'probes');
  if (!probes) throw new Error('no probes row');

  it('draws interleaved kinds and lanes at most once per pixel', () => {
    const paths = markPaths(probes, { t0: 0, t1: 3600 }, 600);
    const ticks = paths.reduce((n, p) => n + (p.d.match(/M/g)?.length ?? 0), 0);
    expect(probes.row.marks.length).toBeGreaterThan(700);
    expect(ticks).toBeLessThanOrEqual(600 * 3);
  });

  it('draws every tick when zoomed in', () => {
    const paths = markPaths(probes, { t0: 0, t1: 100 }, 1000);
    const ticks = paths.reduce((n, p) => n + (p.d.match(/M/g)?.length ?? 0), 0);
    expect(ticks).toBe(probes.row.marks.filter((m) => m.t <= 100).length);
  });
});
