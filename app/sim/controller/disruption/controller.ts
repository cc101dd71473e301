/**
 * The disruption controller's state per PodDisruptionBudget (disruption.go trySync): status
 * recomputed whenever a pod's status, a pod's deletion or a budget changes, recorded as
 * `pdb.status` when it changes; and the Eviction API's view of the budgets (eviction.go
 * getPodDisruptionBudgets: same namespace, a non-empty selector matching the pod's labels).
 */
import type { Recorder } from '../../clock/recorder.ts';
import type { BudgetView } from '../../cluster/eviction.ts';
import {
  budgetStatus,
  selectorEmpty,
  selectorMatches,
  type BudgetPod,
  type BudgetSpec,
  type BudgetStatus,
} from './budget.ts';

export interface DisruptionHost {
  readonly recorder: Recorder;
  /** The namespace's pods as the API holds them. */
  pods(namespace: string): BudgetPod[];
}

interface Entry {
  name: string;
  namespace: string;
  spec: BudgetSpec;
  /** status.disruptedPods: evicted, not yet seen deleting. */
  disrupted: Set<string>;
  status?: BudgetStatus;
}

const same = (a: BudgetStatus | undefined, b: BudgetStatus) =>
  !!a &&
  a.expectedPods === b.expectedPods &&
  a.currentHealthy === b.currentHealthy &&
  a.desiredHealthy === b.desiredHealthy &&
  a.disruptionsAllowed === b.disruptionsAllowed;

export class DisruptionController {
  private readonly budgets = new Map<string, Entry>();

  constructor(private readonly h: DisruptionHost) {}

  get size(): number {
    return this.budgets.size;
  }

  add(name: string, namespace: string, spec: BudgetSpec): void {
    this.budgets.set(`${namespace}/${name}`, { name, namespace, spec, disrupted: new Set() });
    this.sync();
  }

  remove(name: string, namespace: string): boolean {
    return this.budgets.delete(`${namespace}/${name}`);
  }

  sync(): void {
    for (const e of this.budgets.values()) {
      const pods = this.h
        .pods(e.namespace)
        .filter((p) => selectorMatches(e.spec.selector, p.labels));
      // buildDisruptedPodMap: a pod being deleted (or gone) leaves disruptedPods.
      for (const name of e.disrupted)
        if (!pods.some((p) => p.name === name && !p.deleting)) e.disrupted.delete(name);
      this.write(e, budgetStatus(e.spec, pods, e.disrupted));
    }
  }

  private write(e: Entry, status: BudgetStatus): void {
    if (same(e.status, status)) return;
    e.status = status;
    this.h.recorder.add({
      type: 'pdb.status',
      name: e.name,
      namespace: e.namespace,
      expectedPods: status.expectedPods,
      currentHealthy: status.currentHealthy,
      desiredHealthy: status.desiredHealthy,
      disruptionsAllowed: status.disruptionsAllowed,
    });
  }

  budgetsFor(namespace: string, labels: Readonly<Record<string, string>>): BudgetView[] {
    const out: BudgetView[] = [];
    for (const e of this.budgets.values()) {
      if (e.namespace !== namespace || selectorEmpty(e.spec.selector)) continue;
      if (!selectorMatches(e.spec.selector, labels)) continue;
      const s = e.status ?? budgetStatus(e.spec, [], e.disrupted);
      out.push({
        name: e.name,
        currentHealthy: s.currentHealthy,
        desiredHealthy: s.desiredHealthy,
        disruptionsAllowed: s.disruptionsAllowed,
        // checkAndDecrement: the status update the eviction makes before the delete.
        disrupt: (pod) => {
          e.disrupted.add(pod);
          this.write(e, { ...s, disruptionsAllowed: s.disruptionsAllowed - 1 });
        },
      });
    }
    return out;
  }
}
