import { describe, expect, it } from 'vitest';
import { parseScenario } from './parseScenario.ts';
import { generatedNode, initialNodes } from './nodes.ts';

const scenario = (spec: string) =>
  `apiVersion: podlab.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n${spec}\n`;
const node = (name: string, extra = '') =>
  `---\napiVersion: v1\nkind: Node\nmetadata: {name: ${name}}\n${extra}`;

describe('Node documents', () => {
  it('defaults capacity to 4 CPU / 8Gi / 110 pods, allocatable to capacity, and adds the kubelet labels', () => {
    const p = parseScenario(node('worker', 'status: {capacity: {cpu: "8"}}\n'));
    expect(p.diagnostics).toEqual([]);
    const o = p.objects[0];
    expect(o?.kind).toBe('Node');
    if (o?.kind !== 'Node') return;
    expect(o.object.status).toEqual({
      capacity: { cpu: '8', memory: '8Gi', pods: '110' },
      allocatable: { cpu: '8', memory: '8Gi', pods: '110' },
    });
    expect(o.object.metadata.labels['kubernetes.io/hostname']).toBe('worker');
  });

  it.each([
    [
      'a taint effect',
      6,
      'spec:\n  taints: [{key: a, effect: Sometimes}]\n',
      'spec.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ],
    [
      'a quantity',
      5,
      'status: {allocatable: {memory: lots}}\n',
      'status.allocatable.memory: Invalid value: "lots": quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    ],
  ])('rejects %s at its line', (_n, line, extra, message) => {
    const p = parseScenario(node('worker', extra));
    expect(p.diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      `${line} error ${message}`,
    ]);
    expect(p.objects).toEqual([]);
  });

  it('reads spec.nodes; out of range is a schema error', () => {
    expect(parseScenario(scenario('  nodes: 3')).scenario.nodes).toBe(3);
    const bad = parseScenario(scenario('  nodes: 0'));
    expect(bad.scenario.nodes).toBeUndefined();
    expect(bad.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });

  it.each<[string, number | undefined, string[], string[]]>([
    ['neither: one node-1', undefined, [], ['node-1']],
    ['shorthand', 3, [], ['node-1', 'node-2', 'node-3']],
    ['documents only', undefined, ['gpu'], ['gpu']],
    ['a document overrides a shorthand node', 2, ['node-2', 'gpu'], ['node-1', 'node-2', 'gpu']],
  ])('initial nodes: %s', (_n, count, docs, want) => {
    expect(initialNodes(count, docs.map(generatedNode)).map((n) => n.metadata.name)).toEqual(want);
  });

  it('no default node when every Node document is applied later', () => {
    expect(initialNodes(undefined, [], true)).toEqual([]);
  });
});

describe('placement warnings', () => {
  const pod = (spec: string) =>
    `---\napiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n${spec}  containers: [{name: app, image: nginx}]\n`;
  const warnings = (text: string) =>
    parseScenario(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);

  it.each<[string, string, string[]]>([
    [
      'a selector some node matches',
      scenario('  nodes: 1') +
        node('ssd', 'metadata: {name: ssd, labels: {disktype: ssd}}\n').replace(
          'metadata: {name: ssd}\n',
          '',
        ) +
        pod('  nodeSelector: {disktype: ssd}\n'),
      [],
    ],
    [
      'a selector nobody matches',
      scenario('  nodes: 2') + pod('  nodeSelector: {disktype: ssd}\n'),
      [
        '11:3 warning nodeSelector disktype=ssd matches no node in this scenario (node-1, node-2): the scheduler cannot place this pod, it stays Pending',
      ],
    ],
    [
      'required affinity nobody matches',
      pod(
        '  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In, values: [a]}]}]\n',
      ),
      [
        '6:3 warning the required node affinity matches no node in this scenario (node-1): the scheduler cannot place this pod, it stays Pending',
      ],
    ],
    ['a known nodeName', pod('  nodeName: node-1\n'), []],
    [
      'an unknown nodeName',
      pod('  nodeName: node-7\n'),
      [
        '6:13 warning node "node-7" is not in this scenario (its nodes: node-1): no kubelet will run this pod, it stays Pending',
      ],
    ],
  ])('%s', (_n, text, want) => {
    expect(warnings(text)).toEqual(want);
  });
});
