/**
 * Node failure (pod-level R10.1–R10.6, golden G9) through YAML, parseScenario and the real runtime:
 * a Ready nginx pod in a Service, node powered off at N = 60 s.
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../index.ts';
import { expandTrace } from '../trace/expand.ts';
import { createTraceIndex, getPodRows } from '../trace/index.ts';

const scenario = (actions: string, until = 700) => `apiVersion: podlab.dev/v1
kind: Scenario
metadata: {name: g9}
spec:
  until: ${until}s
  actions:
${actions}---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers:
  - name: nginx
    image: nginx
    readinessProbe:
      httpGet: {path: /, port: 80}
      periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata: {name: svc}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

function sim(actions: string, until?: number, diagnostics: string[] = []) {
  const { result, parsed } = simulateText(scenario(actions, until));
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(diagnostics);
  const trace = expandTrace(result.trace);
  const idx = createTraceIndex(result);
  const row = (t: number) => {
    const r = getPodRows(idx, t)[0];
    return r ? `${r.ready} ${r.status}` : '—';
  };
  const eps = trace
    .filter((r) => r.type === 'endpoints')
    .map((r) => {
      const e = r.type === 'endpoints' ? r.endpoints[0] : undefined;
      return e ? `${r.t} ${+e.ready}${+e.serving}${+e.terminating}` : `${r.t} none`;
    });
  const at = (from: number) => trace.filter((r) => r.t >= from);
  return { trace, row, eps, at };
}

const LOST = '  - at: 60s\n    node: {name: node-1, state: Lost}\n';

describe('G9: node lost with a Ready pod in a Service', () => {
  const { row, eps, at, trace } = sim(LOST);

  it('at N+50 only Ready goes False (no reason), NodeNotReady; kubectl still shows 1/1 Running', () => {
    const after = at(60).filter((r) => r.t < 400);
    const conds = after.filter((r) => r.type === 'pod.condition');
    expect(conds).toEqual([
      expect.objectContaining({
        t: 110,
        condition: 'Ready',
        status: 'False',
        lastTransitionTime: 110,
        cause: expect.objectContaining({ field: { doc: 0, path: 'spec.actions[0]' } }),
      }),
    ]);
    expect(conds[0]).not.toHaveProperty('reason');
    expect(after.filter((r) => r.type === 'event')).toEqual([
      expect.objectContaining({
        t: 110,
        eventType: 'Warning',
        reason: 'NodeNotReady',
        message: 'Node is not ready',
        source: 'node-controller',
      }),
    ]);
    // Nothing from the kubelet meanwhile: no probes, no status writes.
    expect(
      after.filter((r) => ['probe', 'container.status', 'pod.phase'].includes(r.type)),
    ).toEqual([]);
    expect(row(100)).toBe('1/1 Running');
    expect(row(200)).toBe('1/1 Running');
  });

  it('at N+350 TaintManagerEviction, DisruptionTarget, deletionTimestamp +30 s; Terminating forever', () => {
    const evict = at(400).filter((r) => r.t === 410);
    expect(evict).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'event',
          reason: 'TaintManagerEviction',
          message: 'Marking for deletion Pod default/web',
          source: 'taint-eviction-controller',
        }),
        expect.objectContaining({
          type: 'pod.condition',
          condition: 'DisruptionTarget',
          status: 'True',
          reason: 'DeletionByTaintManager',
        }),
        expect.objectContaining({
          type: 'pod.deleting',
          deletionTimestamp: 440,
          cause: expect.objectContaining({ field: { doc: 0, path: 'spec.actions[0]' } }),
        }),
      ]),
    );
    expect(row(409)).toBe('1/1 Running');
    expect(row(410)).toBe('1/1 Terminating');
    expect(row(700)).toBe('1/1 Terminating');
    expect(trace.some((r) => r.type === 'pod.deleted')).toBe(false);
  });

  it('EndpointSlice: (T,T,F) → (F,F,F) at N+50 → (F,F,T) at N+350, and stays', () => {
    expect(eps.filter((e) => !e.startsWith('0 ') && +e.split(' ')[0]! >= 60)).toEqual([
      '110 000',
      '410 001',
    ]);
    expect(eps.filter((e) => +e.split(' ')[0]! < 60).at(-1)).toMatch(/ 110$/);
  });
});

describe('node back', () => {
  it('before the eviction: the kubelet resumes, Ready True again, endpoint ready', () => {
    const { row, eps, at } = sim(LOST + '  - at: 200s\n    node: {name: node-1, state: Ready}\n');
    const ready = at(200).filter((r) => r.type === 'pod.condition' && r.condition === 'Ready');
    expect(ready[0]).toEqual(expect.objectContaining({ t: 200, status: 'True' }));
    expect(eps.filter((e) => +e.split(' ')[0]! >= 60)).toEqual(['110 000', '200 110']);
    expect(at(200).some((r) => r.type === 'probe')).toBe(true);
    expect(at(200).some((r) => r.type === 'pod.deleting')).toBe(false);
    expect(row(700)).toBe('1/1 Running');
  });

  it('after the eviction: the kubelet kills the containers and the pod is deleted', () => {
    const { row, at } = sim(LOST + '  - at: 500s\n    node: {name: node-1, state: Ready}\n');
    expect(row(499)).toBe('1/1 Terminating');
    const deleted = at(500).find((r) => r.type === 'pod.deleted');
    expect(deleted?.t).toBeGreaterThanOrEqual(500);
    expect(deleted?.t).toBeLessThanOrEqual(532);
    expect(row(600)).toBe('—');
  });

  it('an unknown node name is a warning at the action and changes nothing', () => {
    const { row } = sim('  - at: 60s\n    node: {name: node-9, state: Lost}\n', 700, [
      '7:5 nodes "node-9" not found (the node is node-1)',
    ]);
    expect(row(700)).toBe('1/1 Running');
  });
});
