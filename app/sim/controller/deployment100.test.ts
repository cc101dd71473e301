/**
 * The budget scenario of issue 11 (DESIGN §6): a 100-replica Deployment behind a Service with a
 * readiness probe, rolled out once, over 1 simulated hour. Asserts the outcome and prints the
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
    expect(ms).toBeLessThan(30_000);
  }, 60_000);
});
