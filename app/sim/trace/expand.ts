/**
 * The compact trace back in full (clock/recorder.ts explains the compaction): every `probe.run`
 * becomes its `probe` attempts, every `log.run` its lines, every `endpoint` change the Service's
 * whole `endpoints` list at that time. A run's member due at T comes after every record at T and
 * before the records after T; members due at the same T come longer period first, then older run
 * first. Projections read the expanded trace, so compaction changes none of them.
 */
import { clfTime } from '../clock/wallTime.ts';
import { withEndpoint } from './endpointList.ts';
import type { EndpointRecord, LogRunRecord, ProbeRunRecord, TraceRecord } from './types.ts';

interface Cursor {
  ms: number;
  everyMs: number;
  pos: number;
  /** Members still to come after this one. */
  left: number;
  run: ProbeRunRecord | LogRunRecord;
}

const before = (a: Cursor, b: Cursor) =>
  a.ms !== b.ms ? a.ms < b.ms : a.everyMs !== b.everyMs ? a.everyMs > b.everyMs : a.pos < b.pos;

class CursorHeap {
  private h: Cursor[] = [];
  get top(): Cursor | undefined {
    return this.h[0];
  }
  push(c: Cursor): void {
    const h = this.h;
    h.push(c);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  /** Re-place the top after its `ms` grew. */
  siftTop(): void {
    const h = this.h;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l]!, h[m]!)) m = l;
      if (r < h.length && before(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
  pop(): void {
    const h = this.h;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    this.siftTop();
  }
}

function member(run: ProbeRunRecord | LogRunRecord, ms: number): TraceRecord {
  const t = ms / 1000;
  if (run.type === 'probe.run') {
    const { pod, namespace, container, probe, result } = run;
    return { t, type: 'probe', pod, namespace, container, probe, result };
  }
  const { pod, namespace, container, instance, stream } = run;
  const line =
    ms === Math.round(run.t * 1000) ? run.line : run.stamp[0] + clfTime(ms) + run.stamp[1];
  return { t, type: 'log', pod, namespace, container, instance, stream, line };
}

/** True when the trace has compact records (most short runs have none). */
export function isCompact(trace: readonly TraceRecord[]): boolean {
  for (const r of trace)
    if (r.type === 'probe.run' || r.type === 'log.run' || r.type === 'endpoint') return true;
  return false;
}

/** The full trace of a compact one (a copy when there is nothing to expand). */
export function expandTrace(trace: readonly TraceRecord[]): TraceRecord[] {
  if (!isCompact(trace)) return trace.slice();
  const out: TraceRecord[] = [];
  const heap = new CursorHeap();
  const lists = new Map<string, EndpointRecord[]>();
  /** Members due before `untilMs` (a member due at T comes after every record at T). */
  const drain = (untilMs: number) => {
    for (let c = heap.top; c && c.ms < untilMs; c = heap.top) {
      out.push(member(c.run, c.ms));
      if (--c.left === 0) heap.pop();
      else {
        c.ms += c.everyMs;
        heap.siftTop();
      }
    }
  };
  trace.forEach((r, pos) => {
    const ms = Math.round(r.t * 1000);
    drain(ms);
    switch (r.type) {
      case 'probe.run':
      case 'log.run': {
        out.push(member(r, ms));
        const everyMs = Math.round(r.every * 1000);
        if (r.n > 1) heap.push({ ms: ms + everyMs, everyMs, pos, left: r.n - 1, run: r });
        return;
      }
      case 'endpoint': {
        const k = `${r.namespace}/${r.service}`;
        const eps = withEndpoint(lists.get(k) ?? [], r.pod, r.endpoint);
        lists.set(k, eps);
        out.push({
          t: r.t,
          type: 'endpoints',
          service: r.service,
          namespace: r.namespace,
          endpoints: eps,
        });
        return;
      }
      case 'endpoints':
        lists.set(`${r.namespace}/${r.service}`, r.endpoints);
        out.push(r);
        return;
      default:
        out.push(r);
    }
  });
  drain(Infinity);
  return out;
}
