/**
 * A StatefulSet's pods and their identity, after k/k pkg/controller/statefulset/stateful_set_utils.go:
 * getOrdinal / getPodName (`<set>-<ordinal>`), newStatefulSetPod (GetPodFromTemplate, then
 * initIdentity: hostname = pod name, subdomain = serviceName, the pod-name and pod-index labels;
 * updateStorage: one persistentVolumeClaim volume per claim template), getPodRevision /
 * setPodRevision (the controller-revision-hash label).
 */
import { cloneJson } from '../../../k8s/json.ts';
import {
  claimNames,
  CONTROLLER_REVISION_HASH,
  POD_INDEX_LABEL,
  STATEFUL_POD_NAME_LABEL,
} from '../../../k8s/statefulSets.ts';
import type { DefaultedPod } from '../../../k8s/types.ts';
import { computeHash } from '../controller_utils.ts';
import type { CtlPod, StatefulSetObject } from '../types.ts';

export const podName = (set: StatefulSetObject, ordinal: number) => `${set.name}-${ordinal}`;

/** getParentNameAndOrdinal: the ordinal after the last `-`, when the rest is the set's name; else -1. */
export function getOrdinal(set: StatefulSetObject, p: CtlPod): number {
  const m = /^(.*)-([0-9]+)$/.exec(p.name);
  if (!m || m[1] !== set.name) return -1;
  const n = Number(m[2]);
  return Number.isSafeInteger(n) ? n : -1;
}

/** getStartOrdinal … getEndOrdinal, inclusive. */
export function ordinalRange(set: StatefulSetObject): { start: number; end: number } {
  const start = set.spec.ordinals?.start ?? 0;
  return { start, end: start + set.spec.replicas - 1 };
}

/** The revision the template is at: `<set>-<hash>` (history.ControllerRevisionName). */
export function revisionName(set: StatefulSetObject): string {
  return `${set.name}-${computeHash(set.spec.template, set.status.collisionCount || undefined)}`;
}

export const podRevision = (p: CtlPod) => p.labels[CONTROLLER_REVISION_HASH] ?? '';

/** newVersionedStatefulSetPod for the update revision (Podlab keeps no older template to apply). */
export function newStatefulSetPod(
  set: StatefulSetObject,
  ordinal: number,
  revision: string,
): DefaultedPod {
  const t = set.spec.template;
  const name = podName(set, ordinal);
  const spec = cloneJson(t.spec);
  spec.hostname = name;
  if (set.spec.serviceName) spec.subdomain = set.spec.serviceName;
  const names = claimNames(set.spec);
  if (names.length) {
    const own = (spec.volumes ?? []).filter((v) => !names.includes(v.name));
    const claims = names.map((c) => ({
      name: c,
      persistentVolumeClaim: { claimName: `${c}-${name}` },
    }));
    spec.volumes = [...own, ...claims];
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(t.metadata.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      labels: {
        ...(t.metadata.labels ?? {}),
        [STATEFUL_POD_NAME_LABEL]: name,
        [POD_INDEX_LABEL]: String(ordinal),
        [CONTROLLER_REVISION_HASH]: revision,
      },
      generateName: `${set.name}-`,
      name,
      namespace: set.namespace,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          name: set.name,
          uid: set.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec,
  } as DefaultedPod;
}
