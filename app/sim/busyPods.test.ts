/**
 * The engine scales linearly in the pod count (DESIGN §6, issue 9): tripling the busy pods at most
 * ~triples the cost. Measured as a ratio in the same run, so a loaded machine does not matter much.
 */
import { describe, expect, it } from 'vitest';
import { expandTrace, simulate } from './index.ts';
import { busyPods } from './testing/busyPods.ts';

/** CPU time of this process (a test file running beside this one slows the wall clock more). */
function costMs(n: number, untilS: number): number {
  const input = busyPods(n, untilS);
  const t0 = process.cpuUsage();
  simulate(input);
  return process.cpuUsage(t0).user / 1000;
}

describe('busy pods', () => {
  it('every pod crash-loops, probes, and sits in the Service', () => {
    const trace = expandTrace(simulate(busyPods(3, 120)).trace);
    const backoffs = trace.filter(
      (r) =>
        r.type === 'container.status' &&
        r.container === 'crasher' &&
        'waiting' in r.status.state &&
        r.status.state.waiting.reason === 'CrashLoopBackOff',
    );
    expect(new Set(backoffs.map((r) => (r.type === 'container.status' ? r.pod : '')))).toEqual(
      new Set(['busy-0', 'busy-1', 'busy-2']),
    );
    const eps = trace.filter((r) => r.type === 'endpoints');
    expect(eps.some((r) => r.type === 'endpoints' && r.endpoints.length === 3)).toBe(true);
  });

  it('100 → 300 pods costs at most 4× (linear, not quadratic)', () => {
    costMs(30, 180); // warm the JIT
    // The best of two runs each: another test file running beside this one only adds time.
    const small = Math.min(costMs(100, 180), costMs(100, 180));
    const big = Math.min(costMs(300, 180), costMs(300, 180));
    expect(big / small).toBeLessThanOrEqual(4);
  }, 60_000);
});
