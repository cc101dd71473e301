/**
 * What the UI pays while scrubbing: index a 10-minute run once, then one query per second.
 * Run with `npx vitest bench --run app/sim/trace`.
 */
import { bench, describe } from 'vitest';
import { describePod } from './describe.ts';
import { livenessExecTrace } from './fixtures.ts';
import { getPodRows, getWatchRows } from './podRows.ts';
import { podYaml } from './podYaml.ts';
import { createTraceIndex } from './traceIndex.ts';
import { simulateText } from '../index.ts';

const result = livenessExecTrace(600);

describe('liveness-exec, 10 simulated minutes', () => {
  bench('createTraceIndex', () => {
    createTraceIndex(result);
  });

  bench('createTraceIndex + 600 getPodRows', () => {
    const idx = createTraceIndex(result);
    for (let t = 0; t < 600; t++) getPodRows(idx, t);
  });

  bench('createTraceIndex + 600 describePod', () => {
    const idx = createTraceIndex(result);
    for (let t = 0; t < 600; t++) describePod(idx, 'liveness-exec', t);
  });

  bench('createTraceIndex + getWatchRows + 600 podYaml', () => {
    const idx = createTraceIndex(result);
    getWatchRows(idx);
    for (let t = 0; t < 600; t++) podYaml(idx, 'liveness-exec', t);
  });
});

const podDoc = (i: number): string => `apiVersion: v1
kind: Pod
metadata: { name: liveness-${i}, labels: { app: demo } }
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args: [/bin/sh, -c, 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600']
    livenessProbe:
      exec: { command: [cat, /tmp/healthy] }
      initialDelaySeconds: 5
      periodSeconds: 5
`;
const engine20 = simulateText(
  [
    ...Array.from({ length: 20 }, (_, i) => podDoc(i)),
    'apiVersion: v1\nkind: Service\nmetadata: { name: demo }\nspec: { selector: { app: demo }, ports: [{ port: 80 }] }\n',
  ].join('---\n'),
  { until: 600 },
).result;

describe(`engine trace: 20 liveness pods + a Service, 10 minutes (${engine20.trace.length} records)`, () => {
  bench('createTraceIndex', () => {
    createTraceIndex(engine20);
  });

  bench('createTraceIndex + 600 getPodRows (20 rows each)', () => {
    const idx = createTraceIndex(engine20);
    for (let t = 0; t < 600; t++) getPodRows(idx, t);
  });

  bench('createTraceIndex + 600 describePod', () => {
    const idx = createTraceIndex(engine20);
    for (let t = 0; t < 600; t++) describePod(idx, 'liveness-7', t);
  });

  bench('createTraceIndex + getWatchRows', () => {
    getWatchRows(createTraceIndex(engine20));
  });
});
