/** `kubectl get pods -w` rows with a simulated-time column, aligned like kubectl's table writer. */
import { TABLE_TABWRITER, tabwrite, type TraceIndex } from '../../sim/trace/index.ts';
import { getWatchRows } from '../../sim/trace/index.ts';
import { formatDuration } from '../lib/time.ts';

export function formatWatch(idx: TraceIndex, upTo: number): string {
  const rows = getWatchRows(idx, upTo);
  const lines = ['T\tNAME\tREADY\tSTATUS\tRESTARTS\tAGE'];
  for (const r of rows)
    lines.push([formatDuration(r.t), r.pod, r.ready, r.status, r.restarts, r.age].join('\t'));
  return tabwrite(`${lines.join('\n')}\n`, TABLE_TABWRITER);
}
