/**
 * One pod with N containers whose probes tick together (issue 13: 500 containers on one port took
 * 119 s): the probe results of one instant reach the pod worker as one update, so the cost grows
 * with N, not N².
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../index.ts';

function manyContainers(n: number): string {
  const cs = Array.from(
    { length: n },
    (_, i) => `  - name: c${i}
    image: nginx:1.27
    livenessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 1 }`,
  );
  return `apiVersion: v1
kind: Pod
metadata: { name: ports }
spec:
  containers:
${cs.join('\n')}
`;
}

function costMs(n: number, untilS: number): number {
  const text = manyContainers(n);
  const t0 = process.cpuUsage();
  simulateText(text, { until: untilS });
  return process.cpuUsage(t0).user / 1000;
}

describe('a pod with many containers on one port', () => {
  it('one container binds port 80, the others crash-loop on it', () => {
    const { result } = simulateText(manyContainers(5), { until: 60 });
    const restarts = new Map<string, number>();
    for (const r of result.trace)
      if (r.type === 'container.status') restarts.set(r.container, r.status.restartCount);
    expect([...restarts.values()].filter((n) => n === 0)).toHaveLength(1);
    expect([...restarts.values()].filter((n) => n > 0)).toHaveLength(4);
  });

  it('100 → 400 containers costs at most 6× (linear, not quadratic)', () => {
    costMs(20, 60); // warm the JIT
    const small = Math.min(costMs(100, 120), costMs(100, 120));
    const big = Math.min(costMs(400, 120), costMs(400, 120));
    expect(big / small).toBeLessThanOrEqual(6);
  }, 60_000);
});
