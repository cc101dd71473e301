/**
 * The `podsim run --json` document (DESIGN.md §4): per-pod change series, endpoints and raw events.
 * Every series lists a value only when it changes.
 */
import { dict } from './dict.ts';
import type { ContainerState, SimResult } from './types.ts';
import { getPodWatchRows } from './podRows.ts';
import { DEFAULT_NAMESPACE } from './objectKey.ts';
import { createTraceIndex, type NodeTrack, type TraceIndex } from './traceIndex.ts';
import { valueAt } from './series.ts';
import { formatTaint } from '../scheduler/taints.ts';
import { podUid, pushChanged, workloadsJson, type PodsimWorkload } from './workloads.ts';
import { trafficJson, type PodsimTrafficSecond } from './trafficJson.ts';

export interface PodsimContainerState {
  t: number;
  state: 'waiting' | 'running' | 'terminated';
  reason?: string;
  exitCode?: number;
  startedAt?: number;
  finishedAt?: number;
}

export interface PodsimPod {
  rows: { t: number; ready: string; status: string; restarts: number }[];
  phase: { t: number; value: string }[];
  conditions: Record<string, { t: number; status: string; reason?: string }[]>;
  containers: Record<
    string,
    {
      state: PodsimContainerState[];
      ready: { t: number; value: boolean }[];
      started: { t: number; value: boolean }[];
      restartCount: { t: number; value: number }[];
    }
  >;
  /** With declared nodes (SimResult.cluster): the node the pod is bound to. */
  node?: { t: number; value: string }[];
  /** The UID of the newest object under this key (with declared nodes). */
  uid?: string;
  /** The controller that owns it: `ReplicaSet/web-7d9f8c6b5d`. */
  owner?: string;
}

export interface PodsimNode {
  ready: { t: number; status: string; reason?: string }[];
  unschedulable: { t: number; value: boolean }[];
  taints: { t: number; value: string[] }[];
}

export interface PodsimJson {
  until: number;
  pods: Record<string, PodsimPod>;
  endpoints: Record<
    string,
    { t: number; ready: string[]; serving: string[]; terminating: string[] }[]
  >;
  /** `namespace` only outside `default` (the object is `pod/NAME`, as kubectl prints it). */
  events: {
    t: number;
    object: string;
    namespace?: string;
    type: string;
    reason: string;
    message: string;
  }[];
  diagnostics: { severity: string; message: string; line?: number; column?: number }[];
  nodes?: Record<string, PodsimNode>;
  /** Every scenario action and its outcome (present when the scenario has actions). */
  actions?: PodsimAction[];
  /** ReplicaSets and Deployments (present when the scenario has any). */
  workloads?: Record<string, PodsimWorkload>;
  /** Requests of `spec.traffic`, per Service (present when the scenario has traffic). */
  traffic?: Record<string, PodsimTrafficSecond[]>;
}

export interface PodsimAction {
  t: number;
  action: string;
  ok: boolean;
  message?: string;
}

function stateEntry(t: number, s: ContainerState): PodsimContainerState {
  if ('waiting' in s)
    return { t, state: 'waiting', ...(s.waiting.reason ? { reason: s.waiting.reason } : {}) };
  if ('running' in s) return { t, state: 'running', startedAt: s.running.startedAt };
  const term = s.terminated;
  return {
    t,
    state: 'terminated',
    ...(term.reason ? { reason: term.reason } : {}),
    exitCode: term.exitCode,
    startedAt: term.startedAt,
    finishedAt: term.finishedAt,
  };
}

function podJson(idx: TraceIndex, key: string): PodsimPod {
  const out: PodsimPod = { rows: [], phase: [], conditions: dict(), containers: dict() };
  const node: { t: number; value: string }[] = [];
  for (const r of getPodWatchRows(idx, key))
    out.rows.push({ t: r.t, ready: r.ready, status: r.status, restarts: r.restartCount });
  for (const track of idx.pods.get(key) ?? []) {
    track.phase.t.forEach((t, i) => {
      const v = track.phase.v[i];
      if (v) pushChanged(out.phase, { t, value: v.phase });
    });
    for (const [type, s] of track.conditions) {
      const list = (out.conditions[type] ??= []);
      s.t.forEach((t, i) => {
        const v = s.v[i];
        if (v)
          pushChanged(list, { t, status: v.status, ...(v.reason ? { reason: v.reason } : {}) });
      });
    }
    for (const [cname, c] of track.containers) {
      const cj = (out.containers[cname] ??= {
        state: [],
        ready: [],
        started: [],
        restartCount: [],
      });
      c.status.t.forEach((t, i) => {
        const s = c.status.v[i];
        if (!s) return;
        pushChanged(cj.state, stateEntry(t, s.state));
        pushChanged(cj.ready, { t, value: s.ready });
        pushChanged(cj.started, { t, value: s.started ?? false });
        pushChanged(cj.restartCount, { t, value: s.restartCount });
      });
    }
    const pinned = valueAt(track.spec, track.createdAt)?.spec?.nodeName;
    if (pinned) pushChanged(node, { t: track.createdAt, value: pinned });
    track.node.t.forEach((t, i) => {
      const v = track.node.v[i];
      if (v) pushChanged(node, { t, value: v });
    });
  }
  if (idx.result.cluster) out.node = node;
  const track = idx.pods.get(key)?.at(-1);
  const pod = track ? valueAt(track.spec, track.createdAt) : undefined;
  if (idx.result.cluster && track) out.uid = podUid(pod, track.namespace, track.name);
  const owner = pod?.metadata?.ownerReferences?.find((o) => o.controller);
  if (owner) out.owner = `${owner.kind}/${owner.name}`;
  return out;
}

function nodeJson(n: NodeTrack): PodsimNode {
  const out: PodsimNode = { ready: [], unschedulable: [], taints: [] };
  const ready = n.conditions.get('Ready');
  ready?.t.forEach((t, i) => {
    const v = ready.v[i];
    if (v)
      pushChanged(out.ready, { t, status: v.status, ...(v.reason ? { reason: v.reason } : {}) });
  });
  n.spec.t.forEach((t, i) => {
    const spec = n.spec.v[i]?.node.spec;
    pushChanged(out.unschedulable, { t, value: spec?.unschedulable === true });
    pushChanged(out.taints, { t, value: (spec?.taints ?? []).map(formatTaint) });
  });
  return out;
}

export function toPodsimJson(result: SimResult, index?: TraceIndex): PodsimJson {
  const idx = index ?? createTraceIndex(result);
  const pods = dict<PodsimPod>();
  for (const key of [...idx.pods.keys()].sort()) pods[key] = podJson(idx, key);
  const endpoints: PodsimJson['endpoints'] = dict();
  for (const name of [...idx.services.keys()].sort()) {
    const list: PodsimJson['endpoints'][string] = [];
    for (const track of idx.services.get(name) ?? []) {
      track.endpoints.t.forEach((t, i) => {
        const eps = track.endpoints.v[i] ?? [];
        pushChanged(list, {
          t,
          ready: eps.filter((e) => e.ready).map((e) => e.pod),
          serving: eps.filter((e) => e.serving).map((e) => e.pod),
          terminating: eps.filter((e) => e.terminating).map((e) => e.pod),
        });
      });
    }
    endpoints[name] = list;
  }
  const events: PodsimJson['events'] = [];
  for (const r of result.trace) {
    if (r.type === 'event') {
      events.push({
        t: r.t,
        object: r.object,
        ...(r.namespace !== DEFAULT_NAMESPACE ? { namespace: r.namespace } : {}),
        type: r.eventType,
        reason: r.reason,
        message: r.message,
      });
    }
  }
  events.sort((a, b) => a.t - b.t);
  const diagnostics = result.diagnostics.map((d) => ({
    severity: d.severity,
    message: d.message,
    ...(d.line !== undefined ? { line: d.line } : {}),
    ...(d.column !== undefined ? { column: d.column } : {}),
  }));
  const actions: PodsimAction[] = [];
  for (const r of result.trace)
    if (r.type === 'action')
      actions.push({
        t: r.t,
        action: r.action,
        ok: r.ok,
        ...(r.message !== undefined ? { message: r.message } : {}),
      });
  const workloads = workloadsJson(result);
  const traffic = trafficJson(result.traffic);
  const acts = {
    ...(actions.length > 0 ? { actions } : {}),
    ...(workloads ? { workloads } : {}),
    ...(traffic ? { traffic } : {}),
  };
  if (!result.cluster)
    return { until: result.until, pods, endpoints, events, diagnostics, ...acts };
  const nodes = dict<PodsimNode>();
  for (const name of [...idx.nodes.keys()].sort()) {
    const n = idx.nodes.get(name);
    if (n) nodes[name] = nodeJson(n);
  }
  return { until: result.until, pods, endpoints, events, diagnostics, nodes, ...acts };
}
