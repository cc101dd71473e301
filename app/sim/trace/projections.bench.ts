/**
 * What the UI pays while scrubbing: index a 10-minute run once, then one query per second.
 * Run with `npx vitest bench --run app/sim/trace`. The last group is the big case the page must
 * index without a long task (e2e/perf.spec.ts "1-hour run with 10 containers").
 */
import { bench, describe } from 'vitest';
import { describePod } from './describe.ts';
import { getEvents } from './events.ts';
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

/** The e2e "1 h × 10 containers" pod with 1 s probes: ~69k records, ~14k of them events. */
const bigContainer = (i: number): string => `  - name: c${i}
    image: busybox
    args: ['/bin/sh', '-c', 'touch /tmp/ok; sleep ${60 + i * 30}; rm -f /tmp/ok; sleep 3600']
    readinessProbe:
      exec: { command: ['cat', '/tmp/ok'] }
      periodSeconds: 1
    livenessProbe:
      exec: { command: ['cat', '/tmp/ok'] }
      periodSeconds: 1
      failureThreshold: ${3 + i}
`;
const bigHour = simulateText(
  [
    'apiVersion: podlab.dev/v1\nkind: Scenario\nmetadata: { name: big }\nspec: { until: 1h }\n',
    `apiVersion: v1\nkind: Pod\nmetadata: { name: big, labels: { app: big } }\nspec:\n  containers:\n${Array.from({ length: 10 }, (_, i) => bigContainer(i)).join('')}`,
    'apiVersion: v1\nkind: Service\nmetadata: { name: big }\nspec: { selector: { app: big }, ports: [{ port: 80 }] }\n',
  ].join('---\n'),
).result;

describe(`1 h × 10 containers, 1 s probes (${bigHour.trace.length} records)`, () => {
  bench('createTraceIndex', () => {
    createTraceIndex(bigHour);
  });

  bench('createTraceIndex + first getPodRows', () => {
    getPodRows(createTraceIndex(bigHour), 1800);
  });

  bench('createTraceIndex + first describePod (correlates the pod’s events)', () => {
    describePod(createTraceIndex(bigHour), 'big', 1800);
  });

  bench('createTraceIndex + first podYaml', () => {
    podYaml(createTraceIndex(bigHour), 'big', 1800);
  });

  bench('createTraceIndex + getEvents (all objects)', () => {
    getEvents(createTraceIndex(bigHour), 1800);
  });

  bench('createTraceIndex + getWatchRows', () => {
    getWatchRows(createTraceIndex(bigHour));
  });

  const warm = createTraceIndex(bigHour);
  describePod(warm, 'big', 0);
  bench('60 describePod on a warm index (scrubbing)', () => {
    for (let t = 0; t < 3600; t += 60) describePod(warm, 'big', t);
  });

  bench('60 podYaml on a warm index (scrubbing)', () => {
    for (let t = 0; t < 3600; t += 60) podYaml(warm, 'big', t + 0.5);
  });
});
