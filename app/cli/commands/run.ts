/** `podsim run FILE [--until 10m] [--json]` */
import { getWatchRows, tabwrite, TABLE_TABWRITER, toPodsimJson } from '../../sim/trace/index.ts';
import type { TraceIndex } from '../../sim/trace/index.ts';
import type { SimResult } from '../../sim/trace/types.ts';

function formatT(t: number): string {
  return `${Math.round(t * 1000) / 1000}s`;
}

/** `kubectl get pods -w` rows with a leading, right-aligned time column `T`. */
export function formatWatch(idx: TraceIndex): string {
  const rows = getWatchRows(idx);
  const table = tabwrite(
    [
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ...rows.map((r) => [r.pod, r.ready, r.status, r.restarts, r.age]),
    ]
      .map((cells) => cells.join('\t') + '\n')
      .join(''),
    TABLE_TABWRITER,
  ).split('\n');
  const times = ['T', ...rows.map((r) => formatT(r.t))];
  const width = Math.max(6, ...times.map((x) => x.length));
  return times.map((time, i) => `${time.padStart(width)}  ${table[i] ?? ''}\n`).join('');
}

export function runCommand(result: SimResult, idx: TraceIndex, json: boolean): string {
  if (json) return `${JSON.stringify(toPodsimJson(result, idx), null, 2)}\n`;
  return formatWatch(idx);
}
