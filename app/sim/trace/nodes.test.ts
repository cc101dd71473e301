/** get nodes / describe node through the engine: the node's pods, requests and percentages. */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../index.ts';
import { describeNodeAt, formatNodesTable, getNodeRows } from './nodes.ts';
import { createTraceIndex } from './traceIndex.ts';
import { bytesText, cpuText } from './quantityText.ts';

const TEXT = `apiVersion: podlab.dev/v1
kind: Scenario
metadata: {name: nodes}
spec:
  until: 10m
---
apiVersion: v1
kind: Node
metadata:
  name: node-1
  labels: {node-role.kubernetes.io/worker: ""}
spec:
  unschedulable: true
  taints: [{key: dedicated, value: gpu, effect: NoSchedule}]
---
apiVersion: v1
kind: Node
metadata: {name: node-2}
status: {capacity: {cpu: "2", memory: 4Gi, pods: "10"}}
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: app
    image: nginx
    resources:
      requests: {cpu: 500m, memory: 256Mi}
      limits: {cpu: "1", memory: 512Mi}
`;

describe('node projections', () => {
  const { result } = simulateText(TEXT);
  const idx = createTraceIndex(result);

  it('get nodes: status with SchedulingDisabled, roles, age, version', () => {
    expect(formatNodesTable(getNodeRows(idx, 390))).toBe(
      'NAME     STATUS                     ROLES    AGE     VERSION\n' +
        'node-1   Ready,SchedulingDisabled   worker   6m30s   v1.32.0\n' +
        'node-2   Ready                      <none>   6m30s   v1.32.0\n',
    );
  });

  it('describe node: taints, lease and heartbeat times, pods with requests and percentages', () => {
    const out = describeNodeAt(idx, 'node-2', 390) ?? '';
    expect(out).toContain('Taints:             <none>\nUnschedulable:      false\n');
    expect(out).toContain('  RenewTime:       Thu, 01 Jan 2026 00:06:30 +0000\n');
    expect(out).toContain(
      '  Ready            True    Thu, 01 Jan 2026 00:05:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletReady',
    );
    expect(out).toContain('Capacity:\n  cpu:     2\n  memory:  4Gi\n  pods:    10\n');
    expect(out).toContain(
      '  default                     web     500m (25%)    1 (50%)     256Mi (6%)       512Mi (12%)    6m30s\n',
    );
    expect(out).toContain(
      '  cpu                500m (25%)  1 (50%)\n  memory             256Mi (6%)  512Mi (12%)\n  ephemeral-storage  0 (0%)      0 (0%)\n',
    );
    expect(out.endsWith('Events:              <none>\n')).toBe(true);
  });

  it('describe node: sorted taints and a cordoned node without pods', () => {
    const out = describeNodeAt(idx, 'node-1', 10) ?? '';
    expect(out).toContain(
      // The node lifecycle controller adds the unschedulable taint of a cordoned node (N2.4).
      'Taints:             dedicated=gpu:NoSchedule\n                    node.kubernetes.io/unschedulable:NoSchedule\nUnschedulable:      true\n',
    );
    expect(out).toContain('Non-terminated Pods:          (0 in total)\n');
    expect(describeNodeAt(idx, 'node-9', 10)).toBeUndefined();
  });

  it('a node that joins later: its registration events', () => {
    const later = simulateText(
      TEXT.replace(
        '  until: 10m\n',
        '  until: 10m\n  actions:\n  - {at: 30s, apply: {kind: Node, name: node-2}}\n',
      ),
    );
    const li = createTraceIndex(later.result);
    expect(getNodeRows(li, 20).map((r) => r.name)).toEqual(['node-1']);
    const out = describeNodeAt(li, 'node-2', 90) ?? '';
    expect(out).toContain('CreationTimestamp:  Thu, 01 Jan 2026 00:00:30 +0000\n');
    expect(out.slice(out.indexOf('Events:'))).toBe(
      'Events:\n' +
        '  Type    Reason                   Age   From             Message\n' +
        '  ----    ------                   ----  ----             -------\n' +
        '  Normal  Starting                 60s   kubelet          Starting kubelet.\n' +
        '  Normal  NodeHasSufficientMemory  60s   kubelet          Node node-2 status is now: NodeHasSufficientMemory\n' +
        '  Normal  NodeHasNoDiskPressure    60s   kubelet          Node node-2 status is now: NodeHasNoDiskPressure\n' +
        '  Normal  NodeHasSufficientPID     60s   kubelet          Node node-2 status is now: NodeHasSufficientPID\n' +
        '  Normal  NodeAllocatableEnforced  60s   kubelet          Updated Node Allocatable limit across pods\n' +
        '  Normal  RegisteredNode           60s   node-controller  Node node-2 event: Registered Node node-2 in Controller\n',
    );
  });

  it.each([
    [0, '0'],
    [250, '250m'],
    [2000, '2'],
  ])('cpu %i m prints %s', (m, s) => expect(cpuText(m)).toBe(s));

  it.each([
    [0, '0'],
    [256 * 2 ** 20, '256Mi'],
    [8 * 2 ** 30, '8Gi'],
    [128e6, '128M'],
    [1000, '1k'],
    [1001, '1001'],
  ])('%i bytes prints %s', (b, s) => expect(bytesText(b)).toBe(s));
});
