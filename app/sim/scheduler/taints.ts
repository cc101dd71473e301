/** Toleration matching (k8s.io/api/core/v1 Toleration.ToleratesTaint; v1helper.FindMatchingUntoleratedTaint). */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';

export function toleratesTaint(tol: Toleration, taint: Taint): boolean {
  if (tol.effect && tol.effect !== taint.effect) return false;
  if (tol.key && tol.key !== taint.key) return false;
  // An empty key with operator Exists matches every taint (validation requires Exists then).
  if (tol.operator === 'Exists') return true;
  if (tol.operator && tol.operator !== 'Equal') return false;
  return (tol.value ?? '') === (taint.value ?? '');
}

export function tolerated(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => toleratesTaint(t, taint));
}

/** The first taint (in the node's order) with one of `effects` that no toleration matches. */
export function firstUntolerated(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  effects: readonly string[],
): Taint | undefined {
  return taints.find((t) => effects.includes(t.effect) && !tolerated(tolerations, t));
}

export function formatTaint(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}
