/** StatefulSet timelines of reference cluster.md (C6 and the StatefulSet rules), to the second. */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../../index.ts';
import type { StatefulSetObject } from '../../trace/types.ts';

/** A pod that is Ready 2 s after it is created (image present, exec readiness every second). */
function scenario(opts: { spec?: string; actions?: string; until?: string; nodes?: number }) {
  return `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: t }
spec:
  until: ${opts.until ?? '2m'}
  nodes: ${opts.nodes ?? 1}
  actions:
${opts.actions ?? '  - { at: 100s, scale: { kind: StatefulSet, name: web, replicas: 1 } }'}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
  serviceName: web
  replicas: 3
${opts.spec ?? ''}  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      tolerations:
        - { key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 10 }
      containers:
        - name: app
          image: busybox:1.36
          command: ["sh", "-c", "trap 'exit 0' TERM; touch /tmp/ready; sleep 3600 & wait"]
          readinessProbe: { exec: { command: [cat, /tmp/ready] }, periodSeconds: 1 }
`;
}

function run(text: string) {
  const { parsed, result } = simulateText(text);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const lines: string[] = [];
  for (const r of result.trace) {
    if (r.type === 'event' && r.source === 'statefulset-controller')
      lines.push(`${r.t} ${r.message}`);
    if (r.type === 'pod.condition' && r.condition === 'Ready' && r.status === 'True')
      lines.push(`${r.t} ${r.pod} Ready`);
    if (r.type === 'pod.deleted') lines.push(`${r.t} ${r.pod} gone`);
  }
  const sets = result.trace.flatMap((r) =>
    r.type === 'workload' && r.object.kind === 'StatefulSet' ? [r.object as StatefulSetObject] : [],
  );
  return { lines, last: sets.at(-1), result };
}

describe('C6: OrderedReady, 3 replicas, scale to 1 at 100', () => {
  const r = run(scenario({}));

  it('creates each pod only when the one before is Ready, and scales down highest first', () => {
    expect(r.lines).toEqual([
      '0 create Pod web-0 in StatefulSet web successful',
      '2 web-0 Ready',
      '2 create Pod web-1 in StatefulSet web successful',
      '4 web-1 Ready',
      '4 create Pod web-2 in StatefulSet web successful',
      '6 web-2 Ready',
      '100 delete Pod web-2 in StatefulSet web successful',
      '101 web-2 gone',
      '101 delete Pod web-1 in StatefulSet web successful',
      '102 web-1 gone',
    ]);
  });

  it('ends with one ready replica and one revision', () => {
    expect(r.last?.status).toMatchObject({
      replicas: 1,
      readyReplicas: 1,
      currentReplicas: 1,
      updatedReplicas: 1,
      availableReplicas: 1,
    });
    expect(r.last?.status.currentRevision).toBe(r.last?.status.updateRevision);
    expect(r.last?.status.currentRevision).toMatch(/^web-[0-9a-z]+$/);
  });
});

describe('Parallel: no waiting on creation or deletion', () => {
  const r = run(scenario({ spec: '  podManagementPolicy: Parallel\n' }));

  it('creates all three at 0 and deletes web-2 and web-1 together at 100', () => {
    expect(r.lines).toEqual([
      '0 create Pod web-0 in StatefulSet web successful',
      '0 create Pod web-1 in StatefulSet web successful',
      '0 create Pod web-2 in StatefulSet web successful',
      '2 web-0 Ready',
      '2 web-1 Ready',
      '2 web-2 Ready',
      '100 delete Pod web-2 in StatefulSet web successful',
      '100 delete Pod web-1 in StatefulSet web successful',
      '101 web-2 gone',
      '101 web-1 gone',
    ]);
  });
});

const imagePatch = (at: string, spec = '') =>
  `  - at: ${at}
    patch: { kind: StatefulSet, name: web, patch: { spec: { ${spec}template: { spec: { containers: [ { name: app, image: "busybox:1.37" } ] } } } } }`;

describe('RollingUpdate: one pod at a time from the highest ordinal', () => {
  const r = run(scenario({ actions: imagePatch('50s') }));

  it('deletes web-2 first and each next one only once its replacement is Ready', () => {
    expect(r.lines.filter((l) => Number(l.split(' ')[0]) >= 50)).toEqual([
      '50 delete Pod web-2 in StatefulSet web successful',
      '51 web-2 gone',
      '51 create Pod web-2 in StatefulSet web successful',
      '53 web-2 Ready',
      '53 delete Pod web-1 in StatefulSet web successful',
      '54 web-1 gone',
      '54 create Pod web-1 in StatefulSet web successful',
      '56 web-1 Ready',
      '56 delete Pod web-0 in StatefulSet web successful',
      '57 web-0 gone',
      '57 create Pod web-0 in StatefulSet web successful',
      '59 web-0 Ready',
    ]);
  });

  it('completes the rollout: currentRevision becomes updateRevision', () => {
    expect(r.last?.status.updateRevision).toBe(r.last?.status.currentRevision);
    expect(r.last?.status.updatedReplicas).toBe(3);
    expect(r.last?.status.observedGeneration).toBe(2);
  });
});

describe('RollingUpdate with partition 2: only ordinals ≥ 2 move', () => {
  const r = run(
    scenario({
      actions: imagePatch('50s', 'updateStrategy: { rollingUpdate: { partition: 2 } }, '),
    }),
  );

  it('replaces web-2 only; web-0 and web-1 stay at the current revision', () => {
    expect(r.lines.filter((l) => Number(l.split(' ')[0]) >= 50)).toEqual([
      '50 delete Pod web-2 in StatefulSet web successful',
      '51 web-2 gone',
      '51 create Pod web-2 in StatefulSet web successful',
      '53 web-2 Ready',
    ]);
    expect(r.last?.status).toMatchObject({ currentReplicas: 2, updatedReplicas: 1 });
    expect(r.last?.status.currentRevision).not.toBe(r.last?.status.updateRevision);
  });
});

describe('a deleted pod comes back under its name', () => {
  const r = run(
    scenario({ actions: '  - { at: 30s, delete: { kind: Pod, name: web-1 } }', until: '60s' }),
  );

  it('web-1 is recreated as soon as it is gone, with a new UID', () => {
    expect(r.lines.filter((l) => Number(l.split(' ')[0]) >= 30)).toEqual([
      '31 web-1 gone',
      '31 create Pod web-1 in StatefulSet web successful',
      '33 web-1 Ready',
    ]);
    const uids = r.result.trace.flatMap((x) =>
      x.type === 'pod.ip' && x.pod === 'web-1' ? [x.t] : [],
    );
    expect(uids.length).toBe(2);
  });
});

describe('a lost node: the StatefulSet never replaces a pod it cannot see gone', () => {
  const r = run(
    scenario({
      nodes: 2,
      until: '200s',
      actions:
        '  - { at: 30s, node: { name: node-2, state: Lost } }\n  - { at: 150s, scale: { kind: StatefulSet, name: web, replicas: 2 } }',
    }),
  );

  it('the evicted pod stays Terminating, no second web-1 is created, scale-down waits', () => {
    const deleting = r.result.trace.flatMap((x) =>
      x.type === 'pod.deleting' ? [`${x.t} ${x.pod}`] : [],
    );
    // node-2 (web-1's) is NotReady 40 s after it stops posting, tainted, evicted 10 s later.
    expect(deleting).toEqual(['100 web-1']);
    const after = r.lines.filter((l) => Number(l.split(' ')[0]) >= 30);
    // The controller never makes a pod whose name is still held (stateful_set_control.go
    // processReplica: a terminating replica is waited for), and OrderedReady scale-down waits for
    // every replica to be Running and Ready (processCondemned) — so nothing happens at 150.
    expect(after).toEqual([]);
    expect(r.last?.spec.replicas).toBe(2);
    expect(r.last?.status).toMatchObject({ replicas: 3, readyReplicas: 2 });
  });
});
