/**
 * Timeline model: the trace turned, once per result, into rows of intervals (segments) and point
 * marks. Rendering only maps these to pixels; nothing here runs per frame.
 */
import type { Cause, ContainerState, TraceRecord, SimResult } from '../../sim/trace/types.ts';
import { objectKey } from '../../sim/trace/objectKey.ts';
import type { Group, Mark, Row, RowKind, Segment, TimelineModel, Tone } from './types.ts';
import { trafficSegments } from './trafficRow.ts';
import { trafficByService } from '../../sim/trace/trafficJson.ts';

export type * from './types.ts';
export { lowerBound, stepFrom } from './search.ts';
export { markCause, markMessage, probeStreak } from './markText.ts';

const CONDITION_ORDER = [
  'PodScheduled',
  'PodReadyToStartContainers',
  'Initialized',
  'ContainersReady',
  'Ready',
];
const PROBE_LANE = { startup: 0, readiness: 1, liveness: 2 } as const;
const BAD_WAITING = /BackOff|Err|Error|Invalid/;

class RowBuilder {
  readonly row: Row;
  private open: Segment | undefined;
  constructor(id: string, kind: RowKind, label: string, note?: string) {
    this.row = { id, kind, label, segments: [], marks: [] };
    if (note) this.row.note = note;
  }
  /** Starts a segment at t (closing the open one), merging with it when the label and tone match. */
  set(t: number, label: string, tone: Tone, message?: string, cause?: Cause, key?: number): void {
    const o = this.open;
    if (o && o.label === label && o.tone === tone && o.key === key) return;
    this.close(t);
    const seg: Segment = { start: t, end: t, label, tone };
    if (key !== undefined) seg.key = key;
    if (message) seg.message = message;
    if (cause) seg.cause = cause;
    this.open = seg;
  }
  close(t: number): void {
    if (!this.open) return;
    this.open.end = t;
    if (t > this.open.start) this.row.segments.push(this.open);
    this.open = undefined;
  }
  mark(m: Mark): void {
    this.row.marks.push(m);
  }
}

function containerTone(state: ContainerState, ready: boolean): { label: string; tone: Tone } {
  if ('waiting' in state) {
    const reason = state.waiting.reason;
    return { label: reason, tone: BAD_WAITING.test(reason) ? 'waiting-bad' : 'waiting' };
  }
  if ('running' in state) return { label: 'Running', tone: ready ? 'ready' : 'unready' };
  const term = state.terminated;
  return {
    label: term.reason,
    tone: term.exitCode === 0 ? 'terminated-ok' : 'terminated-bad',
  };
}

const PHASE_TONE: Record<string, Tone> = {
  Pending: 'pending',
  Running: 'running',
  Succeeded: 'succeeded',
  Failed: 'failed',
  Unknown: 'unknown',
};

interface PodRows {
  group: Group;
  phase: RowBuilder;
  conditions: Map<string, RowBuilder>;
  containers: Map<string, { row: RowBuilder; kind: string; restarts: number }>;
  probes: Map<string, RowBuilder>;
}

/** `key` is the pod's objectKey: `web` in default, `team-a/web` elsewhere (so is the title). */
function makePod(key: string): PodRows {
  const phase = new RowBuilder(`pod/${key}/phase`, 'phase', 'phase');
  return {
    group: { id: `pod/${key}`, kind: 'pod', title: `pod/${key}`, rows: [] },
    phase,
    conditions: new Map(),
    containers: new Map(),
    probes: new Map(),
  };
}

function endpointState(e: { ready: boolean; serving: boolean; terminating: boolean }): {
  label: string;
  tone: Tone;
} {
  if (e.terminating)
    return e.serving
      ? { label: 'terminating, serving', tone: 'ep-serving' }
      : { label: 'terminating', tone: 'ep-terminating' };
  return e.ready
    ? { label: 'ready', tone: 'ep-ready' }
    : { label: 'not ready', tone: 'ep-notready' };
}

/** Builds the timeline model of a simulation result. O(trace length). */
export function buildTimeline(result: SimResult): TimelineModel {
  const pods = new Map<string, PodRows>();
  const services = new Map<
    string,
    { group: Group; rows: Map<string, RowBuilder>; open: Set<string>; traffic?: Row }
  >();
  const steps = new Set<number>();
  const terminating = new Map<string, Extract<TraceRecord, { type: 'pod.deleting' }>>();
  const closeTerminating = (p: PodRows, key: string, t: number) => {
    const d = terminating.get(key);
    if (!d) return;
    terminating.delete(key);
    const seg: Segment = {
      start: d.t,
      end: t,
      label: 'Terminating',
      tone: 'ep-terminating',
      message: `deletionTimestamp set, grace period ${d.gracePeriodSeconds}s`,
    };
    if (d.cause) seg.cause = d.cause;
    (p.phase.row.overlays ??= []).push(seg);
  };
  // Pods and Services by key (objectKey): the same name in two namespaces is two groups.
  const pod = (namespace: string, name: string): PodRows => {
    const key = objectKey(namespace, name);
    let p = pods.get(key);
    if (!p) {
      p = makePod(key);
      pods.set(key, p);
    }
    return p;
  };
  const service = (namespace: string, name: string) => {
    const key = objectKey(namespace, name);
    let s = services.get(key);
    if (!s) {
      s = {
        group: { id: `svc/${key}`, kind: 'service', title: `service/${key}`, rows: [] },
        rows: new Map(),
        open: new Set(),
      };
      services.set(key, s);
    }
    return s;
  };
  const container = (p: PodRows, name: string, kind = 'regular') => {
    let c = p.containers.get(name);
    if (!c) {
      const note = kind === 'regular' ? undefined : kind;
      c = {
        row: new RowBuilder(`${p.group.id}/c/${name}`, 'container', name, note),
        kind,
        restarts: 0,
      };
      p.containers.set(name, c);
    }
    return c;
  };
  const probeRow = (p: PodRows, name: string) => {
    let r = p.probes.get(name);
    if (!r) {
      r = new RowBuilder(`${p.group.id}/probes/${name}`, 'probes', 'probes', name);
      p.probes.set(name, r);
    }
    return r;
  };

  for (let rec = 0; rec < result.trace.length; rec++) {
    const r = result.trace[rec];
    if (!r) continue;
    switch (r.type) {
      case 'object.applied':
        if (r.source.kind === 'Pod') pod(r.source.namespace, r.source.name);
        else if (r.source.kind === 'Service') service(r.source.namespace, r.source.name);
        break;
      case 'pod.phase': {
        const p = pod(r.namespace, r.pod);
        p.phase.set(r.t, r.phase, PHASE_TONE[r.phase] ?? 'unknown', r.message ?? r.reason, r.cause);
        steps.add(r.t);
        break;
      }
      case 'pod.condition': {
        const p = pod(r.namespace, r.pod);
        let row = p.conditions.get(r.condition);
        if (!row) {
          row = new RowBuilder(`${p.group.id}/cond/${r.condition}`, 'condition', r.condition);
          p.conditions.set(r.condition, row);
        }
        const tone: Tone =
          r.status === 'True' ? 'true' : r.status === 'False' ? 'false' : 'unknown';
        const label = r.reason ? `${r.status} (${r.reason})` : r.status;
        row.set(r.t, label, tone, r.message, r.cause);
        steps.add(r.t);
        break;
      }
      case 'container.status': {
        const p = pod(r.namespace, r.pod);
        const c = container(p, r.container, r.kind);
        const { label, tone } = containerTone(r.status.state, r.status.ready);
        const msg = 'waiting' in r.status.state ? r.status.state.waiting.message : undefined;
        c.row.set(r.t, label, tone, msg, r.cause, r.status.restartCount);
        if (r.status.restartCount > c.restarts) {
          c.restarts = r.status.restartCount;
          c.row.mark({
            t: r.t,
            kind: 'restart',
            lane: 0,
            label: `↻${c.restarts}`,
            rec,
          });
        }
        steps.add(r.t);
        break;
      }
      case 'probe': {
        const p = pod(r.namespace, r.pod);
        container(p, r.container);
        const row = probeRow(p, r.container);
        row.mark({
          t: r.t,
          kind: r.result === 'success' ? 'probe-ok' : 'probe-fail',
          lane: PROBE_LANE[r.probe],
          label: `${r.probe} probe`,
          rec,
        });
        if (r.published) steps.add(r.t);
        break;
      }
      case 'hook': {
        if (r.phase !== 'start' && r.result === 'success') break;
        const c = container(pod(r.namespace, r.pod), r.container);
        c.row.mark({
          t: r.t,
          kind: 'hook',
          lane: 0,
          label: r.hook,
          rec,
        });
        steps.add(r.t);
        break;
      }
      case 'signal': {
        const c = container(pod(r.namespace, r.pod), r.container);
        c.row.mark({
          t: r.t,
          kind: r.signal === 'SIGKILL' ? 'sigkill' : 'sigterm',
          lane: 0,
          label: r.signal,
          rec,
        });
        steps.add(r.t);
        break;
      }
      case 'process.exit': {
        const c = container(pod(r.namespace, r.pod), r.container);
        c.row.mark({
          t: r.t,
          kind: 'exit',
          lane: 0,
          label: `exit ${r.exitCode}`,
          rec,
        });
        steps.add(r.t);
        break;
      }
      case 'exec': {
        const c = container(pod(r.namespace, r.pod), r.container);
        c.row.mark({
          t: r.t,
          kind: 'exec',
          lane: 0,
          label: 'exec',
          rec,
        });
        steps.add(r.t);
        break;
      }
      case 'pod.deleting': {
        const p = pod(r.namespace, r.pod);
        terminating.set(objectKey(r.namespace, r.pod), r);
        p.phase.mark({
          t: r.t,
          kind: 'delete',
          lane: 0,
          label: 'delete',
          rec,
        });
        steps.add(r.t);
        break;
      }
      case 'pod.deleted': {
        const p = pod(r.namespace, r.pod);
        closeTerminating(p, objectKey(r.namespace, r.pod), r.t);
        p.phase.close(r.t);
        for (const b of p.conditions.values()) b.close(r.t);
        for (const c of p.containers.values()) c.row.close(r.t);
        steps.add(r.t);
        break;
      }
      case 'endpoints': {
        const s = service(r.namespace, r.service);
        const seen = new Set<string>();
        for (const e of r.endpoints) {
          seen.add(e.pod);
          let row = s.rows.get(e.pod);
          if (!row) {
            row = new RowBuilder(`${s.group.id}/ep/${e.pod}`, 'endpoint', e.pod, e.ip);
            s.rows.set(e.pod, row);
          }
          const st = endpointState(e);
          row.set(r.t, st.label, st.tone);
        }
        for (const [name, row] of s.rows) if (!seen.has(name)) row.close(r.t);
        steps.add(r.t);
        break;
      }
      case 'object.deleted':
        if (r.kind === 'Service') {
          const s = services.get(objectKey(r.namespace, r.name));
          if (s) for (const row of s.rows.values()) row.close(r.t);
          steps.add(r.t);
        }
        break;
      default:
        break;
    }
  }

  for (const [k, list] of trafficByService(result.traffic ?? [])) {
    const first = list[0]!;
    const s = service(first.namespace, first.service);
    const segments = trafficSegments(list);
    for (const seg of segments) if (seg.tone !== 'ep-ready') steps.add(seg.start);
    s.traffic = {
      id: `svc/${k}/requests`,
      kind: 'traffic',
      label: 'requests',
      segments,
      marks: [],
    };
  }

  const until = result.until;
  const groups: Group[] = [];
  let called = 0;
  for (const [name, p] of pods) {
    closeTerminating(p, name, until);
    p.phase.close(until);
    p.group.rows.push(p.phase.row);
    const conds = [...p.conditions.entries()].sort(
      ([a], [b]) => rank(CONDITION_ORDER, a) - rank(CONDITION_ORDER, b),
    );
    for (const [, b] of conds) {
      b.close(until);
      p.group.rows.push(b.row);
    }
    const cs = [...p.containers.entries()].sort(
      ([, a], [, b]) => kindRank(a.kind) - kindRank(b.kind),
    );
    for (const [name, c] of cs) {
      c.row.close(until);
      p.group.rows.push(c.row.row);
      const pr = p.probes.get(name);
      if (pr) p.group.rows.push(pr.row);
    }
    groups.push(p.group);
  }
  for (const s of services.values()) {
    if (s.traffic) s.group.rows.push(s.traffic);
    for (const b of s.rows.values()) {
      b.close(until);
      s.group.rows.push(b.row);
    }
    if (s.group.rows.length === (s.traffic ? 1 : 0))
      s.group.rows.push({
        id: `${s.group.id}/none`,
        kind: 'endpoint',
        label: 'no endpoints',
        note: 'selector matches no ready pod',
        segments: [],
        marks: [],
      });
    // A Service with traffic answers the question the run asks: its requests row goes first.
    if (s.traffic) groups.splice(called++, 0, s.group);
    else groups.push(s.group);
  }
  for (const g of groups) for (const row of g.rows) row.marks.sort((a, b) => a.t - b.t);
  for (const p of pods.values()) for (const b of p.probes.values()) compactLanes(b.row);
  return { until, groups, stepTimes: [...steps].sort((a, b) => a - b) };
}

const PROBE_NAMES = ['startup', 'readiness', 'liveness'];

/** Keeps only the probe lanes a row uses, renumbered from 0 in startup/readiness/liveness order. */
function compactLanes(row: Row): void {
  const used = [...new Set(row.marks.map((m) => m.lane))].sort((a, b) => a - b);
  const index = new Map(used.map((l, i) => [l, i]));
  for (const m of row.marks) m.lane = index.get(m.lane) ?? 0;
  row.lanes = used.map((l) => PROBE_NAMES[l] ?? String(l));
}

function rank(order: string[], v: string): number {
  const i = order.indexOf(v);
  return i < 0 ? order.length : i;
}

function kindRank(kind: string): number {
  return kind === 'init' || kind === 'sidecar' ? 0 : kind === 'regular' ? 1 : 2;
}
