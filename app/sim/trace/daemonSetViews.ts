/**
 * kubectl's views of DaemonSets at an instant: `get daemonsets` (k/k
 * pkg/printers/internalversion/printers.go printDaemonSet) and `rollout status` (kubectl
 * pkg/polymorphichelpers/rollout_status.go DaemonSetStatusViewer.Status).
 */
import { TABLE_TABWRITER, tabRows, tabwrite } from './tabwriter.ts';
import { humanDuration } from './time.ts';
import type { DaemonSetObject, SimResult } from './types.ts';
import { workloadsAt } from './workloads.ts';

export function daemonSetsAt(result: SimResult, t: number, ns: string): DaemonSetObject[] {
  return workloadsAt(result, t)
    .filter((o): o is DaemonSetObject => o.kind === 'DaemonSet' && o.namespace === ns)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** labels.FormatLabels: `k=v` pairs sorted by key, joined by commas; `<none>` when empty. */
function formatLabels(m: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${m?.[k] ?? ''}`).join(',') : '<none>';
}

/** `kubectl get daemonsets`: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE. */
export function formatDaemonSetsTable(
  list: readonly DaemonSetObject[],
  t: number,
  ns: string,
): string {
  if (list.length === 0) return `No resources found in ${ns} namespace.\n`;
  const rows = list.map((d) => [
    d.name,
    String(d.status.desiredNumberScheduled),
    String(d.status.currentNumberScheduled),
    String(d.status.numberReady),
    String(d.status.updatedNumberScheduled),
    String(d.status.numberAvailable),
    formatLabels(d.spec.template.spec.nodeSelector),
    humanDuration(t - d.creationTimestamp),
  ]);
  const head = [
    'NAME',
    'DESIRED',
    'CURRENT',
    'READY',
    'UP-TO-DATE',
    'AVAILABLE',
    'NODE SELECTOR',
    'AGE',
  ];
  return tabwrite(tabRows([head, ...rows]), TABLE_TABWRITER);
}

/** DaemonSetStatusViewer.Status: one line, and whether the watch is done (1: an error). */
export function daemonSetStatusLine(d: DaemonSetObject): { line: string; done?: 0 | 1 } {
  if (d.spec.updateStrategy.type !== 'RollingUpdate')
    return {
      line: 'error: rollout status is only available for RollingUpdate strategy type',
      done: 1,
    };
  const s = d.status;
  if (d.generation > s.observedGeneration)
    return { line: 'Waiting for daemon set spec update to be observed...' };
  if (s.updatedNumberScheduled < s.desiredNumberScheduled)
    return {
      line: `Waiting for daemon set "${d.name}" rollout to finish: ${s.updatedNumberScheduled} out of ${s.desiredNumberScheduled} new pods have been updated...`,
    };
  if (s.numberAvailable < s.desiredNumberScheduled)
    return {
      line: `Waiting for daemon set "${d.name}" rollout to finish: ${s.numberAvailable} of ${s.desiredNumberScheduled} updated pods are available...`,
    };
  return { line: `daemon set "${d.name}" successfully rolled out`, done: 0 };
}
