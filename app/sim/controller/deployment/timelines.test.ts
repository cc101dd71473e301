/** Deployment timelines of reference cluster.md (W3.10–W3.17, C2), to the second and the byte. */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../../index.ts';
import type { DeploymentObject, TraceRecord } from '../../trace/types.ts';

function scenario(opts: {
  strategy?: string;
  image2?: string;
  actions?: string;
  until?: string;
  extra?: string;
}) {
  const actions =
    opts.actions ??
    `    - at: 100s
      patch: { kind: Deployment, name: web, patch: { spec: { template: { spec: { containers: [ { name: nginx, image: "${opts.image2 ?? 'nginx:1.27'}" } ] } } } } }`;
  return `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: t }
spec:
  until: ${opts.until ?? '2m'}
  nodes: 3
  actions:
${actions}
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
${opts.strategy ?? ''}${opts.extra ?? ''}  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: nginx
          image: nginx:1.26
`;
}

function run(text: string) {
  const { parsed, result } = simulateText(text);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const trace = result.trace;
  const events = (reason: string) =>
    trace.flatMap((r) =>
      r.type === 'event' && r.reason === reason ? [`${r.t} ${r.message}`] : [],
    );
  const deployments = trace.flatMap((r: TraceRecord) =>
    r.type === 'workload' && r.object.kind === 'Deployment'
      ? [{ t: r.t, d: r.object as DeploymentObject }]
      : [],
  );
  const condition = (type: string) => {
    const out: string[] = [];
    for (const { t, d } of deployments) {
      const c = d.status.conditions.find((x) => x.type === type);
      const s = c ? `${t} ${c.status} ${c.reason}: ${c.message}` : '';
      if (c && out.at(-1)?.slice(out.at(-1)?.indexOf(' ')) !== s.slice(s.indexOf(' '))) out.push(s);
    }
    return out;
  };
  return { events, condition, deployments, result };
}

/** The rsname of the first `Scaled up … from 0 to` event at t. */
const names = (lines: string[]) => [...new Set(lines.map((l) => l.split(' ')[5]))];

describe('C2: rolling update, 3 replicas, 25 %/25 % (→ surge 1, unavailable 0)', () => {
  const r = run(scenario({}));
  const scaling = r.events('ScalingReplicaSet');
  const [old, neu] = names(scaling);

  it('scales old −1 / new +1 at 100, 102, 104, 106, scale-down first', () => {
    expect(scaling).toEqual([
      `0 Scaled up replica set ${old} from 0 to 3`,
      `100 Scaled up replica set ${neu} from 0 to 1`,
      `102 Scaled down replica set ${old} from 3 to 2`,
      `102 Scaled up replica set ${neu} from 1 to 2`,
      `104 Scaled down replica set ${old} from 2 to 1`,
      `104 Scaled up replica set ${neu} from 2 to 3`,
      `106 Scaled down replica set ${old} from 1 to 0`,
    ]);
    expect(old).toMatch(/^web-[456789bcdf]{6,10}$/);
  });

  it('the RS controllers create and delete one pod each step', () => {
    expect(r.events('SuccessfulCreate').map((l) => l.split(' ')[0])).toEqual([
      '0',
      '0',
      '0',
      '100',
      '102',
      '104',
    ]);
    expect(r.events('SuccessfulDelete').map((l) => l.split(' ')[0])).toEqual(['102', '104', '106']);
  });

  it('Progressing: NewReplicaSetCreated → ReplicaSetUpdated → NewReplicaSetAvailable; Available stays True', () => {
    expect(r.condition('Progressing')).toEqual([
      `0 True NewReplicaSetCreated: Created new replica set "${old}"`,
      `0 True ReplicaSetUpdated: ReplicaSet "${old}" is progressing.`,
      `2 True NewReplicaSetAvailable: ReplicaSet "${old}" has successfully progressed.`,
      `100 True NewReplicaSetCreated: Created new replica set "${neu}"`,
      `100 True ReplicaSetUpdated: ReplicaSet "${neu}" is progressing.`,
      `106 True NewReplicaSetAvailable: ReplicaSet "${neu}" has successfully progressed.`,
    ]);
    expect(r.condition('Available')).toEqual([
      '0 False MinimumReplicasUnavailable: Deployment does not have minimum availability.',
      '2 True MinimumReplicasAvailable: Deployment has minimum availability.',
    ]);
  });

  it('status at 103: 3 ready across both RSs (READY 3/3), 2 updated, 4 replicas; revision 2', () => {
    const at = (t: number) => r.deployments.filter((x) => x.t <= t).at(-1)?.d;
    expect(at(103)?.status).toMatchObject({
      replicas: 4,
      updatedReplicas: 2,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    expect(at(120)?.annotations['deployment.kubernetes.io/revision']).toBe('2');
  });
});

describe('Recreate (W3.11)', () => {
  it('old RS to 0 at 100, new RS at full size when the old pods are gone (101), Available again at 103', () => {
    const r = run(scenario({ strategy: '  strategy: { type: Recreate }\n' }));
    const scaling = r.events('ScalingReplicaSet');
    const [old, neu] = names(scaling);
    expect(scaling).toEqual([
      `0 Scaled up replica set ${old} from 0 to 3`,
      `100 Scaled down replica set ${old} from 3 to 0`,
      `101 Scaled up replica set ${neu} from 0 to 3`,
    ]);
    expect(r.condition('Available').slice(-2)).toEqual([
      '100 False MinimumReplicasUnavailable: Deployment does not have minimum availability.',
      '103 True MinimumReplicasAvailable: Deployment has minimum availability.',
    ]);
  });
});

describe('progress deadline (W3.13)', () => {
  it('a bad image: ProgressDeadlineExceeded at lastUpdate + deadline + 1 s; the old pods keep serving', () => {
    const r = run(
      scenario({
        image2: 'nginx:no-such-tag',
        extra: '  progressDeadlineSeconds: 30\n',
        until: '3m',
      }),
    );
    const p = r.condition('Progressing');
    expect(p.at(-1)).toMatch(
      /^131 False ProgressDeadlineExceeded: ReplicaSet "web-[^"]+" has timed out progressing\.$/,
    );
    expect(r.condition('Available').at(-1)).toMatch(/^2 True/);
  });
});

describe('scale and rollout actions', () => {
  it('scale 3 → 5 at 10 s: the only RS grows; undo at 120 s reuses the old RS as revision 3', () => {
    const r = run(
      scenario({
        until: '3m',
        actions: `    - { at: 10s, scale: { kind: Deployment, name: web, replicas: 5 } }
    - at: 100s
      patch: { kind: Deployment, name: web, patch: { spec: { template: { spec: { containers: [ { name: nginx, image: "nginx:1.27" } ] } } } } }
    - { at: 150s, rollout: { kind: Deployment, name: web, do: undo } }`,
      }),
    );
    const scaling = r.events('ScalingReplicaSet');
    const [old] = names(scaling);
    expect(scaling[1]).toBe(`10 Scaled up replica set ${old} from 3 to 5`);
    const undo = scaling.filter((l) => Number(l.split(' ')[0]) >= 150);
    expect(undo[0]).toBe(`150 Scaled up replica set ${old} from 0 to 2`);
    const last = r.deployments.at(-1)?.d;
    expect(last?.annotations['deployment.kubernetes.io/revision']).toBe('3');
    expect(
      r.result.trace
        .filter((x) => x.type === 'action')
        .map((x) => x.type === 'action' && x.message),
    ).toEqual([
      'deployment.apps/web scaled',
      'deployment.apps/web patched',
      'deployment.apps/web rolled back',
    ]);
  });

  it('restart: a restartedAt annotation starts a new rollout', () => {
    const r = run(
      scenario({
        actions: '    - { at: 30s, rollout: { kind: Deployment, name: web, do: restart } }',
      }),
    );
    const scaling = r.events('ScalingReplicaSet');
    expect(scaling[1]).toMatch(/^30 Scaled up replica set web-\S+ from 0 to 1$/);
    expect(r.deployments.at(-1)?.d.spec.template.metadata.annotations).toEqual({
      'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:30Z',
    });
  });
});
