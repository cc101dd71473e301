/** `podsim run FILE [--until 10m] [--json]` */
import { formatWatchTable, toPodsimJson } from '../../sim/trace/index.ts';
import type { TraceIndex } from '../../sim/trace/index.ts';
import type { SimResult } from '../../sim/trace/types.ts';

function formatT(t: number): string {
  return `${Math.round(t * 1000) / 1000}s`;
}

/** `--json`: the podsim document; otherwise `kubectl get pods -w` rows with a right-aligned T. */
export function runCommand(result: SimResult, idx: TraceIndex, json: boolean): string {
  if (json) return `${JSON.stringify(toPodsimJson(result, idx), null, 2)}\n`;
  return formatWatchTable(idx, { formatT, t: 'right' });
}
