/// <reference lib="webworker" />
/** The simulation worker: one request in, one `SimOutput` out. The engine loads lazily. */
import type { SimOutput, SimRequest } from './protocol.ts';
import { runSimulation } from './runSimulation.ts';

const engine = import('../../sim/index.ts');

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (ev: MessageEvent<SimRequest>) => {
  const { id, text } = ev.data;
  const { simulateText } = await engine;
  const out: SimOutput = runSimulation(id, text, simulateText, () => performance.now());
  scope.postMessage(out);
};
