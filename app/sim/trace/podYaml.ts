/**
 * `kubectl get pod NAME -o yaml` at time t: the defaulted object plus the status the kubelet has
 * written by then. Keys are sorted at every level and sequences are not indented, as kubectl's
 * JSON → YAML conversion (sigs.k8s.io/yaml) prints them; timestamps are RFC 3339 from the epoch.
 */
import { dict } from './dict.ts';
import { stringify } from 'yaml';
import type { ContainerState, ContainerStatus, TerminatedState } from './types.ts';
import { imageID } from './describeContainers.ts';
import { admitPod } from './admission.ts';
import { snapshotTrack, type PodSnapshot } from './podState.ts';
import { podQOSClass } from './qos.ts';
import { podAt, type TraceIndex } from './traceIndex.ts';
import { rfc3339 } from './time.ts';
import { splitObjectKey } from './objectKey.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function sortKeys(v: unknown): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const out: { [k: string]: Json } = dict();
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null)
    return v;
  return null;
}

function terminatedJson(
  term: TerminatedState,
  containerID: string | undefined,
): Record<string, unknown> {
  return {
    containerID,
    exitCode: term.exitCode,
    finishedAt: rfc3339(term.finishedAt),
    message: term.message,
    reason: term.reason,
    signal: term.signal,
    startedAt: rfc3339(term.startedAt),
  };
}

function stateJson(
  state: ContainerState,
  containerID: string | undefined,
): Record<string, unknown> {
  if ('running' in state) return { running: { startedAt: rfc3339(state.running.startedAt) } };
  if ('waiting' in state)
    return { waiting: { reason: state.waiting.reason, message: state.waiting.message } };
  return { terminated: terminatedJson(state.terminated, containerID) };
}

function statusJson(s: ContainerStatus): Record<string, unknown> {
  return {
    containerID: s.containerID,
    image: s.image,
    imageID: s.containerID ? imageID(s.image) : '',
    lastState: s.lastState ? { terminated: terminatedJson(s.lastState.terminated, undefined) } : {},
    name: s.name,
    ready: s.ready,
    restartCount: s.restartCount,
    started: s.started,
    state: stateJson(s.state, s.containerID),
  };
}

export function podObjectAt(snap: PodSnapshot): Record<string, unknown> {
  const meta = snap.pod.metadata ?? {};
  const spec = admitPod(snap.pod).spec;
  const list = (xs: ContainerStatus[]): unknown => (xs.length > 0 ? xs.map(statusJson) : undefined);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...meta,
      name: snap.name,
      namespace: snap.namespace,
      creationTimestamp: rfc3339(snap.createdAt),
      deletionTimestamp:
        snap.deletionTimestamp !== undefined ? rfc3339(snap.deletionTimestamp) : undefined,
      deletionGracePeriodSeconds: snap.deletionGracePeriodSeconds,
    },
    spec: {
      ...spec,
      nodeName: snap.nodeName,
    },
    status: {
      conditions: snap.conditions.length
        ? snap.conditions.map((c) => ({
            lastProbeTime: null,
            lastTransitionTime: rfc3339(c.lastTransitionTime),
            message: c.message,
            reason: c.reason,
            status: c.status,
            type: c.type,
          }))
        : undefined,
      containerStatuses: list(snap.containerStatuses),
      ephemeralContainerStatuses: list(snap.ephemeralContainerStatuses),
      hostIP: snap.hostIP,
      hostIPs: snap.hostIP ? [{ ip: snap.hostIP }] : undefined,
      initContainerStatuses: list(snap.initContainerStatuses),
      message: snap.message,
      phase: snap.phase,
      podIP: snap.podIP,
      podIPs: snap.podIP ? [{ ip: snap.podIP }] : undefined,
      qosClass: podQOSClass(snap.pod),
      reason: snap.reason,
      startTime: snap.startTime !== undefined ? rfc3339(snap.startTime) : undefined,
    },
  };
}

export function toKubectlYaml(obj: unknown): string {
  return stringify(sortKeys(obj), { version: '1.1', indentSeq: false, lineWidth: 0 });
}

/**
 * kubectl get pod NAME -o yaml at t, or kubectl's NotFound error text. The text holds absolute
 * times only, so it is cached per change point (scrubbing within a quiet stretch costs a lookup).
 * The pod is named by its key (`web`, `team-a/web`): same-named pods of two namespaces never
 * share a cache entry.
 */
export function podYaml(idx: TraceIndex, pod: string, t: number): string {
  const track = podAt(idx, pod, t);
  if (!track) return `Error from server (NotFound): pods "${splitObjectKey(pod).name}" not found\n`;
  // The last change point at or before t (binary search, no copy of the list per query).
  const points = track.changePoints;
  let lo = 0;
  let hi = points.length - 1;
  let point = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((points[mid]?.t ?? Infinity) <= t) {
      point = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const key = `podYaml:${pod}@${track.createdAt}#${point}`;
  const cached = idx.memo.get(key);
  if (typeof cached === 'string') return cached;
  const text = toKubectlYaml(podObjectAt(snapshotTrack(idx, track, t)));
  idx.memo.set(key, text);
  return text;
}
