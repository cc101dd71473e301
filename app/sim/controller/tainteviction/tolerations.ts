/**
 * Which tolerations a pod uses against a node's NoExecute taints, and for how long
 * (pkg/controller/tainteviction/taint_eviction.go getMinTolerationTime;
 * k8s.io/component-helpers v1helper.GetMatchingTolerations).
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { toleratesTaint } from '../../scheduler/taints.ts';

/**
 * GetMatchingTolerations: for every taint the first toleration that tolerates it; `all` false
 * (and no tolerations) as soon as one taint is not tolerated.
 */
export function matchingTolerations(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
): { all: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const tol = tolerations.find((t) => toleratesTaint(t, taint));
    if (!tol) return { all: false, used: [] };
    used.push(tol);
  }
  return { all: true, used };
}

/**
 * getMinTolerationTime in ms: 0 with no tolerations or any `tolerationSeconds ≤ 0`; the smallest
 * positive `tolerationSeconds`; −1 (forever) when none of them sets it.
 */
export function minTolerationMs(tolerations: readonly Toleration[]): number {
  if (tolerations.length === 0) return 0;
  let min = Infinity;
  for (const t of tolerations) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}
