/**
 * `kubectl get pdb` (printers.go printPodDisruptionBudget): NAME, MIN AVAILABLE, MAX UNAVAILABLE
 * (`N/A` when unset), ALLOWED DISRUPTIONS (status.disruptionsAllowed), AGE; NAMESPACE first with
 * --all-namespaces.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { PodDisruptionBudget } from '../../k8s/types.ts';
import { DescribeWriter } from './describeText.ts';
import { getEvents, writeEvents } from './events.ts';
import type { TraceIndex } from './indexTypes.ts';
import { DESCRIBE_TABWRITER, TABLE_TABWRITER, tabRows, tabwrite } from './tabwriter.ts';
import { humanDuration } from './time.ts';

export interface PdbRow {
  namespace: string;
  name: string;
  minAvailable: string;
  maxUnavailable: string;
  allowed: number;
  age: string;
  object: PodDisruptionBudget;
  status: { currentHealthy: number; desiredHealthy: number; expectedPods: number };
}

/** The budgets that exist at t, in namespace/name order. */
export function getPdbRows(idx: TraceIndex, t: number, namespace?: string): PdbRow[] {
  const rows = new Map<string, PdbRow & { since: number }>();
  for (const r of idx.result.trace) {
    if (r.t > t) continue;
    if (r.type === 'object.applied' && r.source.kind === 'PodDisruptionBudget') {
      const spec = r.source.object.spec ?? {};
      const bound = (v: unknown) => (v === undefined ? 'N/A' : String(v));
      rows.set(`${r.source.namespace}/${r.source.name}`, {
        namespace: r.source.namespace,
        name: r.source.name,
        minAvailable: bound(spec.minAvailable),
        maxUnavailable: bound(spec.maxUnavailable),
        allowed: 0,
        age: '',
        since: r.t,
        object: r.source.object,
        status: { currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
      });
    } else if (r.type === 'object.deleted' && r.kind === 'PodDisruptionBudget') {
      rows.delete(`${r.namespace}/${r.name}`);
    } else if (r.type === 'pdb.status') {
      const row = rows.get(`${r.namespace}/${r.name}`);
      if (row) {
        row.allowed = r.disruptionsAllowed;
        row.status = {
          currentHealthy: r.currentHealthy,
          desiredHealthy: r.desiredHealthy,
          expectedPods: r.expectedPods,
        };
      }
    }
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { since, ...row }]) => ({ ...row, age: humanDuration(t - since) }))
    .filter((r) => namespace === undefined || r.namespace === namespace);
}

export function formatPdbTable(rows: PdbRow[], namespace: string, all: boolean): string {
  if (rows.length === 0)
    return all ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`;
  const header = ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'];
  const cells = (r: PdbRow) => [r.name, r.minAvailable, r.maxUnavailable, String(r.allowed), r.age];
  return tabwrite(
    tabRows([
      all ? ['NAMESPACE', ...header] : header,
      ...rows.map((r) => (all ? [r.namespace, ...cells(r)] : cells(r))),
    ]),
    TABLE_TABWRITER,
  );
}

/** metav1.FormatLabelSelector: requirements sorted by key; `<none>` when empty. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  if (!sel) return '<none>';
  const reqs: [string, string][] = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => [
    k,
    `${k}=${v}`,
  ]);
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text =
      e.operator === 'In'
        ? `${e.key} in (${values})`
        : e.operator === 'NotIn'
          ? `${e.key} notin (${values})`
          : e.operator === 'Exists'
            ? e.key
            : `!${e.key}`;
    reqs.push([e.key, text]);
  }
  reqs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return reqs.length === 0 ? '<none>' : reqs.map(([, t]) => t).join(',');
}

/** `kubectl describe pdb NAME` (describe.go describePodDisruptionBudget). */
export function describePdbAt(
  idx: TraceIndex,
  name: string,
  namespace: string,
  t: number,
): string | undefined {
  const row = getPdbRows(idx, t, namespace).find((r) => r.name === name);
  if (!row) return undefined;
  const spec = row.object.spec ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${row.name}\n`);
  w.write(0, `Namespace:\t${row.namespace}\n`);
  if (spec.minAvailable !== undefined) w.write(0, `Min available:\t${spec.minAvailable}\n`);
  else if (spec.maxUnavailable !== undefined)
    w.write(0, `Max unavailable:\t${spec.maxUnavailable}\n`);
  w.write(0, `Selector:\t${spec.selector ? formatLabelSelector(spec.selector) : '<unset>'}\n`);
  w.write(0, 'Status:\n');
  w.write(2, `Allowed disruptions:\t${row.allowed}\n`);
  w.write(2, `Current:\t${row.status.currentHealthy}\n`);
  w.write(2, `Desired:\t${row.status.desiredHealthy}\n`);
  w.write(2, `Total:\t${row.status.expectedPods}\n`);
  const events = getEvents(idx, t, `poddisruptionbudget/${name}`);
  writeEvents(w, events, t);
  return tabwrite(w.toString(), DESCRIBE_TABWRITER);
}
