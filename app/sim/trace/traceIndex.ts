/**
 * One pass over a SimResult that sorts every record into per-object change lists, so that each
 * projection at time t is a handful of binary searches (DESIGN.md §2.5: views are projections).
 */
import type { Pod, Service } from '../../k8s/types.ts';
import type { SimResult, TraceRecord } from './types.ts';
import { createSeries, pushChange } from './series.ts';
import { expandTrace } from './expand.ts';
import { createEventIndex, type RawEvent } from './eventCorrelator.ts';
import { DEFAULT_NAMESPACE, eventKey, objectKey } from './objectKey.ts';
import type { ConditionValue, PodTrack, ServiceTrack, TraceIndex } from './indexTypes.ts';
import type { Series } from './series.ts';

export type {
  NodeTrack,
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

function currentPod(idx: TraceIndex, key: string): PodTrack | undefined {
  const list = idx.pods.get(key);
  const last = list?.[list.length - 1];
  return last && last.deletedAt === undefined ? last : undefined;
}

function currentService(idx: TraceIndex, key: string): ServiceTrack | undefined {
  const list = idx.services.get(key);
  const last = list?.[list.length - 1];
  return last && last.deletedAt === undefined ? last : undefined;
}

function markChange(pod: PodTrack, t: number, seq: number, writer: 'api' | 'kubelet'): void {
  const last = pod.changePoints[pod.changePoints.length - 1];
  if (last && last.t === t && last.writer === writer) last.seq = seq;
  else pod.changePoints.push({ t, seq, writer });
}

/** A pod's or a node's condition series, in first-seen order. */
function pushCondition(
  owner: { conditions: Map<string, Series<ConditionValue>>; conditionOrder: string[] },
  r: Extract<TraceRecord, { type: 'pod.condition' | 'node.condition' }>,
  seq: number,
): void {
  let s = owner.conditions.get(r.condition);
  if (!s) {
    s = createSeries();
    owner.conditions.set(r.condition, s);
    owner.conditionOrder.push(r.condition);
  }
  const v: ConditionValue = {
    type: r.condition,
    status: r.status,
    reason: r.reason,
    message: r.message,
    lastTransitionTime: r.lastTransitionTime,
  };
  pushChange(s, r.t, v, seq);
}

function applyObject(
  idx: TraceIndex,
  r: Extract<TraceRecord, { type: 'object.applied' }>,
  seq: number,
): void {
  const src = r.source;
  const key = objectKey(src.namespace, src.name);
  if (src.kind === 'Pod') {
    const existing = currentPod(idx, key);
    if (existing) {
      pushChange(existing.spec, r.t, src.object, seq);
      markChange(existing, r.t, seq, 'api');
      return;
    }
    const list = idx.pods.get(key) ?? [];
    list.push(newPodTrack(src.name, src.namespace, src.doc, r.t, src.object, seq));
    idx.pods.set(key, list);
  } else if (src.kind === 'Service') {
    const existing = currentService(idx, key);
    if (existing) {
      pushChange(existing.spec, r.t, src.object, seq);
      return;
    }
    const spec = createSeries<Service>();
    pushChange(spec, r.t, src.object, seq);
    const list = idx.services.get(key) ?? [];
    list.push({
      name: src.name,
      namespace: src.namespace,
      createdAt: r.t,
      spec,
      endpoints: createSeries(),
    });
    idx.services.set(key, list);
  }
}

function addRecord(
  idx: TraceIndex,
  r: TraceRecord,
  seq: number,
  events: Map<string, RawEvent[]>,
): void {
  switch (r.type) {
    case 'object.applied':
      applyObject(idx, r, seq);
      return;
    case 'object.deleted': {
      if (r.kind === 'Service') {
        const svc = currentService(idx, objectKey(r.namespace, r.name));
        if (svc) svc.deletedAt = r.t;
      } else if (r.kind === 'Pod') {
        const pod = currentPod(idx, objectKey(r.namespace, r.name));
        if (pod) pod.deletedAt = r.t;
      }
      return;
    }
    case 'event': {
      const k = eventKey(r);
      const list = events.get(k);
      if (list) list.push(r);
      else events.set(k, [r]);
      if (r.reason !== 'Scheduled' || !r.object.startsWith('pod/')) return;
      const m = SCHEDULED.exec(r.message);
      const pod = m?.[1] ? currentPod(idx, k.slice(4)) : undefined;
      if (m?.[1] && pod) {
        pushChange(pod.node, r.t, m[1], seq);
        markChange(pod, r.t, seq, 'api');
      }
      return;
    }
    case 'node': {
      let n = idx.nodes.get(r.node.metadata.name);
      if (!n) {
        n = {
          name: r.node.metadata.name,
          createdAt: r.t,
          spec: createSeries(),
          conditions: new Map(),
          conditionOrder: [],
        };
        idx.nodes.set(n.name, n);
      }
      const { t: _t, type: _type, ...v } = r;
      pushChange(n.spec, r.t, v, seq);
      return;
    }
    case 'node.condition': {
      const n = idx.nodes.get(r.node);
      if (n) pushCondition(n, r, seq);
      return;
    }
    case 'endpoints': {
      const svc = currentService(idx, objectKey(r.namespace, r.service));
      if (svc) pushChange(svc.endpoints, r.t, r.endpoints, seq);
      return;
    }
    case 'pod.phase': {
      const pod = currentPod(idx, objectKey(r.namespace, r.pod));
      if (!pod) return;
      pushChange(pod.phase, r.t, { phase: r.phase, reason: r.reason, message: r.message }, seq);
      markChange(pod, r.t, seq, 'kubelet');
      return;
    }
    case 'pod.condition': {
      const pod = currentPod(idx, objectKey(r.namespace, r.pod));
      if (!pod) return;
      pushCondition(pod, r, seq);
      markChange(pod, r.t, seq, 'kubelet');
      return;
    }
    case 'pod.ip': {
      const pod = currentPod(idx, objectKey(r.namespace, r.pod));
      if (!pod) return;
      pushChange(pod.ip, r.t, { ip: r.ip, hostIP: r.hostIP, startTime: r.startTime }, seq);
      markChange(pod, r.t, seq, 'kubelet');
      return;
    }
    case 'pod.deleting': {
      const pod = currentPod(idx, objectKey(r.namespace, r.pod));
      if (!pod) return;
      pushChange(
        pod.deleting,
        r.t,
        { deletionTimestamp: r.deletionTimestamp, gracePeriodSeconds: r.gracePeriodSeconds },
        seq,
      );
      markChange(pod, r.t, seq, 'api');
      return;
    }
    case 'pod.deleted': {
      const pod = currentPod(idx, objectKey(r.namespace, r.pod));
      if (pod) pod.deletedAt = r.t;
      return;
    }
    case 'container.status': {
      const pod = currentPod(idx, objectKey(r.namespace, r.pod));
      if (!pod) return;
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
      const pod = currentPod(idx, objectKey(r.namespace, r.pod));
      if (!pod) return;
      // The record itself is the line (a LogLine plus pod/container): no copy per line.
      const lines = pod.logs.get(r.container);
      if (lines) lines.push(r);
      else pod.logs.set(r.container, [r]);
      return;
    }
    default:
      // probe, machine, signal, process.exit, hook, exec: the timeline's, not the API's.
      return;
  }
}

/** The trace in time order, stable. The engine emits it sorted, so this is usually the input. */
function timeSorted(trace: readonly TraceRecord[]): readonly TraceRecord[] {
  let prev = -Infinity;
  for (const r of trace) {
    if (r.t < prev) {
      // Status and runtime records are stamped by different clocks: sort positions, not copies.
      const order = Array.from(trace.keys());
      order.sort((a, b) => (trace[a]?.t ?? 0) - (trace[b]?.t ?? 0) || a - b);
      return order.map((i) => trace[i] as TraceRecord);
    }
    prev = r.t;
  }
  return trace;
}

/** An index under construction, built a slice at a time (see `startTraceIndex`). */
export interface TraceIndexBuild {
  /**
   * Works until done or until `shouldYield()` returns true (checked every few hundred records);
   * returns the finished index, or undefined when there is work left for another call.
   */
  step(shouldYield: () => boolean): TraceIndex | undefined;
}

/**
 * One linear pass over the (time-sorted) trace: per-object change lists for the API view, raw
 * events grouped per object; then each object's events through the correlator. Resumable, so the
 * page can build a large index in slices without a long task; `createTraceIndex` runs it at once
 * (and leaves the event correlation to each object's first query).
 */
export function startTraceIndex(
  result: SimResult,
  opts?: { prepareEvents?: boolean },
): TraceIndexBuild {
  const events = new Map<string, RawEvent[]>();
  const idx: TraceIndex = {
    result,
    nodes: new Map(),
    pods: new Map(),
    services: new Map(),
    events: createEventIndex(events, (o) => o),
    memo: new Map(),
  };
  let records: readonly TraceRecord[] | undefined;
  let seq = 0;
  let indexed = false;
  return {
    step(shouldYield) {
      records ??= timeSorted(expandTrace(result.trace));
      let n = 0;
      while (seq < records.length) {
        if (++n % 512 === 0 && shouldYield()) return undefined;
        addRecord(idx, records[seq] as TraceRecord, seq, events);
        seq++;
      }
      if (!indexed) {
        indexed = true;
        idx.events = createEventIndex(events, eventIdentity(idx));
      }
      if (opts?.prepareEvents && !idx.events.prepare(shouldYield)) return undefined;
      return idx;
    },
  };
}

/** Events belong to one incarnation (the API keys them by the pod's UID). */
function eventIdentity(idx: TraceIndex): (object: string, t: number) => string {
  // Consecutive events of one object nearly always hit the same incarnation: reuse its name.
  let lastObject = '';
  let lastTrack: PodTrack | undefined;
  let lastWho = '';
  return (object, t) => {
    const track = object.startsWith('pod/') ? podAt(idx, object.slice(4), t) : undefined;
    if (!track) return object;
    if (object !== lastObject || track !== lastTrack) {
      lastObject = object;
      lastTrack = track;
      lastWho = `${object}@${track.createdAt}`;
    }
    return lastWho;
  };
}

export function createTraceIndex(result: SimResult): TraceIndex {
  return startTraceIndex(result).step(() => false) as TraceIndex;
}

/** The incarnation of the pod under `key` (`objectKey`) that exists at time t, if any. */
export function podAt(idx: TraceIndex, key: string, t: number): PodTrack | undefined {
  const list = idx.pods.get(key);
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const p = list[i];
    if (p && p.createdAt <= t) return p.deletedAt === undefined || t < p.deletedAt ? p : undefined;
  }
  return undefined;
}

export function serviceAt(idx: TraceIndex, key: string, t: number): ServiceTrack | undefined {
  const list = idx.services.get(key);
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const s = list[i];
    if (s && s.createdAt <= t) return s.deletedAt === undefined || t < s.deletedAt ? s : undefined;
  }
  return undefined;
}

/** Every pod key that appears in the trace, sorted (by namespace, then name, as `kubectl get pods -A`). */
export function podNames(idx: TraceIndex): string[] {
  return [...idx.pods.keys()].sort();
}

/**
 * Whether any pod or Service lives outside `default`: the page then shows its lists as
 * `kubectl get … -A` does (a NAMESPACE column), since it shows every namespace at once.
 */
export function usesNamespaces(idx: TraceIndex): boolean {
  for (const list of [...idx.pods.values(), ...idx.services.values()])
    if (list.some((x) => x.namespace !== DEFAULT_NAMESPACE)) return true;
  return false;
}
