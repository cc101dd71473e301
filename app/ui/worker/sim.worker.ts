/// <reference lib="webworker" />
/** The simulation worker: one request in, one `SimOutput` out. The engine loads lazily. */
import type { SimOutput, SimRequest } from './protocol.ts';
import { runSimulation, type SimulateText } from './runSimulation.ts';

// The engine module, when it exists (a glob tolerates its absence during development).
const engines = import.meta.glob<{ simulateText?: SimulateText }>('../../sim/index.ts');

let engine: Promise<{ fn: SimulateText; source: SimOutput['source'] }> | undefined;

function loadEngine() {
  engine ??= (async () => {
    const load = engines['../../sim/index.ts'];
    const mod = load ? await load() : undefined;
    if (mod?.simulateText) return { fn: mod.simulateText, source: 'engine' as const };
    const { fixtureSimulateText } = await import('./fixtureEngine.ts');
    return { fn: fixtureSimulateText, source: 'fixture' as const };
  })();
  return engine;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (ev: MessageEvent<SimRequest>) => {
  const { id, text } = ev.data;
  const { fn, source } = await loadEngine();
  const out = runSimulation(id, text, fn, source, () => performance.now());
  scope.postMessage(out);
};
