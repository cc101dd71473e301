/**
 * Cordon, uncordon and drain through YAML (reference cluster.md N2.12–N2.14): the `node` action's
 * `Cordoned`, `Ready` and `Drained` states, kubectl's output lines in the `actions` series.
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../index.ts';
import { createTraceIndex, getPodRows, toPodsimJson } from '../trace/index.ts';

const pod = (name: string, node: string) => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: web}}
spec:
  nodeName: ${node}
  containers: [{name: nginx, image: nginx}]
`;

function run(acts: string, pods = pod('a', 'node-2') + pod('b', 'node-2') + pod('c', 'node-1')) {
  const text = `apiVersion: podlab.dev/v1
kind: Scenario
metadata: {name: drain}
spec:
  until: 120s
  nodes: 3
  actions:
${acts}${pods}`;
  const { result, parsed } = simulateText(text);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const idx = createTraceIndex(result);
  const json = toPodsimJson(result, idx);
  const actions = (json.actions ?? []).map((a) => `${a.t} ${a.message ?? ''}`);
  const rows = (t: number) => getPodRows(idx, t).map((r) => `${r.name} ${r.status}`);
  return { json, actions, rows, result };
}

describe('cordon and uncordon', () => {
  it.each([
    [
      'cordon, again, uncordon, again',
      '  - {at: 10s, node: {name: node-2, state: Cordoned}}\n  - {at: 20s, node: {name: node-2, state: Cordoned}}\n  - {at: 30s, node: {name: node-2, state: Ready}}\n  - {at: 40s, node: {name: node-2, state: Ready}}\n',
      [
        '10 node/node-2 cordoned',
        '20 node/node-2 already cordoned',
        '30 node/node-2 uncordoned',
        '40 node/node-2 already uncordoned',
      ],
    ],
  ])('%s', (_n, actions, want) => {
    const { json, actions: got, rows } = run(actions);
    expect(got).toEqual(want);
    expect(json.nodes?.['node-2']?.unschedulable).toEqual([
      { t: 0, value: false },
      { t: 10, value: true },
      { t: 30, value: false },
    ]);
    expect(json.nodes?.['node-2']?.taints).toEqual([
      { t: 0, value: [] },
      { t: 10, value: ['node.kubernetes.io/unschedulable:NoSchedule'] },
      { t: 30, value: [] },
    ]);
    // Running pods are untouched by a cordon.
    expect(rows(35)).toEqual(['a Running', 'b Running', 'c Running']);
  });
});

describe('drain', () => {
  it('cordons, warns about bare pods, evicts each, waits for them to go, drained', () => {
    const { actions, rows, json } = run('  - {at: 30s, node: {name: node-2, state: Drained}}\n');
    expect(actions).toEqual([
      [
        '30 node/node-2 cordoned',
        'Warning: deleting Pods that declare no controller: default/a, default/b',
        'evicting pod default/a',
        'evicting pod default/b',
      ].join('\n'),
      '32 pod/a evicted',
      '32 pod/b evicted',
      '32 node/node-2 drained',
    ]);
    expect(rows(31)).toEqual(['c Running']);
    expect(rows(40)).toEqual(['c Running']);
    expect(json.pods['a']?.conditions['DisruptionTarget']).toEqual([
      { t: 30, status: 'True', reason: 'EvictionByEvictionAPI' },
    ]);
  });

  it('an empty node: cordoned and drained at once', () => {
    const { actions } = run('  - {at: 30s, node: {name: node-3, state: Drained}}\n');
    expect(actions).toEqual(['30 node/node-3 cordoned\nnode/node-3 drained']);
  });
});

describe('drain against a PodDisruptionBudget (C4 with bare pods: nobody replaces them)', () => {
  const PDB = `---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  minAvailable: 2
  selector: {matchLabels: {app: web}}
`;
  const { actions, result } = run(
    '  - {at: 30s, node: {name: node-2, state: Drained}}\n',
    pod('a', 'node-2') + pod('b', 'node-2') + pod('c', 'node-1') + PDB,
  );
  const refused =
    'error when evicting pods/"b" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget.';

  it('one eviction allowed, the other refused with 429 and retried every 5 s', () => {
    expect(actions.slice(0, 5)).toEqual([
      [
        '30 node/node-2 cordoned',
        'Warning: deleting Pods that declare no controller: default/a, default/b',
        'evicting pod default/a',
        'evicting pod default/b',
        refused,
      ].join('\n'),
      '32 pod/a evicted',
      '35 evicting pod default/b',
      `35 ${refused}`,
      '40 evicting pod default/b',
    ]);
    expect(actions.some((a) => a.includes('drained'))).toBe(false);
  });

  it('the budget status (disruption.go): 1 allowed at 3 healthy, 0 from the eviction on', () => {
    const status = result.trace.flatMap((r) =>
      r.type === 'pdb.status'
        ? [`${r.t} ${r.currentHealthy}/${r.desiredHealthy} allowed ${r.disruptionsAllowed}`]
        : [],
    );
    // Ready at 3 s one by one; the eviction's decrement, then a deleting; a gone at 31 (2 expected).
    expect(status).toEqual([
      '0 0/2 allowed 0',
      '3 1/2 allowed 0',
      '3 2/2 allowed 0',
      '3 3/2 allowed 1',
      '30 3/2 allowed 0',
      '30 2/2 allowed 0',
      '31 2/2 allowed 0',
    ]);
  });
});
