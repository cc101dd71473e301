/**
 * The Pod object (spec + status) as the API holds it at time t, rebuilt from the change lists.
 */
import type { Container, Pod } from '../../k8s/types.ts';
import type { ContainerStatus } from './types.ts';
import { valueAt } from './series.ts';
import { podAt, type ConditionValue, type PodTrack, type TraceIndex } from './traceIndex.ts';

export interface PodSnapshot {
  track: PodTrack;
  name: string;
  namespace: string;
  pod: Pod;
  createdAt: number;
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  reason?: string;
  message?: string;
  /** In the order the kubelet writes them (pod-level R5.1). */
  conditions: ConditionValue[];
  podIP?: string;
  hostIP?: string;
  startTime?: number;
  nodeName?: string;
  deletionTimestamp?: number;
  deletionGracePeriodSeconds?: number;
  /** Spec order (kubelet SortInitContainerStatuses). */
  initContainerStatuses: ContainerStatus[];
  /** Sorted by name, as the kubelet writes them (kubetypes.SortedContainerStatuses). */
  containerStatuses: ContainerStatus[];
  ephemeralContainerStatuses: ContainerStatus[];
}

/** Conditions the kubelet writes, in its order (generateAPIPodStatus); others keep their place first. */
const KUBELET_CONDITIONS = [
  'PodReadyToStartContainers',
  'Initialized',
  'Ready',
  'ContainersReady',
  'PodScheduled',
];

export function isSidecar(c: Container): boolean {
  return c.restartPolicy === 'Always';
}

function orderConditions(track: PodTrack, t: number, seq: number): ConditionValue[] {
  const present: ConditionValue[] = [];
  for (const type of track.conditionOrder) {
    if (KUBELET_CONDITIONS.includes(type)) continue;
    const s = track.conditions.get(type);
    const v = s ? valueAt(s, t, seq) : undefined;
    if (v) present.push(v);
  }
  for (const type of KUBELET_CONDITIONS) {
    const s = track.conditions.get(type);
    const v = s ? valueAt(s, t, seq) : undefined;
    if (v) present.push(v);
  }
  return present;
}

/** The pod at t; with `seq`, as of that trace position among the records at exactly t. */
export function snapshotTrack(
  _idx: TraceIndex,
  track: PodTrack,
  t: number,
  seq = Infinity,
): PodSnapshot {
  const pod = valueAt(track.spec, t, seq) ?? valueAt(track.spec, track.createdAt) ?? {};
  const phase = valueAt(track.phase, t, seq);
  const ip = valueAt(track.ip, t, seq);
  const deleting = valueAt(track.deleting, t, seq);
  const statusOf = (name: string): ContainerStatus | undefined => {
    const c = track.containers.get(name);
    return c ? valueAt(c.status, t, seq) : undefined;
  };
  const initContainerStatuses: ContainerStatus[] = [];
  for (const c of pod.spec?.initContainers ?? []) {
    const s = statusOf(c.name);
    if (s) initContainerStatuses.push(s);
  }
  const containerStatuses: ContainerStatus[] = [];
  for (const c of pod.spec?.containers ?? []) {
    const s = statusOf(c.name);
    if (s) containerStatuses.push(s);
  }
  containerStatuses.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const ephemeralContainerStatuses: ContainerStatus[] = [];
  for (const c of pod.spec?.ephemeralContainers ?? []) {
    const s = statusOf(c.name);
    if (s) ephemeralContainerStatuses.push(s);
  }
  return {
    track,
    name: track.name,
    namespace: track.namespace,
    pod,
    createdAt: track.createdAt,
    phase: phase?.phase ?? 'Pending',
    reason: phase?.reason,
    message: phase?.message,
    conditions: orderConditions(track, t, seq),
    podIP: ip?.ip,
    hostIP: ip?.hostIP,
    startTime: ip?.startTime,
    nodeName: pod.spec?.nodeName ?? valueAt(track.node, t, seq),
    deletionTimestamp: deleting?.deletionTimestamp,
    deletionGracePeriodSeconds: deleting?.gracePeriodSeconds,
    initContainerStatuses,
    containerStatuses,
    ephemeralContainerStatuses,
  };
}

/** The pod as `kubectl get pod NAME` would see it at t, or undefined if it does not exist then. */
export function podSnapshot(idx: TraceIndex, name: string, t: number): PodSnapshot | undefined {
  const track = podAt(idx, name, t);
  return track ? snapshotTrack(idx, track, t) : undefined;
}

export function conditionOf(snap: PodSnapshot, type: string): ConditionValue | undefined {
  return snap.conditions.find((c) => c.type === type);
}
