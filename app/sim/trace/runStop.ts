/** The one wording of a run stopped before its end (engine diagnostic, CLI, the page's status line). */
import { formatSeconds } from './time.ts';
import type { RunStop } from './types.ts';

/**
 * Wall-clock budget of one run, in ms: the page stops its worker after it (useSimulation.ts) and the
 * CLI's `--max-wall` defaults to it, so no input hangs either.
 */
export const RUN_WALL_BUDGET_MS = 8000;

/** `simulation stopped at t=12.5s of 600s: more than 5000000 events (a runaway loop?)` */
export function stoppedMessage(reached: number, stop: RunStop): string {
  return `simulation stopped at t=${formatSeconds(reached)}s of ${formatSeconds(stop.requested)}s: ${stop.reason}`;
}
