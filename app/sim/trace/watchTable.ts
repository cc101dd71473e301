/**
 * `kubectl get pods -w` rows with a leading simulated-time column `T`, for the page's -w view and
 * `podsim run`. The rows and the table writer are kubectl's (printPod, tabwriter); only T differs.
 */
import { getWatchRows } from './podRows.ts';
import { TABLE_TABWRITER, tabwrite } from './tabwriter.ts';
import type { TraceIndex } from './traceIndex.ts';
import { DEFAULT_NAMESPACE } from './objectKey.ts';

export interface WatchTableOptions {
  /** History up to this time; the whole run when absent. */
  upTo?: number;
  /** How T reads a record time (`77s`, `1m17s` …). */
  formatT: (t: number) => string;
  /**
   * `column`: T is the first column of the table (the page). `right`: T is right-aligned in a field
   * of at least 6 characters before the table, as a timestamping filter would print it (the CLI).
   */
  t: 'column' | 'right';
  /** Only this namespace's pods (`-n`); every namespace when absent. */
  namespace?: string;
  /**
   * A NAMESPACE column first (`-A`). When absent, shown exactly when a row is outside `default`,
   * so a run with pods in several namespaces never prints two indistinguishable `web` rows.
   */
  namespaceColumn?: boolean;
}

const HEADER = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];

/**
 * kubectl get -w (get.go watch): the initial list (header and first row here) is one flush, then
 * every watch event is printed and flushed on its own through a writer that remembers column
 * widths — a later, wider row widens the rows after it, never the ones already printed.
 */
function table(rows: string[][]): string {
  const remembered: number[] = [];
  const flush = (group: string[][]) =>
    tabwrite(group.map((cells) => `${cells.join('\t')}\n`).join(''), TABLE_TABWRITER, remembered);
  let out = flush(rows.slice(0, 2));
  for (const row of rows.slice(2)) out += flush([row]);
  return out;
}

export function formatWatchTable(idx: TraceIndex, opts: WatchTableOptions): string {
  const ns = opts.namespace;
  const rows = getWatchRows(idx, opts.upTo).filter((r) => ns === undefined || r.namespace === ns);
  const column =
    opts.namespaceColumn ??
    (ns === undefined && rows.some((r) => r.namespace !== DEFAULT_NAMESPACE));
  const cells = rows.map((r) => {
    const c = [r.pod, r.ready, r.status, r.restarts, r.age];
    return column ? [r.namespace, ...c] : c;
  });
  const header = column ? ['NAMESPACE', ...HEADER] : HEADER;
  const times = ['T', ...rows.map((r) => opts.formatT(r.t))];
  if (opts.t === 'column') {
    return table([header, ...cells].map((c, i) => [times[i] ?? '', ...c]));
  }
  const lines = table([header, ...cells]).split('\n');
  const width = Math.max(6, ...times.map((x) => x.length));
  return times.map((time, i) => `${time.padStart(width)}  ${lines[i] ?? ''}\n`).join('');
}
