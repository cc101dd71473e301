/** `podsim run FILE [--until 10m] [--json]` */
import { formatWatchTable, toPodsimJson } from '../../sim/trace/index.ts';
import type { TraceIndex } from '../../sim/trace/index.ts';
import type { SimResult } from '../../sim/trace/types.ts';
import { formatTrafficSummary } from '../../sim/trace/trafficText.ts';

function formatT(t: number): string {
  return `${Math.round(t * 1000) / 1000}s`;
}

/**
 * `--json`: the podsim document; otherwise `kubectl get pods -w` rows with a right-aligned T, of
 * every namespace (with a NAMESPACE column when a pod is outside `default`), of one with `-n`, or
 * of all with the column always shown with `-A`.
 */
export function runCommand(
  result: SimResult,
  idx: TraceIndex,
  json: boolean,
  scope?: { namespace?: string; allNamespaces?: boolean },
): string {
  if (json) return `${JSON.stringify(toPodsimJson(result, idx), null, 2)}\n`;
  const rows = scope?.allNamespaces
    ? formatWatchTable(idx, { formatT, t: 'right', namespaceColumn: true })
    : formatWatchTable(idx, {
        formatT,
        t: 'right',
        ...(scope?.namespace !== undefined ? { namespace: scope.namespace } : {}),
      });
  // The requests of spec.traffic, after a blank line: what no kubectl command shows.
  const traffic = result.traffic ? formatTrafficSummary(result.traffic) : '';
  return traffic
    ? `${rows}
${traffic}`
    : rows;
}
