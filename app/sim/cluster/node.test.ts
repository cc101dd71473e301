/**
 * Node failure (pod-level R10.1–R10.6, golden G9, reference cluster.md C3) through YAML,
 * parseScenario and the real runtime: a Ready nginx pod `web` in a Service on node-1 (one node) or
 * node-2 (three nodes), its node powered off.
 *
 * Timings (node_lifecycle_controller.go): the kubelet renews its Lease at multiples of 10 s; the
 * controller passes every 5 s and writes Unknown at the first pass with now > renewal + 50 s
 * (strict After); the NoExecute taint is queued by the *next* pass (processTaintBaseEviction reads
 * the Ready condition as the pass found it) and the taint-eviction controller deletes the pod
 * tolerationSeconds (300 s) after that. With one node every zone is fully disrupted: no NoExecute
 * taint, no eviction.
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../index.ts';
import { expandTrace } from '../trace/expand.ts';
import { createTraceIndex, getPodRows, toPodsimJson } from '../trace/index.ts';

const scenario = (
  actions: string,
  until = 700,
  nodes = 1,
  podExtra = '',
) => `apiVersion: podlab.dev/v1
kind: Scenario
metadata: {name: g9}
spec:
  until: ${until}s
${nodes > 1 ? `  nodes: ${nodes}\n` : ''}  actions:
${actions}---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
${nodes > 1 ? '  nodeName: node-2\n' : ''}${podExtra}  containers:
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

function sim(actions: string, until?: number, diagnostics: string[] = [], nodes = 1, extra = '') {
  const { result, parsed } = simulateText(scenario(actions, until, nodes, extra));
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
  const json = toPodsimJson(result, idx);
  /** The Node's taints at each write (the implicit single node has no `nodes` JSON series). */
  const taints = (node: string) =>
    trace.flatMap((r) =>
      r.type === 'node' && r.node.metadata.name === node
        ? [`${r.t} ${(r.node.spec?.taints ?? []).map((x) => `${x.key}:${x.effect}`).join(',')}`]
        : [],
    );
  const events = (reason: string) =>
    json.events.filter((e) => e.reason === reason).map((e) => `${e.t} ${e.object} ${e.message}`);
  return { trace, row, eps, at, json, events, taints };
}

const LOST = '  - at: 60s\n    node: {name: node-1, state: Lost}\n';
const LOST2 = '  - at: 100s\n    node: {name: node-2, state: Lost}\n';

describe('G9 on one node: every zone fully disrupted, nothing is evicted', () => {
  const { row, eps, at, trace, events, taints } = sim(LOST);

  it('at 115 (renewal 60 + 50, strictly after, next 5 s pass) only Ready goes False; 1/1 Running', () => {
    const after = at(60).filter((r) => r.t < 700);
    const conds = after.filter((r) => r.type === 'pod.condition');
    expect(conds).toEqual([
      expect.objectContaining({
        t: 115,
        condition: 'Ready',
        status: 'False',
        lastTransitionTime: 115,
        cause: expect.objectContaining({ field: { doc: 0, path: 'spec.actions[0]' } }),
      }),
    ]);
    expect(conds[0]).not.toHaveProperty('reason');
    expect(events('NodeNotReady')).toEqual([
      '115 node/node-1 Node node-1 status is now: NodeNotReady',
      '115 pod/web Node is not ready',
    ]);
    // Nothing from the kubelet meanwhile: no probes, no status writes.
    expect(
      after.filter((r) => ['probe', 'container.status', 'pod.phase'].includes(r.type)),
    ).toEqual([]);
    expect(row(114)).toBe('1/1 Running');
    expect(row(700)).toBe('1/1 Running');
  });

  it('the node: Unknown with the controller message, unreachable:NoSchedule only', () => {
    const conds = trace.flatMap((r) =>
      r.type === 'node.condition' && r.t > 0
        ? [`${r.t} ${r.condition} ${r.status} ${r.reason} ${r.message}`]
        : [],
    );
    expect(conds).toEqual(
      ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map(
        (c) => `115 ${c} Unknown NodeStatusUnknown Kubelet stopped posting node status.`,
      ),
    );
    expect(taints('node-1')).toEqual(['0 ', '115 node.kubernetes.io/unreachable:NoSchedule']);
  });

  it('no TaintManagerEviction, no deletion; the endpoint only goes not-ready', () => {
    expect(events('TaintManagerEviction')).toEqual([]);
    expect(trace.some((r) => r.type === 'pod.deleting')).toBe(false);
    expect(eps.filter((e) => +e.split(' ')[0]! >= 60)).toEqual(['115 000']);
  });
});

describe('C3 on three nodes: node-2 lost at 100', () => {
  const { row, eps, at, json, events } = sim(LOST2, 700, [], 3);

  it('Unknown at 155, NoExecute at 160 (one pass later), eviction at 460 (+300 s)', () => {
    expect(json.nodes?.['node-2']?.taints).toEqual([
      { t: 0, value: [] },
      { t: 155, value: ['node.kubernetes.io/unreachable:NoSchedule'] },
      {
        t: 160,
        value: [
          'node.kubernetes.io/unreachable:NoSchedule',
          'node.kubernetes.io/unreachable:NoExecute',
        ],
      },
    ]);
    expect(events('TaintManagerEviction')).toEqual([
      '460 pod/web Marking for deletion Pod default/web',
    ]);
    const evict = at(460).filter((r) => r.t === 460);
    expect(evict).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'pod.condition',
          condition: 'DisruptionTarget',
          status: 'True',
          reason: 'DeletionByTaintManager',
          message: 'Taint manager: deleting due to NoExecute taint',
          cause: expect.objectContaining({
            message:
              'the node.kubernetes.io/unreachable:NoExecute taint is tolerated for 300s (tolerationSeconds): the pod is deleted',
            field: { doc: 0, path: 'spec.actions[0]' },
          }),
        }),
        expect.objectContaining({ type: 'pod.deleting', deletionTimestamp: 490 }),
      ]),
    );
  });

  it('get pods: 1/1 Running until 460, then Terminating for good; endpoints follow', () => {
    expect(row(459)).toBe('1/1 Running');
    expect(row(460)).toBe('1/1 Terminating');
    expect(row(700)).toBe('1/1 Terminating');
    expect(eps.filter((e) => +e.split(' ')[0]! >= 100)).toEqual(['155 000', '460 001']);
  });

  it('the other nodes are untouched', () => {
    expect(json.nodes?.['node-1']?.taints).toEqual([{ t: 0, value: [] }]);
    expect(json.nodes?.['node-3']?.ready).toEqual([
      { t: 0, status: 'True', reason: 'KubeletReady' },
    ]);
  });
});

describe('tolerations decide when (processPodOnNode, getMinTolerationTime)', () => {
  const tol = (extra: string) =>
    `  tolerations:\n  - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute${extra}}\n`;
  it.each([
    [
      'tolerationSeconds 30',
      tol(', tolerationSeconds: 30'),
      ['190 pod/web Marking for deletion Pod default/web'],
    ],
    [
      'tolerationSeconds 0: at once',
      tol(', tolerationSeconds: 0'),
      ['160 pod/web Marking for deletion Pod default/web'],
    ],
    ['no tolerationSeconds: never', tol(''), []],
    ['an Exists-everything toleration: never', '  tolerations: [{operator: Exists}]\n', []],
  ])('%s', (_name, extra, want) => {
    const { events } = sim(LOST2, 700, [], 3, extra);
    expect(events('TaintManagerEviction')).toEqual(want);
  });
});

describe('a NoExecute taint the pod does not tolerate: deleted at once (processPodOnNode)', () => {
  const TAINT =
    '  - { at: 30s, patch: { kind: Node, name: node-2, patch: { spec: { taints: [ { key: dedicated, value: db, effect: NoExecute } ] } } } }\n';
  it.each([
    ['untolerated: at the patch', '', ['30 pod/web Marking for deletion Pod default/web']],
    [
      'tolerated for 20 s',
      '  tolerations: [{key: dedicated, operator: Equal, value: db, effect: NoExecute, tolerationSeconds: 20}]\n',
      ['50 pod/web Marking for deletion Pod default/web'],
    ],
    [
      'taint removed before: cancelled',
      '  tolerations: [{key: dedicated, operator: Exists, effect: NoExecute, tolerationSeconds: 20}]\n',
      ['40 pod/web Cancelling deletion of Pod default/web'],
    ],
  ])('%s', (name, extra, want) => {
    const untaint = name.startsWith('taint removed')
      ? '  - { at: 40s, patch: { kind: Node, name: node-2, patch: { spec: { taints: [] } } } }\n'
      : '';
    const { events } = sim(TAINT + untaint, 120, [], 3, extra);
    expect(events('TaintManagerEviction')).toEqual(want);
  });
});

describe('versions: the grace period', () => {
  it.each([
    ['1.31', 105],
    ['1.32', 115],
    ['1.34', 115],
  ])('kubernetesVersion %s: Unknown at %is', (version, t) => {
    const text = scenario(LOST).replace(
      '  until: 700s\n',
      `  until: 200s\n  kubernetesVersion: "${version}"\n`,
    );
    const { result } = simulateText(text);
    const unknown = result.trace.find((r) => r.type === 'node.condition' && r.status === 'Unknown');
    expect(unknown?.t).toBe(t);
  });
});

describe('node back', () => {
  it('before the eviction: taints go, the scheduled deletion is cancelled, Ready again', () => {
    const { row, eps, at, json, events } = sim(
      LOST2 + '  - at: 200s\n    node: {name: node-2, state: Ready}\n',
      700,
      [],
      3,
    );
    const ready = at(200).filter((r) => r.type === 'pod.condition' && r.condition === 'Ready');
    expect(ready[0]).toEqual(expect.objectContaining({ t: 200, status: 'True' }));
    expect(eps.filter((e) => +e.split(' ')[0]! >= 100)).toEqual(['155 000', '200 110']);
    expect(json.nodes?.['node-2']?.taints.at(-1)).toEqual({ t: 200, value: [] });
    expect(events('TaintManagerEviction')).toEqual([
      '200 pod/web Cancelling deletion of Pod default/web',
    ]);
    expect(events('NodeReady')).toEqual(['200 node/node-2 Node node-2 status is now: NodeReady']);
    expect(at(200).some((r) => r.type === 'pod.deleting')).toBe(false);
    expect(row(700)).toBe('1/1 Running');
  });

  it('after the eviction: the kubelet kills the containers and the pod is deleted', () => {
    const { row, at } = sim(
      LOST2 + '  - at: 500s\n    node: {name: node-2, state: Ready}\n',
      700,
      [],
      3,
    );
    expect(row(499)).toBe('1/1 Terminating');
    const deleted = at(500).find((r) => r.type === 'pod.deleted');
    expect(deleted?.t).toBeGreaterThanOrEqual(500);
    expect(deleted?.t).toBeLessThanOrEqual(532);
    expect(row(600)).toBe('—');
  });

  it('one node back: Ready True again, the NoSchedule taint goes at once', () => {
    const { taints, row } = sim(LOST + '  - at: 200s\n    node: {name: node-1, state: Ready}\n');
    expect(taints('node-1').at(-1)).toBe('200 ');
    expect(row(700)).toBe('1/1 Running');
  });

  it('an unknown node name is a warning at the action and changes nothing', () => {
    const { row } = sim('  - at: 60s\n    node: {name: node-9, state: Lost}\n', 700, [
      '7:5 nodes "node-9" not found (the node is node-1)',
    ]);
    expect(row(700)).toBe('1/1 Running');
  });
});
