/** DaemonSet timelines (reference cluster.md W3.29–W3.31, pkg/controller/daemon), to the second. */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../../index.ts';
import type { DaemonSetObject } from '../../trace/types.ts';

/** A pod Ready 2 s after it is created that exits at once on SIGTERM. */
function scenario(opts: {
  spec?: string;
  actions?: string;
  until?: string;
  nodes?: number;
  extra?: string;
  command?: string;
}) {
  return `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: t }
spec:
  until: ${opts.until ?? '2m'}
  nodes: ${opts.nodes ?? 3}
  actions:
${opts.actions ?? '  - { at: 100s, node: { name: node-1, state: Cordoned } }'}
---
apiVersion: v1
kind: Node
metadata: { name: node-3 }
spec:
  taints: [{ key: dedicated, value: gpu, effect: NoSchedule }]
${opts.extra ?? ''}---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
${opts.spec ?? ''}  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers:
        - name: app
          image: busybox:1.36
          command: ["sh", "-c", "${opts.command ?? "trap 'exit 0' TERM; touch /tmp/ready; sleep 3600 & wait"}"]
          readinessProbe: { exec: { command: [cat, /tmp/ready] }, periodSeconds: 1 }
`;
}

function podOn(r: ReturnType<typeof run>, node: string): string {
  const l = r.lines.find((x) => x.includes('Created') && x.endsWith(`@${node}`)) ?? '';
  return /agent-[a-z0-9]{5}/.exec(l)?.[0] ?? '';
}

function run(text: string) {
  const { parsed, result } = simulateText(text);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const nodeOf = new Map<string, string>();
  const lines: string[] = [];
  for (const r of result.trace) {
    if (r.type === 'event' && r.reason === 'Scheduled')
      nodeOf.set(r.object.replace('pod/', ''), r.message.split(' to ')[1] ?? '');
    if (r.type === 'event' && r.source === 'daemonset-controller')
      lines.push(`${r.t} ${r.reason} ${r.message}`);
    if (r.type === 'pod.condition' && r.condition === 'Ready' && r.status === 'True')
      lines.push(`${r.t} ${nodeOf.get(r.pod) ?? '?'} Ready`);
    if (r.type === 'pod.deleted') lines.push(`${r.t} ${nodeOf.get(r.pod) ?? '?'} gone`);
  }
  const sets = result.trace.flatMap((r) =>
    r.type === 'workload' && r.object.kind === 'DaemonSet' ? [r.object as DaemonSetObject] : [],
  );
  // Pod names are seeded; the lines name nodes so they read as the rule says.
  const named = lines.map((l) => l.replace(/agent-[a-z0-9]{5}/g, (p) => `${p}@${nodeOf.get(p)}`));
  return { lines: named, last: sets.at(-1), result };
}

describe('W3.29 placement: one pod per node whose taints the pod tolerates', () => {
  const r = run(scenario({}));

  it('skips the node with an untolerated NoSchedule taint, and keeps running on a cordoned node', () => {
    expect(r.lines.filter((l) => !l.includes('Ready'))).toEqual([
      expect.stringMatching(/^0 SuccessfulCreate Created pod: agent-\w+@node-1$/),
      expect.stringMatching(/^0 SuccessfulCreate Created pod: agent-\w+@node-2$/),
    ]);
    expect(r.last?.status).toMatchObject({
      desiredNumberScheduled: 2,
      currentNumberScheduled: 2,
      numberReady: 2,
      numberAvailable: 2,
      numberMisscheduled: 0,
      observedGeneration: 1,
    });
  });

  it('adds the daemon tolerations and pins each pod to its node with matchFields', () => {
    const applied = r.result.trace.flatMap((x) =>
      x.type === 'object.applied' && x.source.kind === 'Pod' ? [x.source.object] : [],
    );
    expect(applied).toHaveLength(2);
    const spec = (applied[0] as { spec: Record<string, unknown> }).spec;
    expect(spec.affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] },
          ],
        },
      },
    });
    expect(spec.tolerations).toEqual(
      [
        ['not-ready', 'NoExecute'],
        ['unreachable', 'NoExecute'],
        ['disk-pressure', 'NoSchedule'],
        ['memory-pressure', 'NoSchedule'],
        ['pid-pressure', 'NoSchedule'],
        ['unschedulable', 'NoSchedule'],
      ].map(([k, effect]) => ({ key: `node.kubernetes.io/${k}`, operator: 'Exists', effect })),
    );
  });

  it('lands on a cordoned node: a pod deleted there is replaced once it is terminal', () => {
    const c = run(
      scenario({
        actions: `  - { at: 10s, node: { name: node-1, state: Cordoned } }
  - { at: 20s, delete: { kind: Pod, name: ${podOn(r, 'node-1')} } }`,
      }),
    );
    expect(c.lines.filter((l) => Number(l.split(' ')[0]) >= 20)).toEqual([
      expect.stringMatching(/^20 SuccessfulCreate Created pod: agent-\w+@node-1$/),
      '21 node-1 gone',
      '22 node-1 Ready',
    ]);
  });
});

describe('a toleration in the template lets the DaemonSet onto the tainted node', () => {
  const r = run(
    scenario({
      spec: '',
      extra: '',
    }).replace(
      '      containers:',
      '      tolerations: [{ key: dedicated, operator: Exists, effect: NoSchedule }]\n      containers:',
    ),
  );
  it('runs three pods', () => {
    expect(r.last?.status.desiredNumberScheduled).toBe(3);
    expect(r.last?.status.numberReady).toBe(3);
  });
});

describe('W3.29 rolling update (maxUnavailable 1): one node at a time, in node name order', () => {
  const r = run(
    scenario({
      actions: `  - at: 30s
    patch: { kind: DaemonSet, name: agent, patch: { spec: { template: { metadata: { labels: { app: agent, v: "2" } } } } } }`,
    }),
  );
  // The old pod exits on SIGTERM at once and the kubelet writes its terminal phase: a terminal pod
  // being deleted no longer counts for its node (getNodesToDaemonPods), so the new pod is created in
  // that instant, before the old object is removed from the API a second later.
  it('deletes the old pod, creates the new one once it is terminal, and moves on when it is available', () => {
    expect(r.lines.filter((l) => Number(l.split(' ')[0]) >= 30)).toEqual([
      expect.stringMatching(/^30 SuccessfulDelete Deleted pod: agent-\w+@node-1$/),
      expect.stringMatching(/^30 SuccessfulCreate Created pod: agent-\w+@node-1$/),
      '31 node-1 gone',
      '32 node-1 Ready',
      expect.stringMatching(/^32 SuccessfulDelete Deleted pod: agent-\w+@node-2$/),
      expect.stringMatching(/^32 SuccessfulCreate Created pod: agent-\w+@node-2$/),
      '33 node-2 gone',
      '34 node-2 Ready',
    ]);
    expect(r.last?.status).toMatchObject({ updatedNumberScheduled: 2, numberAvailable: 2 });
    expect(r.last?.annotations['deprecated.daemonset.template.generation']).toBe('2');
  });
});

describe('W3.29 rolling update with maxSurge 1, maxUnavailable 0', () => {
  const r = run(
    scenario({
      spec: '  updateStrategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }\n',
      actions: `  - at: 30s
    patch: { kind: DaemonSet, name: agent, patch: { spec: { template: { metadata: { labels: { app: agent, v: "2" } } } } } }`,
    }),
  );
  it('starts the new pod beside the old one and deletes the old one once the new one is available', () => {
    expect(r.lines.filter((l) => Number(l.split(' ')[0]) >= 30)).toEqual([
      expect.stringMatching(/^30 SuccessfulCreate Created pod: agent-\w+@node-1$/),
      '32 node-1 Ready',
      expect.stringMatching(/^32 SuccessfulDelete Deleted pod: agent-\w+@node-1$/),
      expect.stringMatching(/^32 SuccessfulCreate Created pod: agent-\w+@node-2$/),
      '33 node-1 gone',
      '34 node-2 Ready',
      expect.stringMatching(/^34 SuccessfulDelete Deleted pod: agent-\w+@node-2$/),
      '35 node-2 gone',
    ]);
  });
});

describe('a lost node keeps its daemon pod (the unreachable NoExecute taint is tolerated)', () => {
  const r = run(scenario({ actions: '  - { at: 20s, node: { name: node-2, state: Lost } }' }));
  it('evicts nothing and creates no replacement', () => {
    expect(r.lines.filter((l) => l.includes('Deleted') || l.includes('gone'))).toEqual([]);
    expect(r.lines.filter((l) => l.includes('Created'))).toHaveLength(2);
  });
  // The daemon tolerations cover unreachable:NoExecute but not unreachable:NoSchedule: the node
  // no longer "should run" the pod (DESIRED drops to 1), yet the pod may continue running there,
  // so it is counted as misscheduled instead of deleted (NodeShouldRunDaemonPod).
  it('counts the pod on the unreachable node as misscheduled, not desired', () => {
    expect(r.last?.status).toMatchObject({
      desiredNumberScheduled: 1,
      currentNumberScheduled: 1,
      numberMisscheduled: 1,
      numberReady: 1,
    });
  });
});
