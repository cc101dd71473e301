/**
 * The partial result of a long run is exactly the start of the full run, record for record, with
 * the real engine: the worker may show it as the first part of the same run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, simulateParsed } from '../../sim/index.ts';
import { DEPLOYMENT_100 } from '../../sim/testing/deployment100.ts';
import type { SimOutput } from './protocol.ts';
import { PARTIAL_S, runCollected, type SimEngine } from './runSimulation.ts';

const engine: SimEngine = {
  parse: (text) => parseScenario(text),
  simulate: (parsed, until) => simulateParsed(parsed, until === undefined ? {} : { until }),
};
const example = (name: string) =>
  readFileSync(new URL(`../../scenario/examples/${name}`, import.meta.url), 'utf8');

function expectPrefix(partial: SimOutput, full: SimOutput): void {
  const fr = full.result;
  const pr = partial.result;
  if (!fr || !pr) throw new Error('no result');
  expect(partial.partialOf).toBe(fr.until);
  expect(pr.until).toBe(PARTIAL_S);
  const prefix = fr.trace.filter((r) => r.t <= PARTIAL_S);
  expect(pr.trace.length).toBe(prefix.length);
  expect(fr.trace.slice(0, prefix.length)).toEqual(prefix);
  for (let i = 0; i < prefix.length; i++) expect(pr.trace[i]).toEqual(prefix[i]);
  expect(pr.diagnostics).toEqual(fr.diagnostics);
  if (fr.traffic || pr.traffic) {
    const ft = fr.traffic ?? [];
    const pt = pr.traffic ?? [];
    expect(pt).toEqual(ft.slice(0, pt.length));
    expect(pt.length).toBeGreaterThan(0);
  }
}

describe('a long run streamed: the partial result is the full run’s prefix', () => {
  it.each([
    ['DEPLOYMENT_100 (1 h, 100 replicas, traffic)', DEPLOYMENT_100],
    ['example 03-liveness-exec-pod', example('03-liveness-exec-pod.yaml')],
    ['example 19-crashloop-ladder', example('19-crashloop-ladder.yaml')],
  ])(
    '%s',
    (_name, text) => {
      const outs = runCollected(7, text, engine, () => 0);
      expect(outs.map((o) => [o.id, o.ok])).toEqual([
        [7, true],
        [7, true],
      ]);
      const [partial, full] = outs;
      if (!partial || !full) throw new Error('two outputs expected');
      expectPrefix(partial, full);
    },
    60_000,
  );

  it('a short run posts exactly one result', () => {
    const outs = runCollected(1, example('01-init-containers.yaml'), engine, () => 0);
    expect(outs).toHaveLength(1);
    expect(outs[0]?.partialOf).toBeUndefined();
    expect(outs[0]?.ok).toBe(true);
  });
});
