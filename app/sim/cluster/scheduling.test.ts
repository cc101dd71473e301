/**
 * The scheduler in the cluster, through YAML and the real runtime (reference cluster.md S1.2–S1.19):
 * placement, FailedScheduling and PodScheduled=False to the second and to the byte, re-queueing on
 * a deleted pod and on a node that registers later, nodeName pods that skip the scheduler.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateText } from '../index.ts';
import { createTraceIndex, getPodRows, toPodsimJson } from '../trace/index.ts';
import type { SimResult, TraceRecord } from '../trace/types.ts';

type EventRec = Extract<TraceRecord, { type: 'event' }>;

function run(text: string) {
  const { parsed, result } = simulateText(text);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { parsed, result, idx: createTraceIndex(result) };
}

const events = (r: SimResult, pod: string, reason?: string): EventRec[] =>
  r.trace.filter(
    (x): x is EventRec =>
      x.type === 'event' && x.object === `pod/${pod}` && (!reason || x.reason === reason),
  );

const podScheduled = (r: SimResult, pod: string) =>
  r.trace.flatMap((x) =>
    x.type === 'pod.condition' && x.pod === pod && x.condition === 'PodScheduled'
      ? [`${x.t} ${x.status}${x.reason ? ` ${x.reason}` : ''} ltt=${x.lastTransitionTime}`]
      : [],
  );

const scenario = (spec: string, docs: string) => `apiVersion: podlab.dev/v1
kind: Scenario
metadata: {name: s}
spec:
${spec}
${docs}`;

const pod = (name: string, extra = '', ctr = '') => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
${extra}  containers:
  - name: app
    image: nginx
${ctr}`;

const cpu = (n: string) => `    resources: {requests: {cpu: "${n}"}}\n`;

const ONE_NODE_FULL =
  '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.';

describe('the disktype: ssd example', () => {
  const text = readFileSync(
    new URL('../../scenario/examples/29-node-selector-ssd.yaml', import.meta.url),
    'utf8',
  );
  const { result, idx } = run(text);

  it('binds fast to the labelled node at 0 s and runs it there', () => {
    expect(events(result, 'fast', 'Scheduled').map((e) => `${e.t} ${e.message}`)).toEqual([
      '0 Successfully assigned default/fast to node-2',
    ]);
    const rows = getPodRows(idx, 5);
    expect(rows.map((r) => `${r.name} ${r.status} ${r.ip} ${r.node}`)).toEqual([
      'fast Running 10.244.2.2 node-2',
      'huge Pending <none> <none>',
    ]);
  });

  it('reports huge unschedulable with the 1.34 message, retried after 5 min in the pool', () => {
    const msg =
      '0/2 nodes are available: 2 Insufficient cpu. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.';
    expect(
      events(result, 'huge').map((e) => `${e.t} ${e.eventType} ${e.reason} ${e.message}`),
    ).toEqual([`0 Warning FailedScheduling ${msg}`]);
    expect(podScheduled(result, 'huge')).toEqual(['0 False Unschedulable ltt=0']);
    const longer = simulateText(text, { until: 700 }).result;
    expect(events(longer, 'huge').map((e) => e.t)).toEqual([0, 330, 660]);
    // The condition only changes when its status or message does.
    expect(podScheduled(longer, 'huge')).toEqual(['0 False Unschedulable ltt=0']);
  });

  it("adds nodes and the pods' node series to the JSON", () => {
    const json = toPodsimJson(result, idx);
    expect(json.pods.fast?.node).toEqual([{ t: 0, value: 'node-2' }]);
    expect(json.pods.huge?.node).toEqual([]);
    expect(json.pods.huge?.conditions.PodScheduled).toEqual([
      { t: 0, status: 'False', reason: 'Unschedulable' },
    ]);
    expect(json.nodes).toEqual({
      'node-1': {
        ready: [{ t: 0, status: 'True', reason: 'KubeletReady' }],
        unschedulable: [{ t: 0, value: false }],
        taints: [{ t: 0, value: [] }],
      },
      'node-2': {
        ready: [{ t: 0, status: 'True', reason: 'KubeletReady' }],
        unschedulable: [{ t: 0, value: false }],
        taints: [{ t: 0, value: [] }],
      },
    });
  });
});

describe('scheduling in the cluster', () => {
  it('keeps the single implicit node: no nodes in the JSON, pods on node-1', () => {
    const { result, idx } = run(pod('web'));
    const json = toPodsimJson(result, idx);
    expect(json.nodes).toBeUndefined();
    expect(json.pods.web?.node).toBeUndefined();
    expect(events(result, 'web', 'Scheduled').map((e) => `${e.t} ${e.message}`)).toEqual([
      '0 Successfully assigned default/web to node-1',
    ]);
  });

  it('re-queues a pending pod when an assigned pod is deleted and binds it at that instant', () => {
    const { result } = run(
      scenario(
        '  until: 2m\n  nodes: 1\n  actions:\n  - {at: 30s, delete: {kind: Pod, name: a}}',
        pod('a', '', cpu('3')) + pod('b', '', cpu('2')),
      ),
    );
    expect(events(result, 'b', 'FailedScheduling').map((e) => `${e.t} ${e.message}`)).toEqual([
      `0 ${ONE_NODE_FULL}`,
    ]);
    const gone = result.trace.find(
      (x) => x.type === 'object.deleted' && x.kind === 'Pod' && x.name === 'a',
    );
    expect(gone?.t).toBeGreaterThan(30);
    expect(events(result, 'b', 'Scheduled').map((e) => `${e.t} ${e.message}`)).toEqual([
      `${gone?.t} Successfully assigned default/b to node-1`,
    ]);
    expect(podScheduled(result, 'b')).toEqual([
      '0 False Unschedulable ltt=0',
      `${gone?.t} True ltt=${gone?.t}`,
    ]);
  });

  it('binds a pending pod when a matching Node registers later', () => {
    const { result, idx } = run(
      scenario(
        '  until: 1m\n  nodes: 1\n  actions:\n  - {at: 20s, apply: {kind: Node, name: node-2}}',
        pod('web', '  nodeSelector: {disktype: ssd}\n') +
          '---\napiVersion: v1\nkind: Node\nmetadata: {name: node-2, labels: {disktype: ssd}}\n',
      ),
    );
    expect(
      events(result, 'web')
        .map((e) => `${e.t} ${e.reason}`)
        .slice(0, 2),
    ).toEqual(['0 FailedScheduling', '20 Scheduled']);
    expect(events(result, 'web', 'FailedScheduling')[0]?.message).toBe(
      "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    );
    expect(getPodRows(idx, 25).map((r) => `${r.status} ${r.node} ${r.ip}`)).toEqual([
      'Running node-2 10.244.2.2',
    ]);
  });

  it('re-queues on a relabelled node (a Node document applied over a shorthand node)', () => {
    const { result } = run(
      scenario(
        '  until: 1m\n  nodes: 2\n  actions:\n  - {at: 20s, apply: {kind: Node, name: node-2}}',
        pod('web', '  nodeSelector: {disktype: ssd}\n') +
          '---\napiVersion: v1\nkind: Node\nmetadata: {name: node-2, labels: {disktype: ssd}}\n',
      ),
    );
    expect(
      events(result, 'web')
        .map((e) => `${e.t} ${e.reason}`)
        .slice(0, 2),
    ).toEqual(['0 FailedScheduling', '20 Scheduled']);
    expect(events(result, 'web', 'Scheduled')[0]?.message).toBe(
      'Successfully assigned default/web to node-2',
    );
  });

  it('a pod tolerating the unschedulable taint may land on a cordoned node', () => {
    const { result } = run(
      scenario(
        '  until: 10s',
        '---\napiVersion: v1\nkind: Node\nmetadata: {name: node-a}\nspec: {unschedulable: true}\n' +
          pod(
            'web',
            '  tolerations: [{key: node.kubernetes.io/unschedulable, operator: Exists, effect: NoSchedule}]\n',
          ),
      ),
    );
    expect(events(result, 'web', 'Scheduled').map((e) => e.message)).toEqual([
      'Successfully assigned default/web to node-a',
    ]);
  });

  it.each([
    [
      'a NoSchedule taint (1.34.0 wording)',
      '---\napiVersion: v1\nkind: Node\nmetadata: {name: gpu}\nspec:\n  taints: [{key: dedicated, value: gpu, effect: NoSchedule}]\n',
      '',
      '0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    ],
    [
      'a cordoned node',
      '---\napiVersion: v1\nkind: Node\nmetadata: {name: node-a}\nspec: {unschedulable: true}\n',
      '',
      '0/1 nodes are available: 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    ],
    [
      'a host port in use',
      '---\napiVersion: v1\nkind: Node\nmetadata: {name: node-a}\n' +
        pod('first', '', '    ports: [{containerPort: 80, hostPort: 8080}]\n'),
      '    ports: [{containerPort: 80, hostPort: 8080}]\n',
      "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    ],
    [
      'a node short of memory and pods',
      '---\napiVersion: v1\nkind: Node\nmetadata: {name: node-a}\nstatus: {capacity: {pods: "1", memory: 1Gi}}\n' +
        pod('first'),
      '    resources: {requests: {memory: 2Gi}}\n',
      '0/1 nodes are available: 1 Insufficient memory, 1 Too many pods. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    ],
  ])('leaves a pod Pending on %s', (_n, docs, ctr, message) => {
    const { result, idx } = run(scenario('  until: 30s', docs + pod('web', '', ctr)));
    expect(events(result, 'web').map((e) => `${e.t} ${e.reason} ${e.message}`)).toEqual([
      `0 FailedScheduling ${message}`,
    ]);
    expect(getPodRows(idx, 10).find((r) => r.name === 'web')?.status).toBe('Pending');
  });

  it('spreads identical pods over identical nodes (least allocated, ties by name)', () => {
    const { result } = run(
      scenario(
        '  until: 10s\n  nodes: 2',
        pod('a', '', cpu('1')) + pod('b', '', cpu('1')) + pod('c', '', cpu('1')),
      ),
    );
    const placed = result.trace.flatMap((x) =>
      x.type === 'event' && x.reason === 'Scheduled' ? [x.message] : [],
    );
    expect(placed).toEqual([
      'Successfully assigned default/a to node-1',
      'Successfully assigned default/b to node-2',
      'Successfully assigned default/c to node-1',
    ]);
  });

  it('runs a nodeName pod on that node without the scheduler', () => {
    const { result, idx } = run(
      scenario('  until: 10s\n  nodes: 2', pod('pinned', '  nodeName: node-2\n')),
    );
    expect(events(result, 'pinned', 'Scheduled')).toEqual([]);
    expect(getPodRows(idx, 5).map((r) => `${r.status} ${r.node} ${r.ip}`)).toEqual([
      'Running node-2 10.244.2.2',
    ]);
  });

  it.each([
    [
      'more cpu than the node has',
      '',
      cpu('5'),
      'OutOfcpu',
      "Node didn't have enough resource: cpu, requested: 5000, used: 0, capacity: 4000",
    ],
    [
      'a selector the node does not match',
      '  nodeSelector: {disktype: ssd}\n',
      '',
      'NodeAffinity',
      "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector",
    ],
  ])('the kubelet rejects a nodeName pod with %s', (_n, extra, ctr, reason, message) => {
    const { result, idx } = run(
      scenario('  until: 10s', pod('big', `  nodeName: node-1\n${extra}`, ctr)),
    );
    expect(
      events(result, 'big').map(
        (e) => `${e.t} ${e.eventType} ${e.reason} ${e.source} ${e.message}`,
      ),
    ).toEqual([`0 Warning ${reason} kubelet ${message}`]);
    const phase = result.trace.find((x) => x.type === 'pod.phase' && x.pod === 'big');
    expect(phase).toMatchObject({
      t: 0,
      phase: 'Failed',
      reason,
      message: `Pod was rejected: ${message}`,
    });
    expect(getPodRows(idx, 5).map((r) => `${r.ready} ${r.status} ${r.node}`)).toEqual([
      `0/1 ${reason} node-1`,
    ]);
  });

  it('leaves a pod naming an unknown node Pending, with a warning at its line', () => {
    const { parsed, result, idx } = run(
      scenario('  until: 10s\n  nodes: 2', pod('lost', '  nodeName: node-9\n')),
    );
    expect(parsed.diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      '12 warning node "node-9" is not in this scenario (its nodes: node-1, node-2): no kubelet will run this pod, it stays Pending',
    ]);
    expect(result.trace.filter((x) => x.type === 'event')).toEqual([]);
    expect(getPodRows(idx, 5).map((r) => `${r.status} ${r.node}`)).toEqual(['Pending node-9']);
  });

  it('deletes a pod that was never bound at once', () => {
    const { result, idx } = run(
      scenario(
        '  until: 30s\n  actions:\n  - {at: 10s, delete: {kind: Pod, name: web}}',
        pod('web', '  nodeSelector: {disktype: ssd}\n'),
      ),
    );
    const gone = result.trace.find((x) => x.type === 'object.deleted' && x.name === 'web');
    expect(gone?.t).toBe(10);
    expect(getPodRows(idx, 11)).toEqual([]);
  });
});

describe('a lost node in the nodes series', () => {
  it('goes Unknown when the controller notices, and Ready again when the kubelet is back', () => {
    const { result, idx } = run(
      scenario(
        '  until: 5m\n  nodes: 2\n  actions:\n  - {at: 60s, node: {name: node-2, state: Lost}}\n  - {at: 200s, node: {name: node-2, state: Ready}}',
        pod('a', '  nodeName: node-1\n') + pod('b', '  nodeName: node-2\n'),
      ),
    );
    const json = toPodsimJson(result, idx);
    // Power-off at 60 s (last Lease renewal 60 s), grace 50 s, passes every 5 s: Unknown at the
    // first pass strictly after 110 s.
    expect(json.nodes?.['node-2']?.ready).toEqual([
      { t: 0, status: 'True', reason: 'KubeletReady' },
      { t: 115, status: 'Unknown', reason: 'NodeStatusUnknown' },
      { t: 200, status: 'True', reason: 'KubeletReady' },
    ]);
    expect(json.nodes?.['node-1']?.ready).toEqual([
      { t: 0, status: 'True', reason: 'KubeletReady' },
    ]);
    // Only the lost node's pod is marked NotReady.
    expect(events(result, 'b', 'NodeNotReady').map((e) => e.t)).toEqual([115]);
    expect(events(result, 'a', 'NodeNotReady')).toEqual([]);
  });
});
