/** The text of the run's status line (SimStatus.tsx), kept free of React so it is testable. */
import { stoppedMessage } from '../sim/trace/runStop.ts';
import { formatDuration } from './lib/time.ts';
import type { SimulationState } from './worker/useSimulation.ts';

export function simStatusText(sim: Pick<SimulationState, 'valid' | 'latest'>): string {
  const stopped = sim.latest?.result?.stopped;
  // A run cut short says where it stopped, even though the timeline keeps the last complete run.
  if (sim.latest?.result && stopped) return stoppedMessage(sim.latest.result.until, stopped);
  const v = sim.valid;
  if (v?.result)
    return `simulated ${formatDuration(v.result.until)} in ${Math.max(1, Math.round(v.ms))} ms`;
  return 'simulating…';
}
