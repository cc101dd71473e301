/**
 * kubectl's views of StatefulSets at an instant: `get statefulsets` (k/k
 * pkg/printers/internalversion/printers.go printStatefulSet: NAME READY AGE) and `rollout status`
 * (kubectl pkg/polymorphichelpers/rollout_status.go StatefulSetStatusViewer.Status).
 */
import { TABLE_TABWRITER, tabRows, tabwrite } from './tabwriter.ts';
import { humanDuration } from './time.ts';
import type { SimResult, StatefulSetObject } from './types.ts';
import { workloadsAt } from './workloads.ts';

export function statefulSetsAt(result: SimResult, t: number, ns: string): StatefulSetObject[] {
  return workloadsAt(result, t)
    .filter((o): o is StatefulSetObject => o.kind === 'StatefulSet' && o.namespace === ns)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `kubectl get statefulsets`: NAME READY AGE (READY is readyReplicas/spec.replicas). */
export function formatStatefulSetsTable(
  list: readonly StatefulSetObject[],
  t: number,
  ns: string,
): string {
  if (list.length === 0) return `No resources found in ${ns} namespace.\n`;
  const rows = list.map((s) => [
    s.name,
    `${s.status.readyReplicas}/${s.spec.replicas}`,
    humanDuration(t - s.creationTimestamp),
  ]);
  return tabwrite(tabRows([['NAME', 'READY', 'AGE'], ...rows]), TABLE_TABWRITER);
}

/**
 * StatefulSetStatusViewer.Status: one line, and whether the watch is done (1: an error). The API
 * defaults rollingUpdate.partition to 0, so a default set ends with "partitioned roll out
 * complete", as kubectl prints it.
 */
export function statefulSetStatusLine(s: StatefulSetObject): { line: string; done?: 0 | 1 } {
  const st = s.status;
  const strategy = s.spec.updateStrategy;
  if (strategy.type !== 'RollingUpdate')
    return {
      line: 'error: rollout status is only available for RollingUpdate strategy type',
      done: 1,
    };
  if (st.observedGeneration === 0 || s.generation > st.observedGeneration)
    return { line: 'Waiting for statefulset spec update to be observed...' };
  if (st.readyReplicas < s.spec.replicas)
    return { line: `Waiting for ${s.spec.replicas - st.readyReplicas} pods to be ready...` };
  const partition = strategy.rollingUpdate?.partition;
  if (strategy.rollingUpdate) {
    if (partition !== undefined && st.updatedReplicas < s.spec.replicas - partition)
      return {
        line: `Waiting for partitioned roll out to finish: ${st.updatedReplicas} out of ${s.spec.replicas - partition} new pods have been updated...`,
      };
    return {
      line: `partitioned roll out complete: ${st.updatedReplicas} new pods have been updated...`,
      done: 0,
    };
  }
  if (st.updateRevision !== st.currentRevision)
    return {
      line: `waiting for statefulset rolling update to complete ${st.updatedReplicas} pods at revision ${st.updateRevision}...`,
    };
  return {
    line: `statefulset rolling update complete ${st.currentReplicas} pods at revision ${st.currentRevision}...`,
    done: 0,
  };
}
