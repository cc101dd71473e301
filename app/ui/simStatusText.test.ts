import { describe, expect, it } from 'vitest';
import type { SimResult } from '../sim/trace/types.ts';
import { placeholderText, simStatusText } from './simStatusText.ts';
import type { SimOutput } from './worker/protocol.ts';

const output = (result: SimResult | undefined, ms = 12, errors = 0, error?: string): SimOutput => ({
  id: 1,
  ok: result !== undefined && !result.stopped && errors === 0 && error === undefined,
  result,
  timeline: undefined,
  hash: '',
  diagnostics: Array.from({ length: errors }, (_, i) => ({
    severity: 'error' as const,
    message: `bad ${i}`,
    line: i + 1,
    column: 1,
    endLine: i + 1,
    endColumn: 2,
  })),
  locations: {},
  ms,
  ...(error !== undefined ? { error } : {}),
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
    [
      'the first run ended with errors: not “simulating…”',
      undefined,
      output(undefined, 3, 2),
      'not simulated · 2 errors',
    ],
    ['one error', undefined, output(undefined, 3, 1), 'not simulated · 1 error'],
    [
      'the engine threw',
      undefined,
      output(undefined, 3, 0, 'engine: boom'),
      'not simulated · engine: boom',
    ],
    [
      'errors after a valid run: the timeline keeps the valid run (the stale badge counts errors)',
      output(full),
      output(undefined, 3, 2),
      'simulated 10m in 12 ms',
    ],
    [
      'the partial result of a long run',
      { ...output({ until: 300, trace: [], diagnostics: [] }), partialOf: 3600 },
      { ...output({ until: 300, trace: [], diagnostics: [] }), partialOf: 3600 },
      'simulated 5m of 1h in 12 ms · simulating the rest…',
    ],
  ])('%s', (_name, valid, latest, text) => {
    expect(simStatusText({ valid, latest })).toBe(text);
  });
});

describe('the placeholder of an empty timeline or panel', () => {
  it.each([
    ['no run yet', undefined, 'Simulating…'],
    ['a run with errors', output(undefined, 3, 2), 'Not simulated · 2 errors (see Problems)'],
    ['a complete run (not shown while the trace is indexed)', output(full), 'Simulating…'],
  ])('%s', (_name, latest, text) => {
    expect(placeholderText(latest)).toBe(text);
  });
});
