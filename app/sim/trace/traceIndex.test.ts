import { describe, expect, it } from 'vitest';
import { describePod } from './describe.ts';
import { getEvents } from './events.ts';
import { livenessExecTrace } from './fixtures.ts';
import { TraceBuilder } from './traceBuilder.ts';
import { getPodRows, getWatchRows } from './podRows.ts';
import { podYaml } from './podYaml.ts';
import { createTraceIndex, startTraceIndex, type TraceIndex } from './traceIndex.ts';
import type { SimResult } from './types.ts';

function views(idx: TraceIndex, t: number, pod = 'liveness-exec'): unknown {
  return {
    rows: getPodRows(idx, t),
    describe: describePod(idx, pod, t),
    yaml: podYaml(idx, pod, t),
    events: getEvents(idx, t),
    watch: getWatchRows(idx, t),
  };
}

describe('startTraceIndex (the index built in slices)', () => {
  const result = livenessExecTrace(900);

  it('gives the same projections as createTraceIndex, whatever the slicing', () => {
    // Enough records and events (aggregated, deduplicated, spam-filtered) to need many slices.
    const b = new TraceBuilder().pod('p', { containers: [{ name: 'c', image: 'busybox' }] });
    for (let i = 0; i < 3000; i++) {
      b.event(i, 'p', 'Warning', 'Unhealthy', `Readiness probe failed: ${i % 12}`);
      if (i % 7 === 0) b.log(i, 'p', 'c', 0, `line ${i}`);
    }
    const big = b.build();
    const whole = createTraceIndex(big);
    let calls = 0;
    const build = startTraceIndex(big, { prepareEvents: true });
    let sliced: TraceIndex | undefined;
    // Yield at every check: the smallest slices the builder makes.
    while (!(sliced = build.step(() => true))) calls++;
    expect(calls).toBeGreaterThan(10);
    for (const t of [0, 12, 37.5, 700, 1801, 2999])
      expect(views(sliced, t, 'p')).toEqual(views(whole, t, 'p'));
    const small = startTraceIndex(result).step(() => true);
    expect(small && views(small, 300)).toEqual(views(createTraceIndex(result), 300));
  });

  it('sorts a trace whose records are out of time order (stable for equal times)', () => {
    const shuffled: SimResult = { ...result, trace: [...result.trace].reverse() };
    const sorted = [...shuffled.trace]
      .map((r, i) => ({ r, i }))
      .sort((a, b) => a.r.t - b.r.t || a.i - b.i)
      .map((x) => x.r);
    const a = createTraceIndex(shuffled);
    const b = createTraceIndex({ ...result, trace: sorted });
    for (const t of [0, 40, 300]) expect(views(a, t)).toEqual(views(b, t));
  });
});
