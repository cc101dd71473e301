import { errorCount, simStatusText } from './simStatusText.ts';
import type { SimulationState } from './worker/useSimulation.ts';

/** The run's status line; its data attributes are what tests and share links read. */
export function SimStatus({ sim, cursor }: { sim: SimulationState; cursor: number }) {
  const v = sim.valid;
  const latest = sim.latest;
  const errors = errorCount(latest);
  const text = simStatusText(sim);
  return (
    <div className="sim-status">
      <output
        data-testid="sim-status"
        // Empty while a partial result is shown: a hash always names a finished run.
        data-trace-hash={v && v.partialOf === undefined ? v.hash : ''}
        data-partial={v?.partialOf !== undefined ? 'true' : 'false'}
        data-cursor={String(cursor)}
        data-stale={sim.stale ? 'true' : 'false'}
        aria-live="polite"
      >
        {text}
      </output>
      {sim.stale ? (
        <span className="badge badge-stale" title="The YAML has errors: showing the last valid run">
          stale{errors ? ` · ${errors} error${errors > 1 ? 's' : ''}` : ''}
          {latest?.error ? ` · engine: ${latest.error}` : ''}
        </span>
      ) : null}
    </div>
  );
}
