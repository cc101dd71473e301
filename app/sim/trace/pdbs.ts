/**
 * `kubectl get pdb` (printers.go printPodDisruptionBudget): NAME, MIN AVAILABLE, MAX UNAVAILABLE
 * (`N/A` when unset), ALLOWED DISRUPTIONS (status.disruptionsAllowed), AGE; NAMESPACE first with
 * --all-namespaces.
 */
import type { TraceIndex } from './indexTypes.ts';
import { TABLE_TABWRITER, tabRows, tabwrite } from './tabwriter.ts';
import { humanDuration } from './time.ts';

export interface PdbRow {
  namespace: string;
  name: string;
  minAvailable: string;
  maxUnavailable: string;
  allowed: number;
  age: string;
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
      });
    } else if (r.type === 'object.deleted' && r.kind === 'PodDisruptionBudget') {
      rows.delete(`${r.namespace}/${r.name}`);
    } else if (r.type === 'pdb.status') {
      const row = rows.get(`${r.namespace}/${r.name}`);
      if (row) row.allowed = r.disruptionsAllowed;
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
