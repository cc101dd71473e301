/**
 * Trace compaction loses nothing (issue 9, DESIGN §6): for every bundled example and for busy pods,
 * the compact trace expanded (trace/expand.ts) is the trace recorded without compaction — each
 * pod's records in the same order, and the same records overall.
 */
import { describe, expect, it } from 'vitest';
import { expandTrace, simulate, simulateText, type TraceRecord } from '../sim/index.ts';
import { busyPods } from '../sim/testing/busyPods.ts';
import { EXAMPLES } from './examples.ts';

function podOf(r: TraceRecord): string {
  if ('pod' in r) return r.pod;
  if (r.type === 'event') return r.object;
  if (r.type === 'machine') return r.actor.split('/')[1] ?? '';
  return '';
}

/** Records grouped by pod (in trace order); records of no pod in one group of their own. */
function byPod(trace: readonly TraceRecord[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of trace) {
    const k = podOf(r);
    const list = out.get(k) ?? [];
    list.push(JSON.stringify(r));
    out.set(k, list);
  }
  return out;
}

/** `full` has no runs but, like every trace, endpoint changes as diffs: expanded too. */
function expectSame(full: readonly TraceRecord[], compact: readonly TraceRecord[]): void {
  const expanded = expandTrace(compact);
  full = expandTrace(full);
  expect(expanded.length).toBe(full.length);
  expect(byPod(expanded)).toEqual(byPod(full));
}

describe('the compact trace expands to the full one', () => {
  it.each(EXAMPLES.map((e) => [e.fileName, e.yaml] as const))('%s', (_name, yaml) => {
    const full = simulateText(yaml, { compact: false }).result.trace;
    const compact = simulateText(yaml).result.trace;
    expectSame(full, compact);
  });

  it('busy pods, 10 minutes, with runs', () => {
    const input = busyPods(4, 600);
    const full = simulate(input, { compact: false }).trace;
    const compact = simulate(input).trace;
    expect(compact.length).toBeLessThan(full.length / 5);
    expectSame(full, compact);
  });
});
