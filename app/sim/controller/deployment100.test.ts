/**
 * The budget scenario of issue 11 (DESIGN §6): a 100-replica Deployment behind a Service with a
 * readiness probe and 30 requests/s of traffic, rolled out once, over 1 simulated hour. Asserts the outcome and prints the
 * engine's wall time (the bound here is loose: the machine is shared; the note reports the number).
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../index.ts';
import { toPodsimJson } from '../trace/podsimJson.ts';
import { DEPLOYMENT_100 } from '../testing/deployment100.ts';

describe('100-replica Deployment behind a Service, 1 h', () => {
  it('rolls out completely and reports the engine time', () => {
    const start = performance.now();
    const { result } = simulateText(DEPLOYMENT_100);
    const ms = performance.now() - start;
    console.log(
      `100-replica Deployment, 1 h: engine ${ms.toFixed(0)} ms, ${result.trace.length} records`,
    );
    const json = toPodsimJson(result);
    const d = json.workloads?.['Deployment/web'];
    expect(d?.status.at(-1)).toMatchObject({
      replicas: 100,
      updatedReplicas: 100,
      availableReplicas: 100,
    });
    expect(d?.conditions?.Progressing?.at(-1)?.reason).toBe('NewReplicaSetAvailable');
    expect(json.endpoints.web?.at(-1)?.ready).toHaveLength(100);
    // 30 requests/s for 3600 s; the rollout's deletions and the first seconds (no endpoint
    // until the pods are Ready and programmed) fail, and every failure names its pod or none.
    const t = result.traffic ?? [];
    expect(t.reduce((n, s) => n + s.sent, 0)).toBe(108_000);
    const failed = t.filter((s) => s.failed > 0);
    expect(failed.map((s) => s.t)).toEqual([0, 1, 2, 600, 602, 604]);
    for (const s of failed) expect(s.failures.reduce((n, f) => n + f.count, 0)).toBe(s.failed);
    expect(ms).toBeLessThan(30_000);
  }, 60_000);
});
