/**
 * `kubectl get pods [-o wide]` and `kubectl get pods -w` as projections of the trace.
 */
import { printPod, type PodRow } from './printPod.ts';
import { snapshotTrack } from './podState.ts';
import { podAt, type PodTrack, type TraceIndex } from './traceIndex.ts';
import { TABLE_TABWRITER, tabRows, tabwrite } from './tabwriter.ts';
import { noResources, objectKey, splitObjectKey } from './objectKey.ts';

export type { PodRow };

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Pod tracks in the API's list order: by namespace, then name (etcd's /registry/pods/NS/NAME). */
function tracksInListOrder(idx: TraceIndex): PodTrack[][] {
  return [...idx.pods.values()]
    .filter((list) => list.length > 0)
    .sort((a, b) => {
      const x = a[0] as PodTrack;
      const y = b[0] as PodTrack;
      return compare(x.namespace, y.namespace) || compare(x.name, y.name);
    });
}

/**
 * Every pod that exists at t in `namespace` (every namespace when it is not given), in the API's
 * list order.
 */
export function getPodRows(idx: TraceIndex, t: number, opts?: { namespace?: string }): PodRow[] {
  const rows: PodRow[] = [];
  for (const list of tracksInListOrder(idx)) {
    const first = list[0] as PodTrack;
    if (opts?.namespace !== undefined && first.namespace !== opts.namespace) continue;
    const track = podAt(idx, objectKey(first.namespace, first.name), t);
    if (track) rows.push(printPod(snapshotTrack(idx, track, t), t));
  }
  return rows;
}

const HEADER = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
const WIDE_HEADER = [...HEADER, 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'];

function rowCells(r: PodRow, wide: boolean | undefined, all: boolean | undefined): string[] {
  const cells = [r.name, r.ready, r.status, r.restarts, r.age];
  const shown = wide ? [...cells, r.ip, r.node, r.nominatedNode, r.readinessGates] : cells;
  return all ? [r.namespace, ...shown] : shown;
}

/**
 * kubectl's table: tabwriter(minwidth 6, padding 3). Empty → kubectl's message. `allNamespaces`
 * (`-A`) puts a NAMESPACE column first (kubectl's printer WithNamespace) and says "No resources
 * found" without a namespace when there is nothing.
 */
export function formatPodsTable(
  rows: PodRow[],
  opts?: { wide?: boolean; namespace?: string; allNamespaces?: boolean },
): string {
  if (rows.length === 0)
    return noResources(opts?.allNamespaces ? undefined : (opts?.namespace ?? 'default'));
  const header = opts?.wide ? WIDE_HEADER : HEADER;
  const all = opts?.allNamespaces;
  return tabwrite(
    tabRows([
      all ? ['NAMESPACE', ...header] : header,
      ...rows.map((r) => rowCells(r, opts?.wide, all)),
    ]),
    TABLE_TABWRITER,
  );
}

export interface WatchRow {
  t: number;
  pod: string;
  namespace: string;
  ready: string;
  status: string;
  /** Text as kubectl shows it at time t, e.g. `1 (0s ago)`. */
  restarts: string;
  restartCount: number;
  age: string;
}

function watchRowsOf(idx: TraceIndex, track: PodTrack): WatchRow[] {
  const rows: WatchRow[] = [];
  let last: WatchRow | undefined;
  for (const { t, seq } of track.changePoints) {
    if (track.deletedAt !== undefined && t >= track.deletedAt) break;
    const r = printPod(snapshotTrack(idx, track, t, seq), t);
    if (
      last &&
      last.ready === r.ready &&
      last.status === r.status &&
      last.restartCount === r.restartCount
    ) {
      continue;
    }
    last = {
      t,
      pod: r.name,
      namespace: r.namespace,
      ready: r.ready,
      status: r.status,
      restarts: r.restarts,
      restartCount: r.restartCount,
      age: r.age,
    };
    rows.push(last);
  }
  return rows;
}

/**
 * `kubectl get pods -w`: one row each time a pod's (READY, STATUS, RESTARTS) changes, all pods
 * merged in time order. Computed once per index and cached.
 */
export function getWatchRows(idx: TraceIndex, upTo?: number): WatchRow[] {
  let all = idx.memo.get('watchRows') as WatchRow[] | undefined;
  if (!all) {
    const perPod: WatchRow[][] = [];
    for (const list of tracksInListOrder(idx)) {
      for (const track of list) perPod.push(watchRowsOf(idx, track));
    }
    all = perPod.flat().sort((a, b) => a.t - b.t);
    idx.memo.set('watchRows', all);
  }
  return upTo === undefined ? all.slice() : all.filter((r) => r.t <= upTo);
}

/** Rows for one pod, named by its key (incarnations in order). */
export function getPodWatchRows(idx: TraceIndex, key: string): WatchRow[] {
  const { namespace, name } = splitObjectKey(key);
  return getWatchRows(idx).filter((r) => r.pod === name && r.namespace === namespace);
}
