/**
 * Engine budgets (DESIGN §6): one seed example for 10 simulated minutes (< 5 ms) and 100 pods with
 * 1 s probes for one simulated hour (< 1 s).
 */
import { bench, describe } from 'vitest';
import { defaultedPod, defaultedService } from '../k8s/index.ts';
import type { SourceObject } from '../k8s/types.ts';
import { simulate, simulateText } from './index.ts';
import { createFakeRuntime } from './testing/fakeRuntime.ts';

const livenessExec = `apiVersion: v1
kind: Pod
metadata: { name: liveness-exec, labels: { test: liveness } }
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox
    args: [/bin/sh, -c, touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600]
    livenessProbe:
      exec: { command: [cat, /tmp/healthy] }
      initialDelaySeconds: 5
      periodSeconds: 5
`;

function manyPods(n: number): SourceObject[] {
  const out: SourceObject[] = [];
  for (let i = 0; i < n; i++) {
    const name = `web-${i}`;
    out.push({
      kind: 'Pod',
      name,
      namespace: 'default',
      doc: i,
      object: defaultedPod({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: 'default', labels: { app: 'web' } },
        spec: {
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          containers: [
            {
              name: 'nginx',
              image: 'nginx:1.27',
              imagePullPolicy: 'IfNotPresent',
              ports: [{ containerPort: 80 }],
              readinessProbe: {
                httpGet: { path: '/', port: 80 },
                periodSeconds: 1,
                timeoutSeconds: 1,
                successThreshold: 1,
                failureThreshold: 3,
              },
              livenessProbe: {
                tcpSocket: { port: 80 },
                periodSeconds: 1,
                timeoutSeconds: 1,
                successThreshold: 1,
                failureThreshold: 3,
              },
            },
          ],
        },
      }),
    });
  }
  out.push({
    kind: 'Service',
    name: 'web',
    namespace: 'default',
    doc: n,
    object: defaultedService({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
    }),
  });
  return out;
}

describe('engine', () => {
  bench('liveness-exec seed, 10 simulated minutes (parse + real runtime)', () => {
    simulateText(livenessExec, { until: 600 });
  });
  bench('liveness-exec seed, 10 simulated minutes (engine, scripted runtime)', () => {
    simulateText(livenessExec, {
      until: 600,
      runtime: createFakeRuntime({
        behaviours: {
          liveness: {
            exitAfter: 630,
            exec: (_a, c) => ({ exitCode: c.now - c.startedAt < 30 ? 0 : 1 }),
          },
        },
      }),
    });
  });
  const pods = manyPods(100);
  const scenario = { name: 'b', until: 3600, profile: {}, actions: [], deferred: [] };
  bench(
    '100 pods × 1 h, 1 s readiness + liveness probes (engine, scripted runtime)',
    () => {
      simulate({ objects: pods, scenario }, { runtime: createFakeRuntime() });
    },
    { iterations: 3, time: 0 },
  );
  bench(
    '100 pods × 1 h, 1 s readiness + liveness probes (real runtime)',
    () => {
      simulate({ objects: pods, scenario });
    },
    { iterations: 2, time: 0 },
  );
});
