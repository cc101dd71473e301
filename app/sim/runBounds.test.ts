/**
 * A run that stops before its end says where it stopped (issue 13 item 4): `until` is the simulated time
 * reached, `stopped` says why, and the diagnostic reads "simulation stopped at t=…".
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from './index.ts';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: busy}
spec:
  containers:
  - name: app
    image: busybox
    command: [sh, -c, 'while true; do sleep 1; done']
`;

describe('a run stopped early is truthful about the time it reached', () => {
  it('runs to the end when no bound is hit', () => {
    const { result } = simulateText(POD, { until: 60 });
    expect(result.until).toBe(60);
    expect(result.stopped).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each([
    ['the event limit', { maxEvents: 200 }, /^more than 200 events \(a runaway loop\?\)$/],
    [
      'a stop request between slices',
      { shouldStop: () => 'after 8 s of wall time', sliceEvents: 50 },
      /^after 8 s of wall time$/,
    ],
  ])('stopped by %s', (_name, opts, reason) => {
    const { result } = simulateText(POD, { until: 600, ...opts });
    expect(result.stopped?.requested).toBe(600);
    expect(result.stopped?.reason).toMatch(reason);
    expect(result.until).toBeGreaterThan(0);
    expect(result.until).toBeLessThan(600);
    const last = result.trace.reduce((m, r) => Math.max(m, r.t), 0);
    expect(last).toBeLessThanOrEqual(result.until);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    expect(errors).toEqual([
      `simulation stopped at t=${result.until}s of 600s: ${result.stopped?.reason ?? ''}`,
    ]);
  });
});
