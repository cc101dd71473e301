/**
 * `kubectl get pods [-o wide]` and `kubectl get pods -w` as projections of the trace.
 */
import { printPod, type PodRow } from './printPod.ts';
import { snapshotTrack } from './podState.ts';
import { podAt, type PodTrack, type TraceIndex } from './traceIndex.ts';
import { TABLE_TABWRITER, tabRows, tabwrite } from './tabwriter.ts';

export type { PodRow };

/** Every pod that exists at t, sorted by name like the API lists them. */
export function getPodRows(idx: TraceIndex, t: number, _opts?: { wide?: boolean }): PodRow[] {
  const rows: PodRow[] = [];
  for (const name of [...idx.pods.keys()].sort()) {
    const track = podAt(idx, name, t);
    if (track) rows.push(printPod(snapshotTrack(idx, track, t), t));
  }
  return rows;
}

const HEADER = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
const WIDE_HEADER = [...HEADER, 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'];

function rowCells(r: PodRow, wide: boolean | undefined): string[] {
  const cells = [r.name, r.ready, r.status, r.restarts, r.age];
  return wide ? [...cells, r.ip, r.node, r.nominatedNode, r.readinessGates] : cells;
}

/** kubectl's table: tabwriter(minwidth 6, padding 3). Empty → kubectl's message. */
export function formatPodsTable(
  rows: PodRow[],
  opts?: { wide?: boolean; namespace?: string },
): string {
  if (rows.length === 0)
    return `No resources found in ${opts?.namespace ?? 'default'} namespace.\n`;
  const header = opts?.wide ? WIDE_HEADER : HEADER;
  return tabwrite(tabRows([header, ...rows.map((r) => rowCells(r, opts?.wide))]), TABLE_TABWRITER);
}

export interface WatchRow {
  t: number;
  pod: string;
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
    for (const name of [...idx.pods.keys()].sort()) {
      for (const track of idx.pods.get(name) ?? []) perPod.push(watchRowsOf(idx, track));
    }
    all = perPod.flat().sort((a, b) => a.t - b.t);
    idx.memo.set('watchRows', all);
  }
  return upTo === undefined ? all.slice() : all.filter((r) => r.t <= upTo);
}

/** Rows for one pod (incarnations in order). */
export function getPodWatchRows(idx: TraceIndex, pod: string): WatchRow[] {
  return getWatchRows(idx).filter((r) => r.pod === pod);
}
