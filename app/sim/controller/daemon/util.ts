/**
 * A DaemonSet's pods and where they belong, after k/k pkg/controller/daemon:
 * daemon_controller.go NodeShouldRunDaemonPod / predicates / NewPod, util/daemonset_util.go
 * CreatePodTemplate, AddOrUpdateDaemonPodTolerations, ReplaceDaemonSetPodNodeNameNodeAffinity,
 * GetTargetNodeName and IsPodUpdated.
 */
import type { Affinity, Toleration } from 'kubernetes-types/core/v1';
import { cloneJson } from '../../../k8s/json.ts';
import {
  POD_TEMPLATE_GENERATION,
  TEMPLATE_GENERATION_ANNOTATION,
} from '../../../k8s/daemonSets.ts';
import { CONTROLLER_REVISION_HASH } from '../../../k8s/statefulSets.ts';
import { podMatchesNodeLabels } from '../../../k8s/nodeMatch.ts';
import type { DefaultedPod } from '../../../k8s/types.ts';
import { firstUntolerated } from '../../scheduler/taints.ts';
import { computeHash } from '../controller_utils.ts';
import type { CtlNode, CtlPod, DaemonSetObject } from '../types.ts';

/** util.AddOrUpdateDaemonPodTolerations: operator Exists, no tolerationSeconds, in this order. */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t = (key: string, effect: 'NoExecute' | 'NoSchedule'): Toleration => ({
    key: `node.kubernetes.io/${key}`,
    operator: 'Exists',
    effect,
  });
  return [
    t('not-ready', 'NoExecute'),
    t('unreachable', 'NoExecute'),
    t('disk-pressure', 'NoSchedule'),
    t('memory-pressure', 'NoSchedule'),
    t('pid-pressure', 'NoSchedule'),
    t('unschedulable', 'NoSchedule'),
    ...(hostNetwork ? [t('network-unavailable', 'NoSchedule')] : []),
  ];
}

/**
 * v1helper.AddOrUpdateTolerationInPodSpec for each: a toleration with the same key, operator,
 * value and effect (MatchToleration) is replaced in place, any other is appended.
 */
export function withTolerations(own: readonly Toleration[], add: readonly Toleration[]) {
  const out = [...own];
  for (const t of add) {
    const i = out.findIndex(
      (o) =>
        (o.key ?? '') === t.key &&
        (o.operator ?? 'Equal') === t.operator &&
        (o.value ?? '') === '' &&
        (o.effect ?? '') === t.effect,
    );
    if (i >= 0) out[i] = t;
    else out.push(t);
  }
  return out;
}

/** util.ReplaceDaemonSetPodNodeNameNodeAffinity: the required terms become one `matchFields` term. */
export function pinnedAffinity(affinity: Affinity | undefined, node: string): Affinity {
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] };
  const na = affinity?.nodeAffinity;
  const required = na?.requiredDuringSchedulingIgnoredDuringExecution;
  return {
    ...(affinity ?? {}),
    nodeAffinity: {
      ...(na ?? {}),
      requiredDuringSchedulingIgnoredDuringExecution: {
        ...(required ?? {}),
        nodeSelectorTerms: [term],
      },
    },
  };
}

/** The revision hash of the template (constructHistory: ControllerRevision `<ds>-<hash>`). */
export function daemonHash(ds: DaemonSetObject): string {
  return computeHash(ds.spec.template);
}

export const templateGeneration = (ds: DaemonSetObject) =>
  ds.annotations[TEMPLATE_GENERATION_ANNOTATION] ?? '';

/** util.IsPodUpdated: the revision hash or the template generation label matches. */
export function isPodUpdated(p: CtlPod, hash: string, generation: string): boolean {
  const gen = generation !== '' && p.labels[POD_TEMPLATE_GENERATION] === generation;
  return gen || (hash !== '' && p.labels[CONTROLLER_REVISION_HASH] === hash);
}

/** NewPod: the template's spec with the daemon tolerations, as the predicates see it. */
function podSpecFor(ds: DaemonSetObject) {
  const spec = ds.spec.template.spec;
  return {
    ...spec,
    tolerations: withTolerations(spec.tolerations ?? [], daemonTolerations(!!spec.hostNetwork)),
  };
}

/**
 * NodeShouldRunDaemonPod: `shouldRun` when the template's nodeName, nodeSelector and required
 * affinity fit and every NoSchedule/NoExecute taint is tolerated; `shouldContinueRunning` also
 * when only NoSchedule taints are not (a running daemon pod stays).
 */
export function nodeShouldRunDaemonPod(
  node: CtlNode,
  ds: DaemonSetObject,
): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const spec = podSpecFor(ds);
  if (spec.nodeName && spec.nodeName !== node.name)
    return { shouldRun: false, shouldContinueRunning: false };
  if (!podMatchesNodeLabels(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations = spec.tolerations;
  if (!firstUntolerated(node.taints, tolerations, ['NoSchedule', 'NoExecute']))
    return { shouldRun: true, shouldContinueRunning: true };
  const noExecute = firstUntolerated(node.taints, tolerations, ['NoExecute']);
  return { shouldRun: false, shouldContinueRunning: noExecute === undefined };
}

/** util.CreatePodTemplate + NewPod for one node: labels, tolerations, the node pin, the owner. */
export function newDaemonPod(
  ds: DaemonSetObject,
  node: string,
  name: string,
  hash: string,
): DefaultedPod {
  const t = ds.spec.template;
  const spec = cloneJson(podSpecFor(ds));
  spec.affinity = pinnedAffinity(spec.affinity, node);
  const generation = templateGeneration(ds);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(t.metadata.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      labels: {
        ...(t.metadata.labels ?? {}),
        ...(generation ? { [POD_TEMPLATE_GENERATION]: generation } : {}),
        [CONTROLLER_REVISION_HASH]: hash,
      },
      generateName: `${ds.name}-`,
      name,
      namespace: ds.namespace,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          name: ds.name,
          uid: ds.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec,
  } as DefaultedPod;
}

/** The node name an affinity pins to (GetTargetNodeName's matchFields branch). */
export function affinityNode(affinity: Affinity | undefined): string | undefined {
  const terms =
    affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  for (const term of terms ?? [])
    for (const f of term.matchFields ?? [])
      if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1)
        return f.values[0];
  return undefined;
}
