/**
 * What the UI pays while scrubbing: index a 10-minute run once, then one query per second.
 * Run with `npx vitest bench --run app/sim/trace`.
 */
import { bench, describe } from 'vitest';
import { describePod } from './describe.ts';
import { livenessExecTrace } from './fixtures.ts';
import { getPodRows, getWatchRows } from './podRows.ts';
import { podYaml } from './podYaml.ts';
import { createTraceIndex } from './traceIndex.ts';

const result = livenessExecTrace(600);

describe('liveness-exec, 10 simulated minutes', () => {
  bench('createTraceIndex', () => {
    createTraceIndex(result);
  });

  bench('createTraceIndex + 600 getPodRows', () => {
    const idx = createTraceIndex(result);
    for (let t = 0; t < 600; t++) getPodRows(idx, t);
  });

  bench('createTraceIndex + 600 describePod', () => {
    const idx = createTraceIndex(result);
    for (let t = 0; t < 600; t++) describePod(idx, 'liveness-exec', t);
  });

  bench('createTraceIndex + getWatchRows + 600 podYaml', () => {
    const idx = createTraceIndex(result);
    getWatchRows(idx);
    for (let t = 0; t < 600; t++) podYaml(idx, 'liveness-exec', t);
  });
});
