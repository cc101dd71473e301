/**
 * PodDisruptionBudget status, after pkg/controller/disruption/disruption.go (getExpectedPodCount,
 * countHealthyPods, updatePdbStatus), reference cluster.md N2.16:
 * - maxUnavailable, or a percentage minAvailable, scale against the pods' controllers
 *   (getExpectedScale); a pod without a controller makes the sync fail and the controller's
 *   failSafe writes disruptionsAllowed 0 — Podlab's bare pods can only be budgeted with an
 *   integer minAvailable (expected = the matching pods). With controllers Podlab counts the
 *   matching pods as the expected scale.
 * - currentHealthy: matching pods that are Ready, not being deleted, not in disruptedPods;
 * - disruptionsAllowed = currentHealthy − desiredHealthy, 0 when negative or nothing is expected.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export interface BudgetSpec {
  minAvailable?: number | string;
  maxUnavailable?: number | string;
  selector?: LabelSelector;
}

export interface BudgetPod {
  name: string;
  labels: Readonly<Record<string, string>>;
  ready: boolean;
  deleting: boolean;
  controlled: boolean;
}

export interface BudgetStatus {
  expectedPods: number;
  currentHealthy: number;
  desiredHealthy: number;
  disruptionsAllowed: number;
  /** The sync failed (a pod without a controller where a scale is needed): failSafe. */
  syncFailed?: true;
}

/** intstr.GetScaledValueFromIntOrPercent(v, total, roundUp = true). */
export function scaled(v: number | string, total: number): number {
  if (typeof v === 'number') return v;
  return Math.ceil((parseInt(v, 10) * total) / 100);
}

/** LabelSelectorAsSelector(...).Matches: nil matches nothing, {} everything. */
export function selectorMatches(
  sel: LabelSelector | undefined,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (!sel) return false;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = e.key in labels;
    const val = labels[e.key];
    const inValues = has && (e.values ?? []).includes(val ?? '');
    if (e.operator === 'In' && !inValues) return false;
    if (e.operator === 'NotIn' && inValues) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** An empty selector selects nothing for the Eviction API ("it should match nothing"). */
export function selectorEmpty(sel: LabelSelector | undefined): boolean {
  return (
    !sel ||
    (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0)
  );
}

export function budgetStatus(
  spec: BudgetSpec,
  pods: readonly BudgetPod[],
  disrupted: ReadonlySet<string>,
): BudgetStatus {
  const needsScale = spec.maxUnavailable !== undefined || typeof spec.minAvailable === 'string';
  const currentHealthy = pods.filter(
    (p) => p.ready && !p.deleting && !disrupted.has(p.name),
  ).length;
  if (needsScale && pods.some((p) => !p.controlled))
    return {
      expectedPods: 0,
      currentHealthy,
      desiredHealthy: 0,
      disruptionsAllowed: 0,
      syncFailed: true,
    };
  const expectedPods =
    spec.maxUnavailable !== undefined || spec.minAvailable !== undefined ? pods.length : 0;
  let desiredHealthy = 0;
  if (spec.maxUnavailable !== undefined)
    desiredHealthy = Math.max(0, expectedPods - scaled(spec.maxUnavailable, expectedPods));
  else if (spec.minAvailable !== undefined)
    desiredHealthy = scaled(spec.minAvailable, expectedPods);
  const allowed = currentHealthy - desiredHealthy;
  return {
    expectedPods,
    currentHealthy,
    desiredHealthy,
    disruptionsAllowed: expectedPods <= 0 || allowed <= 0 ? 0 : allowed,
  };
}
