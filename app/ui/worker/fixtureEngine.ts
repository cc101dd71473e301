/** A stand-in engine for unit tests of the worker logic: a fixed liveness trace. */
import { livenessFixture } from '../fixture/fixtureTrace.ts';
import type { SimEngine } from './runSimulation.ts';

export const fixtureEngine: SimEngine = {
  parse(text) {
    const until = Number(/until:\s*(\d+)/.exec(text)?.[1] ?? 300);
    return {
      objects: [],
      namespaces: [],
      scenario: { name: text, until, profile: {}, actions: [], deferred: [] },
      diagnostics: [],
      locate: () => ({ line: 1, column: 1, endLine: 1, endColumn: 10 }),
    };
  },
  simulate(parsed, until) {
    const m = /periodSeconds:\s*(\d+)/.exec(parsed.scenario.name);
    const period = Math.max(1, Number(m?.[1] ?? 5));
    return livenessFixture(until ?? parsed.scenario.until, period);
  },
};
