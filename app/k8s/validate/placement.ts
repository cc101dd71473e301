/**
 * Playground warnings about where a pod can run (issue 10): a `spec.nodeName` that names no node of
 * the scenario (the API accepts it; no kubelet ever runs the pod) and a `nodeSelector` or required
 * node affinity no node matches (valid, the pod stays Pending with FailedScheduling).
 */
import type { PodSpec } from 'kubernetes-types/core/v1';
import { asRecord } from '../json.ts';
import { podMatchesNodeLabels } from '../nodeMatch.ts';
import type { DefaultedNode } from '../nodes.ts';
import type { CheckedObject } from './refs.ts';

export function checkPlacement(
  pods: readonly CheckedObject[],
  nodes: readonly DefaultedNode[],
): void {
  const names = nodes.map((n) => n.metadata.name);
  const list = names.join(', ');
  for (const pod of pods) {
    const spec = asRecord(pod.object.spec) as PodSpec | undefined;
    if (spec?.nodeName) {
      if (!names.includes(spec.nodeName))
        pod.issues.warn(
          ['spec', 'nodeName'],
          `node "${spec.nodeName}" is not in this scenario (its nodes: ${list}): no kubelet will run this pod, it stays Pending`,
          'unknown-node',
        );
      continue;
    }
    const matches = nodes.some((n) =>
      podMatchesNodeLabels(spec, { name: n.metadata.name, labels: n.metadata.labels }),
    );
    if (matches) continue;
    const selector = Object.entries(spec?.nodeSelector ?? {});
    const field = selector.length > 0 ? 'nodeSelector' : 'affinity';
    const what =
      selector.length > 0
        ? `nodeSelector ${selector.map(([k, v]) => `${k}=${v}`).join(',')}`
        : 'the required node affinity';
    pod.issues.warn(
      ['spec', field],
      `${what} matches no node in this scenario (${list}): the scheduler cannot place this pod, it stays Pending`,
      'selector-matches-no-node',
      'key',
    );
  }
}
