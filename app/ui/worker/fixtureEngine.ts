/** A stand-in engine for unit tests of the worker logic: a fixed liveness trace. */
import type { ParsedScenario } from '../../k8s/types.ts';
import { livenessFixture } from '../fixture/fixtureTrace.ts';
import type { SimulateText } from './runSimulation.ts';

export const fixtureSimulateText: SimulateText = (text) => {
  const m = /periodSeconds:\s*(\d+)/.exec(text);
  const period = Math.max(1, Number(m?.[1] ?? 5));
  const until = 300;
  const parsed: ParsedScenario = {
    objects: [],
    namespaces: [],
    scenario: { name: 'fixture', until, profile: {}, actions: [], deferred: [] },
    diagnostics: [],
    locate: () => ({ line: 1, column: 1, endLine: 1, endColumn: 10 }),
  };
  return { parsed, result: livenessFixture(until, period) };
};
