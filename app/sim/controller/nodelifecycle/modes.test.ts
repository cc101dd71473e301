/**
 * Disruption modes end to end (handleDisruption, doNoExecuteTaintingPass): when the NoExecute
 * taint lands on each lost node, and the pods' eviction 300 s later. Nodes lost at 100 s: Unknown
 * at 155, first NoExecute at 160, further nodes of a zone 10 s apart (0.1/s, burst 1).
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../../index.ts';
import { createTraceIndex, toPodsimJson } from '../../trace/index.ts';

const node = (name: string, zone?: string) => `---
apiVersion: v1
kind: Node
metadata: {name: ${name}${zone ? `, labels: {topology.kubernetes.io/zone: ${zone}}` : ''}}
`;
const pod = (name: string, on: string) => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  nodeName: ${on}
  containers: [{name: nginx, image: nginx}]
`;

function run(nodes: [string, string?][], lost: string[]) {
  const actions = lost.map((n) => `  - {at: 100s, node: {name: ${n}, state: Lost}}\n`).join('');
  const text = `apiVersion: podlab.dev/v1
kind: Scenario
metadata: {name: modes}
spec:
  until: 600s
  actions:
${actions}${nodes.map(([n, z]) => node(n, z)).join('')}${nodes.map(([n]) => pod(`p-${n}`, n)).join('')}`;
  const { result, parsed } = simulateText(text);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const json = toPodsimJson(result, createTraceIndex(result));
  const noExecute = Object.entries(json.nodes ?? {}).flatMap(([n, s]) => {
    const first = s.taints.find((x) => x.value.some((v) => v.endsWith(':NoExecute')));
    return first ? [`${first.t} ${n}`] : [];
  });
  const evicted = json.events
    .filter((e) => e.reason === 'TaintManagerEviction')
    .map((e) => `${e.t} ${e.object}`);
  return { noExecute: noExecute.sort(), evicted: evicted.sort() };
}

const three = (zone?: string): [string, string?][] => [
  ['node-1', zone],
  ['node-2', zone],
  ['node-3', zone],
];

describe('zone states decide the tainting', () => {
  it.each([
    ['1 of 3 lost: Normal', three(), ['node-2'], ['160 node-2'], ['460 pod/p-node-2']],
    [
      '2 of 3 lost: Normal (not more than 2), the second 10 s later',
      three(),
      ['node-2', 'node-3'],
      ['160 node-2', '170 node-3'],
      ['460 pod/p-node-2', '470 pod/p-node-3'],
    ],
    [
      '3 of 4 lost: PartialDisruption, a small zone stops tainting',
      [...three(), ['node-4']] as [string, string?][],
      ['node-2', 'node-3', 'node-4'],
      [],
      [],
    ],
    [
      'all 3 lost: every zone FullDisruption, nothing',
      three(),
      ['node-1', 'node-2', 'node-3'],
      [],
      [],
    ],
    [
      'zone a fully down while zone b is up: tainted at the normal rate',
      [
        ['node-1', 'a'],
        ['node-2', 'b'],
        ['node-3', 'b'],
      ] as [string, string?][],
      ['node-1'],
      ['160 node-1'],
      ['460 pod/p-node-1'],
    ],
  ])('%s', (_n, nodes, lost, noExecute, evicted) => {
    const r = run(nodes, lost);
    expect(r.noExecute).toEqual(noExecute);
    expect(r.evicted).toEqual(evicted);
  });
});
