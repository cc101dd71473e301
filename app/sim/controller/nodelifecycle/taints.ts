/**
 * The taints the node lifecycle controller owns (node_lifecycle_controller.go: the
 * UnreachableTaintTemplate / NotReadyTaintTemplate NoExecute taints, doNoScheduleTaintingPass's
 * taintKeyToNodeConditionMap and the unschedulable taint). Pure functions over taint lists.
 */
import type { Taint } from 'kubernetes-types/core/v1';
import type { ConditionStatus } from '../../trace/types.ts';

export const NOT_READY = 'node.kubernetes.io/not-ready';
export const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

const same = (a: Taint, key: string, effect: string) => a.key === key && a.effect === effect;

/** The NoSchedule taints the controller manages, from the Ready condition and spec.unschedulable. */
export function wantedNoScheduleTaints(ready: ConditionStatus, unschedulable: boolean): Taint[] {
  const out: Taint[] = [];
  if (ready === 'False') out.push({ key: NOT_READY, effect: 'NoSchedule' });
  if (ready === 'Unknown') out.push({ key: UNREACHABLE, effect: 'NoSchedule' });
  if (unschedulable) out.push({ key: UNSCHEDULABLE, effect: 'NoSchedule' });
  return out;
}

const MANAGED_NO_SCHEDULE = [NOT_READY, UNREACHABLE, UNSCHEDULABLE];

/**
 * doNoScheduleTaintingPass: the node's managed NoSchedule taints become exactly `wanted` (the
 * others are kept in their order, new ones appended). Returns `taints` itself when nothing changes.
 */
export function reconcileNoSchedule(taints: readonly Taint[], wanted: readonly Taint[]): Taint[] {
  const managed = (t: Taint) => t.effect === 'NoSchedule' && MANAGED_NO_SCHEDULE.includes(t.key);
  const kept = taints.filter((t) => !managed(t) || wanted.some((w) => same(t, w.key, w.effect)));
  const added = wanted.filter((w) => !taints.some((t) => same(t, w.key, w.effect)));
  if (kept.length === taints.length && added.length === 0) return taints as Taint[];
  return [...kept, ...added];
}

/**
 * SwapNodeControllerTaint: add `key`:NoExecute and remove the opposite one (upstream also stamps
 * timeAdded; Podlab does not show it). Returns `taints` itself when nothing changes.
 */
export function swapNoExecute(taints: readonly Taint[], key: string): Taint[] {
  const opposite = key === UNREACHABLE ? NOT_READY : UNREACHABLE;
  const has = taints.some((t) => same(t, key, 'NoExecute'));
  const hasOpposite = taints.some((t) => same(t, opposite, 'NoExecute'));
  if (has && !hasOpposite) return taints as Taint[];
  const kept = taints.filter((t) => !same(t, opposite, 'NoExecute'));
  return has ? kept : [...kept, { key, effect: 'NoExecute' }];
}

/** markNodeAsReachable: both NoExecute controller taints go. */
export function withoutNoExecute(taints: readonly Taint[]): Taint[] {
  const out = taints.filter(
    (t) => !same(t, UNREACHABLE, 'NoExecute') && !same(t, NOT_READY, 'NoExecute'),
  );
  return out.length === taints.length ? (taints as Taint[]) : out;
}
