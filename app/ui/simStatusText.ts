/** The text of the run's status line (SimStatus.tsx), kept free of React so it is testable. */
import { stoppedMessage } from '../sim/trace/runStop.ts';
import { formatDuration } from './lib/time.ts';
import type { SimOutput } from './worker/protocol.ts';
import type { SimulationState } from './worker/useSimulation.ts';

export function errorCount(out: SimOutput | undefined): number {
  return out?.diagnostics.filter((d) => d.severity === 'error').length ?? 0;
}

/**
 * Why the newest run produced nothing to show, or undefined while it is fine or not finished:
 * `not simulated · 2 errors`, `not simulated · engine: …`.
 */
export function notSimulatedText(latest: SimOutput | undefined): string | undefined {
  if (!latest || latest.ok || latest.result?.stopped) return undefined;
  const n = errorCount(latest);
  const parts = ['not simulated'];
  if (n > 0) parts.push(`${n} error${n > 1 ? 's' : ''}`);
  if (latest.error) parts.push(latest.error);
  return parts.join(' · ');
}

/** What an empty timeline or panel says while there is no run to show. */
export function placeholderText(latest: SimOutput | undefined): string {
  const why = notSimulatedText(latest);
  return why ? `${why.charAt(0).toUpperCase()}${why.slice(1)} (see Problems)` : 'Simulating…';
}

export function simStatusText(sim: Pick<SimulationState, 'valid' | 'latest'>): string {
  const stopped = sim.latest?.result?.stopped;
  // A run cut short says where it stopped, even though the timeline keeps the last complete run.
  if (sim.latest?.result && stopped) return stoppedMessage(sim.latest.result.until, stopped);
  const v = sim.valid;
  if (v?.result && v.partialOf !== undefined)
    return `simulated ${formatDuration(v.result.until)} of ${formatDuration(v.partialOf)} in ${Math.max(1, Math.round(v.ms))} ms · simulating the rest…`;
  if (v?.result)
    return `simulated ${formatDuration(v.result.until)} in ${Math.max(1, Math.round(v.ms))} ms`;
  return notSimulatedText(sim.latest) ?? 'simulating…';
}
