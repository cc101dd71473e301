import { describe, expect, it } from 'vitest';
import {
  nodeAffinity,
  nodeName,
  nodePorts,
  nodeResourcesFit,
  nodeUnschedulable,
  runFilters,
  taintToleration,
  type Filter,
} from './filters.ts';
import { info, node, pod, requesting, taint } from './testNodes.ts';
import type { NodeInfo, SchedPod } from './types.ts';

type Row = [string, Filter, SchedPod, NodeInfo, string | undefined];

const web = pod('web');
const ssdNode = node('node-2', { labels: { disktype: 'ssd' } });
const wantsSsd = pod('web', { nodeSelector: { disktype: 'ssd' } });
const affinity = (operator: string, values?: string[]) =>
  pod('web', {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'disktype', operator, values }] }],
        },
      },
    },
  });
const hostPort = (port: number, hostIP?: string, protocol?: string) =>
  pod('p', {
    containers: [{ name: 'app', ports: [{ containerPort: 80, hostPort: port, hostIP, protocol }] }],
  });

const rows: Row[] = [
  // NodeUnschedulable
  ['schedulable node', nodeUnschedulable, web, info(node('n')), undefined],
  [
    'cordoned node',
    nodeUnschedulable,
    web,
    info(node('n', { unschedulable: true })),
    'U node(s) were unschedulable',
  ],
  [
    'cordoned, pod tolerates the unschedulable taint',
    nodeUnschedulable,
    pod('web', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists' }] }),
    info(node('n', { unschedulable: true })),
    undefined,
  ],
  // NodeName
  ['no nodeName', nodeName, web, info(node('n')), undefined],
  ['nodeName matches', nodeName, pod('web', { nodeName: 'n' }), info(node('n')), undefined],
  [
    'nodeName differs',
    nodeName,
    pod('web', { nodeName: 'm' }),
    info(node('n')),
    "U node(s) didn't match the requested node name",
  ],
  // TaintToleration
  [
    'NoSchedule taint, no toleration',
    taintToleration,
    web,
    info(node('n', { taints: [taint('dedicated', 'gpu', 'NoSchedule')] })),
    'U node(s) had untolerated taint {dedicated: gpu}',
  ],
  [
    'empty value prints as {key: }',
    taintToleration,
    web,
    info(
      node('n', {
        taints: [taint('node-role.kubernetes.io/control-plane', undefined, 'NoExecute')],
      }),
    ),
    'U node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
  ],
  [
    'PreferNoSchedule only scores',
    taintToleration,
    web,
    info(node('n', { taints: [taint('a', 'b', 'PreferNoSchedule')] })),
    undefined,
  ],
  [
    'Equal toleration',
    taintToleration,
    pod('web', { tolerations: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
    info(node('n', { taints: [taint('dedicated', 'gpu', 'NoSchedule')] })),
    undefined,
  ],
  [
    'Equal toleration, other value',
    taintToleration,
    pod('web', { tolerations: [{ key: 'dedicated', value: 'cpu', effect: 'NoSchedule' }] }),
    info(node('n', { taints: [taint('dedicated', 'gpu', 'NoSchedule')] })),
    'U node(s) had untolerated taint {dedicated: gpu}',
  ],
  [
    'Exists without key tolerates all; tolerationSeconds ignored',
    taintToleration,
    pod('web', { tolerations: [{ operator: 'Exists', tolerationSeconds: 5 }] }),
    info(node('n', { taints: [taint('x', 'y', 'NoExecute')] })),
    undefined,
  ],
  [
    'toleration for another effect',
    taintToleration,
    pod('web', { tolerations: [{ key: 'x', operator: 'Exists', effect: 'NoSchedule' }] }),
    info(node('n', { taints: [taint('x', 'y', 'NoExecute')] })),
    'U node(s) had untolerated taint {x: y}',
  ],
  // NodeAffinity
  ['nodeSelector matches', nodeAffinity, wantsSsd, info(ssdNode), undefined],
  [
    'nodeSelector misses',
    nodeAffinity,
    wantsSsd,
    info(node('node-1')),
    "U node(s) didn't match Pod's node affinity/selector",
  ],
  ['affinity In', nodeAffinity, affinity('In', ['ssd', 'nvme']), info(ssdNode), undefined],
  [
    'affinity NotIn',
    nodeAffinity,
    affinity('NotIn', ['ssd']),
    info(ssdNode),
    "U node(s) didn't match Pod's node affinity/selector",
  ],
  [
    'affinity NotIn on a node without the label',
    nodeAffinity,
    affinity('NotIn', ['ssd']),
    info(node('n')),
    undefined,
  ],
  ['affinity Exists', nodeAffinity, affinity('Exists'), info(ssdNode), undefined],
  [
    'affinity DoesNotExist',
    nodeAffinity,
    affinity('DoesNotExist'),
    info(ssdNode),
    "U node(s) didn't match Pod's node affinity/selector",
  ],
  [
    'affinity Gt compares integers',
    nodeAffinity,
    pod('web', {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['8'] }] },
            ],
          },
        },
      },
    }),
    info(node('n', { labels: { cores: '16' } })),
    undefined,
  ],
  // NodePorts
  ['no host ports', nodePorts, web, info(node('n'), [hostPort(8080)]), undefined],
  ['free port', nodePorts, hostPort(8081), info(node('n'), [hostPort(8080)]), undefined],
  [
    'port taken',
    nodePorts,
    hostPort(8080),
    info(node('n'), [hostPort(8080)]),
    "S node(s) didn't have free ports for the requested pod ports",
  ],
  [
    'same port, other protocol',
    nodePorts,
    hostPort(53, undefined, 'UDP'),
    info(node('n'), [hostPort(53)]),
    undefined,
  ],
  [
    'same port, two specific IPs',
    nodePorts,
    hostPort(80, '10.0.0.1'),
    info(node('n'), [hostPort(80, '10.0.0.2')]),
    undefined,
  ],
  [
    'same port, 0.0.0.0 against a specific IP',
    nodePorts,
    hostPort(80),
    info(node('n'), [hostPort(80, '10.0.0.2')]),
    "S node(s) didn't have free ports for the requested pod ports",
  ],
  // NodeResourcesFit
  ['no requests fit', nodeResourcesFit, web, info(node('n')), undefined],
  [
    'cpu short because of bound pods',
    nodeResourcesFit,
    pod('b', { containers: [requesting('2')] }),
    info(node('n'), [pod('a', { containers: [requesting('3')] })]),
    'S Insufficient cpu',
  ],
  [
    'exactly fills the node',
    nodeResourcesFit,
    pod('b', { containers: [requesting('1')] }),
    info(node('n'), [pod('a', { containers: [requesting('3')] })]),
    undefined,
  ],
  [
    'more than the whole node: unresolvable',
    nodeResourcesFit,
    pod('big', { containers: [requesting('8')] }),
    info(node('n')),
    'U Insufficient cpu',
  ],
  [
    'cpu and memory both short',
    nodeResourcesFit,
    pod('b', { containers: [requesting('500m', '1Gi')] }),
    info(node('n', { cpu: 1000, memory: 2 ** 30 }), [
      pod('a', { containers: [requesting('600m', '512Mi')] }),
    ]),
    'S Insufficient cpu,Insufficient memory',
  ],
  ['pod slots', nodeResourcesFit, web, info(node('n', { pods: 1 }), [pod('a')]), 'S Too many pods'],
  [
    'init container larger than the containers',
    nodeResourcesFit,
    pod('b', {
      initContainers: [{ ...requesting('3'), name: 'init' }],
      containers: [requesting('1')],
    }),
    info(node('n'), [pod('a', { containers: [requesting('2')] })]),
    'S Insufficient cpu',
  ],
];

describe('filter plugins', () => {
  it.each(rows)('%s', (_name, filter, p, i, want) => {
    const r = filter(p, i);
    expect(r ? `${r.code} ${r.reasons.join(',')}` : undefined).toBe(want);
  });

  it('stops at the first rejecting plugin (a cordoned full node reports only unschedulable)', () => {
    const r = runFilters(
      pod('big', { containers: [requesting('8')] }),
      info(node('n', { unschedulable: true })),
    );
    expect(r?.reasons).toEqual(['node(s) were unschedulable']);
  });
});
