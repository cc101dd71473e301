import { describe, expect, it } from 'vitest';
import { clampView, followView, panView, tickStep, ticks, zoomView } from './view.ts';

describe('view arithmetic', () => {
  it('clamps into the run', () => {
    expect(clampView({ t0: -10, t1: 50 }, 300)).toEqual({ t0: 0, t1: 60 });
    expect(clampView({ t0: 280, t1: 340 }, 300)).toEqual({ t0: 240, t1: 300 });
    expect(clampView({ t0: 0, t1: 900 }, 300)).toEqual({ t0: 0, t1: 300 });
  });
  it('zooms around the anchor', () => {
    expect(zoomView({ t0: 0, t1: 100 }, 0.5, 50, 300)).toEqual({ t0: 25, t1: 75 });
    expect(zoomView({ t0: 0, t1: 100 }, 0.001, 50, 300).t1 - 49).toBeGreaterThanOrEqual(2);
  });
  it('pans and follows', () => {
    expect(panView({ t0: 0, t1: 100 }, 30, 300)).toEqual({ t0: 30, t1: 130 });
    expect(followView({ t0: 0, t1: 100 }, 150, 300)).toEqual({ t0: 140, t1: 240 });
    expect(followView({ t0: 0, t1: 100 }, 50, 300)).toEqual({ t0: 0, t1: 100 });
  });
  it('picks round ticks', () => {
    expect(tickStep({ t0: 0, t1: 600 }, 1000)).toBe(60);
    expect(ticks({ t0: 0, t1: 300 }, 500)).toEqual([0, 60, 120, 180, 240, 300]);
  });
});
