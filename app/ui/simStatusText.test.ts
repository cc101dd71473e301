import { describe, expect, it } from 'vitest';
import type { SimResult } from '../sim/trace/types.ts';
import { simStatusText } from './simStatusText.ts';
import type { SimOutput } from './worker/protocol.ts';

const output = (result: SimResult | undefined, ms = 12): SimOutput => ({
  id: 1,
  ok: result !== undefined && !result.stopped,
  result,
  timeline: undefined,
  hash: '',
  diagnostics: [],
  locations: {},
  ms,
});
const full: SimResult = { until: 600, trace: [], diagnostics: [] };
const cut: SimResult = {
  until: 12.5,
  stopped: { requested: 600, reason: 'more than 5000000 events (a runaway loop?)' },
  trace: [],
  diagnostics: [],
};

describe('the status line', () => {
  it.each([
    ['no run yet', undefined, undefined, 'simulating…'],
    ['a complete run', output(full), output(full), 'simulated 10m in 12 ms'],
    [
      'the newest run stopped early: where it stopped, not the old run’s end',
      output(full),
      output(cut),
      'simulation stopped at t=12.5s of 600s: more than 5000000 events (a runaway loop?)',
    ],
  ])('%s', (_name, valid, latest, text) => {
    expect(simStatusText({ valid, latest })).toBe(text);
  });
});
