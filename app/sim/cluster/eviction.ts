/**
 * The Eviction API (pods/eviction, policy/v1), after pkg/registry/core/pod/storage/eviction.go
 * EvictionREST.Create (reference cluster.md N2.15):
 * - a pod that is Pending, Succeeded or Failed, or already being deleted, is deleted without
 *   looking at budgets (canIgnorePDB);
 * - more than one matching PodDisruptionBudget → 500 `This pod has more than one
 *   PodDisruptionBudget, which the eviction subresource does not support.`;
 * - none → delete;
 * - an unready pod whose budget is satisfied (currentHealthy ≥ desiredHealthy > 0) is deleted without
 *   touching the budget (the default IfHealthyBudget unhealthy-pod policy);
 * - `disruptionsAllowed` 0 → 429 `Cannot evict pod as it would violate the pod's disruption
 *   budget.` (cause: `The disruption budget NAME needs D healthy pods and has C currently`);
 * - otherwise the budget is decremented and the pod recorded in `disruptedPods`, then deleted.
 * Before the delete the pod gets DisruptionTarget True `EvictionByEvictionAPI` / `Eviction API:
 * evicting` (addConditionAndDeletePod).
 */
import { setCondition } from '../kubelet/status/statusManager.ts';
import type { PodWorker } from '../kubelet/types.ts';
import type { Cause } from '../trace/types.ts';

/** What the Eviction API needs of a PodDisruptionBudget (its status from the disruption controller). */
export interface BudgetView {
  readonly name: string;
  readonly currentHealthy: number;
  readonly desiredHealthy: number;
  readonly disruptionsAllowed: number;
  /** Decrement disruptionsAllowed and record the pod in disruptedPods (the status update). */
  disrupt(pod: string): void;
}

export type EvictionResult =
  { ok: true } | { ok: false; code: 429 | 500; message: string; cause?: string };

export const PDB_VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";
export const MULTIPLE_PDBS =
  'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.';

/** The decision alone (no side effects): which budget, if any, to charge. */
export function evictionDecision(
  pod: { phase: string; deleting: boolean; ready: boolean },
  budgets: readonly BudgetView[],
): EvictionResult & { charge?: BudgetView } {
  if (
    pod.deleting ||
    pod.phase === 'Pending' ||
    pod.phase === 'Succeeded' ||
    pod.phase === 'Failed'
  )
    return { ok: true };
  if (budgets.length > 1) return { ok: false, code: 500, message: MULTIPLE_PDBS };
  const pdb = budgets[0];
  if (!pdb) return { ok: true };
  // IfHealthyBudget: `!IsPodReady(pod) && CurrentHealthy >= DesiredHealthy && DesiredHealthy > 0`.
  if (!pod.ready && pdb.desiredHealthy > 0 && pdb.currentHealthy >= pdb.desiredHealthy)
    return { ok: true };
  if (pdb.disruptionsAllowed <= 0)
    return {
      ok: false,
      code: 429,
      message: PDB_VIOLATION,
      cause: `The disruption budget ${pdb.name} needs ${pdb.desiredHealthy} healthy pods and has ${pdb.currentHealthy} currently`,
    };
  return { ok: true, charge: pdb };
}

/** POST pods/NAME/eviction: the pod is deleted with its own grace, or the refusal comes back. */
export function evictPod(
  w: PodWorker,
  budgets: readonly BudgetView[],
  cause: Cause,
): EvictionResult {
  const decision = evictionDecision(
    {
      phase: w.phase,
      deleting: w.deletion !== undefined,
      ready: w.condition('Ready')?.status === 'True',
    },
    budgets,
  );
  if (!decision.ok) return decision;
  decision.charge?.disrupt(w.name);
  if (!w.deletion)
    setCondition(
      w,
      {
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'EvictionByEvictionAPI',
        message: 'Eviction API: evicting',
      },
      cause,
    );
  w.requestDelete({ cause });
  return { ok: true };
}
