/// <reference lib="webworker" />
/**
 * The simulation worker: one request in, one `SimOutput` out, or two for a long run (a partial
 * result first, see runStreamed). The engine loads lazily, as soon as the worker starts, so a
 * spare worker is warm by the time it is needed.
 */
import type { SimRequest } from './protocol.ts';
import { runStreamed, type SimEngine } from './runSimulation.ts';

const engine: Promise<SimEngine> = import('../../sim/index.ts').then((m) => ({
  parse: (text) => m.parseScenario(text),
  simulate: (parsed, until) => m.simulateParsed(parsed, until === undefined ? {} : { until }),
}));

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (ev: MessageEvent<SimRequest>) => {
  const { id, text } = ev.data;
  runStreamed(
    id,
    text,
    await engine,
    () => performance.now(),
    (out) => scope.postMessage(out),
  );
};
