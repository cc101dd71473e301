/**
 * One pass over a SimResult that sorts every record into per-object change lists, so that each
 * projection at time t is a handful of binary searches (DESIGN.md §2.5: views are projections).
 */
import type { Pod, Service } from '../../k8s/types.ts';
import type { SimResult, TraceRecord } from './types.ts';
import { createSeries, pushChange } from './series.ts';
import { buildEventIndex } from './eventCorrelator.ts';
import type { PodTrack, ServiceTrack, TraceIndex } from './indexTypes.ts';

export type {
  ChangePoint,
  ConditionValue,
  ContainerTrack,
  LogLine,
  PhaseValue,
  PodTrack,
  ServiceTrack,
  TraceIndex,
} from './indexTypes.ts';

const SCHEDULED = /^Successfully assigned \S+\/\S+ to (\S+)$/;

function newPodTrack(
  name: string,
  namespace: string,
  doc: number,
  t: number,
  pod: Pod,
  seq: number,
): PodTrack {
  const spec = createSeries<Pod>();
  pushChange(spec, t, pod, seq);
  return {
    name,
    namespace,
    doc,
    createdAt: t,
    spec,
    phase: createSeries(),
    conditions: new Map(),
    conditionOrder: [],
    ip: createSeries(),
    deleting: createSeries(),
    node: createSeries(),
    containers: new Map(),
    logs: new Map(),
    changePoints: [{ t, seq, writer: 'api' }],
  };
}

function currentPod(idx: TraceIndex, name: string): PodTrack | undefined {
  const list = idx.pods.get(name);
  const last = list?.[list.length - 1];
  return last && last.deletedAt === undefined ? last : undefined;
}

function currentService(idx: TraceIndex, name: string): ServiceTrack | undefined {
  const list = idx.services.get(name);
  const last = list?.[list.length - 1];
  return last && last.deletedAt === undefined ? last : undefined;
}

function markChange(pod: PodTrack, t: number, seq: number, writer: 'api' | 'kubelet'): void {
  const last = pod.changePoints[pod.changePoints.length - 1];
  if (last && last.t === t && last.writer === writer) last.seq = seq;
  else pod.changePoints.push({ t, seq, writer });
}

function applyObject(
  idx: TraceIndex,
  r: Extract<TraceRecord, { type: 'object.applied' }>,
  seq: number,
): void {
  const src = r.source;
  if (src.kind === 'Pod') {
    const existing = currentPod(idx, src.name);
    if (existing) {
      pushChange(existing.spec, r.t, src.object, seq);
      markChange(existing, r.t, seq, 'api');
      return;
    }
    const list = idx.pods.get(src.name) ?? [];
    list.push(newPodTrack(src.name, src.namespace, src.doc, r.t, src.object, seq));
    idx.pods.set(src.name, list);
  } else if (src.kind === 'Service') {
    const existing = currentService(idx, src.name);
    if (existing) {
      pushChange(existing.spec, r.t, src.object, seq);
      return;
    }
    const spec = createSeries<Service>();
    pushChange(spec, r.t, src.object, seq);
    const list = idx.services.get(src.name) ?? [];
    list.push({
      name: src.name,
      namespace: src.namespace,
      createdAt: r.t,
      spec,
      endpoints: createSeries(),
    });
    idx.services.set(src.name, list);
  }
}

function addRecord(idx: TraceIndex, r: TraceRecord, seq: number): void {
  switch (r.type) {
    case 'object.applied':
      applyObject(idx, r, seq);
      return;
    case 'object.deleted': {
      if (r.kind === 'Service') {
        const svc = currentService(idx, r.name);
        if (svc) svc.deletedAt = r.t;
      } else if (r.kind === 'Pod') {
        const pod = currentPod(idx, r.name);
        if (pod) pod.deletedAt = r.t;
      }
      return;
    }
    case 'event': {
      const m = r.reason === 'Scheduled' ? SCHEDULED.exec(r.message) : null;
      const pod = r.object.startsWith('pod/') ? currentPod(idx, r.object.slice(4)) : undefined;
      if (m?.[1] && pod) {
        pushChange(pod.node, r.t, m[1], seq);
        markChange(pod, r.t, seq, 'api');
      }
      return;
    }
    case 'endpoints': {
      const svc = currentService(idx, r.service);
      if (svc) pushChange(svc.endpoints, r.t, r.endpoints, seq);
      return;
    }
    default:
      break;
  }
  if (!('pod' in r)) return;
  const pod = currentPod(idx, r.pod);
  if (!pod) return;
  switch (r.type) {
    case 'pod.phase':
      pushChange(pod.phase, r.t, { phase: r.phase, reason: r.reason, message: r.message }, seq);
      markChange(pod, r.t, seq, 'kubelet');
      return;
    case 'pod.condition': {
      let s = pod.conditions.get(r.condition);
      if (!s) {
        s = createSeries();
        pod.conditions.set(r.condition, s);
        pod.conditionOrder.push(r.condition);
      }
      pushChange(
        s,
        r.t,
        {
          type: r.condition,
          status: r.status,
          reason: r.reason,
          message: r.message,
          lastTransitionTime: r.lastTransitionTime,
        },
        seq,
      );
      markChange(pod, r.t, seq, 'kubelet');
      return;
    }
    case 'pod.ip':
      pushChange(pod.ip, r.t, { ip: r.ip, hostIP: r.hostIP, startTime: r.startTime }, seq);
      markChange(pod, r.t, seq, 'kubelet');
      return;
    case 'pod.deleting':
      pushChange(
        pod.deleting,
        r.t,
        { deletionTimestamp: r.deletionTimestamp, gracePeriodSeconds: r.gracePeriodSeconds },
        seq,
      );
      markChange(pod, r.t, seq, 'api');
      return;
    case 'pod.deleted':
      pod.deletedAt = r.t;
      return;
    case 'container.status': {
      let c = pod.containers.get(r.container);
      if (!c) {
        c = { name: r.container, kind: r.kind, status: createSeries() };
        pod.containers.set(r.container, c);
      }
      pushChange(c.status, r.t, r.status, seq);
      markChange(pod, r.t, seq, 'kubelet');
      return;
    }
    case 'log': {
      const lines = pod.logs.get(r.container) ?? [];
      lines.push({ t: r.t, instance: r.instance, stream: r.stream, line: r.line });
      pod.logs.set(r.container, lines);
      return;
    }
    default:
      return;
  }
}

export function createTraceIndex(result: SimResult): TraceIndex {
  const idx: TraceIndex = {
    result,
    pods: new Map(),
    services: new Map(),
    events: buildEventIndex([], (o) => o),
    memo: new Map(),
  };
  // Stable sort by time: status and runtime records are stamped by different clocks.
  const records = result.trace
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.t - b.r.t || a.i - b.i)
    .map((x) => x.r);
  records.forEach((r, seq) => addRecord(idx, r, seq));
  for (const list of idx.pods.values()) {
    for (const pod of list) {
      for (const lines of pod.logs.values()) lines.sort((a, b) => a.t - b.t);
    }
  }
  // Events belong to one incarnation (the API keys them by the pod's UID).
  idx.events = buildEventIndex(records, (object, t) => {
    const track = object.startsWith('pod/') ? podAt(idx, object.slice(4), t) : undefined;
    return track ? `${object}@${track.createdAt}` : object;
  });
  return idx;
}

/** The incarnation of pod `name` that exists at time t, if any. */
export function podAt(idx: TraceIndex, name: string, t: number): PodTrack | undefined {
  const list = idx.pods.get(name);
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const p = list[i];
    if (p && p.createdAt <= t) return p.deletedAt === undefined || t < p.deletedAt ? p : undefined;
  }
  return undefined;
}

export function serviceAt(idx: TraceIndex, name: string, t: number): ServiceTrack | undefined {
  const list = idx.services.get(name);
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const s = list[i];
    if (s && s.createdAt <= t) return s.deletedAt === undefined || t < s.deletedAt ? s : undefined;
  }
  return undefined;
}

/** Every pod name that appears in the trace, sorted like `kubectl get pods` (by name). */
export function podNames(idx: TraceIndex): string[] {
  return [...idx.pods.keys()].sort();
}
