/**
 * One scheduling cycle for one pod over a snapshot (schedule_one.go: schedulePod,
 * findNodesThatPassFilters, prioritizeNodes, selectHost): every node filtered (below 100 nodes no
 * sampling, S1.4), one feasible node taken without scoring, else the best score.
 */
import { runFilters } from './filters.ts';
import { fitErrorMessage } from './message.ts';
import { scoreNodes, selectHost } from './score.ts';
import type { NodeInfo, Rejection, SchedPod } from './types.ts';

export type ScheduleResult =
  { node: string } | { message: string; rejections: Map<string, Rejection> };

export function schedulePod(pod: SchedPod, snapshot: readonly NodeInfo[]): ScheduleResult {
  const feasible: NodeInfo[] = [];
  const rejections = new Map<string, Rejection>();
  for (const info of snapshot) {
    const r = runFilters(pod, info);
    if (r) rejections.set(info.node.name, r);
    else feasible.push(info);
  }
  if (feasible.length === 1 && feasible[0]) return { node: feasible[0].node.name };
  const best = selectHost(scoreNodes(pod, feasible));
  if (best) return { node: best };
  return { message: fitErrorMessage(snapshot.length, [...rejections.values()]), rejections };
}
