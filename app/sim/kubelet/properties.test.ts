/**
 * Property tests over generated pod specs (DESIGN §7): no exception, restart counts never decrease,
 * a Ready pod has every container ready, every running interval starts with a Started event, and
 * the trace is identical across two runs, and every chart is in the state its status says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Container, Probe, SourceObject } from '../../k8s/types.ts';
import type { FakeBehaviour } from '../testing/fakeRuntime.ts';
import { chartMismatches } from '../testing/chartInvariant.ts';
import { pod, run, service } from '../testing/scenario.ts';

const probeArb: fc.Arbitrary<Probe> = fc.record({
  exec: fc.constant({ command: ['check'] }),
  periodSeconds: fc.integer({ min: 1, max: 15 }),
  failureThreshold: fc.integer({ min: 1, max: 4 }),
  initialDelaySeconds: fc.integer({ min: 0, max: 10 }),
});

const containerArb = (name: string) =>
  fc
    .record({
      spec: fc.record({
        liveness: fc.option(probeArb, { nil: undefined }),
        readiness: fc.option(probeArb, { nil: undefined }),
        startup: fc.option(probeArb, { nil: undefined }),
        preStop: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
      }),
      behaviour: fc.record({
        exitAfter: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
        exitCode: fc.integer({ min: 0, max: 2 }),
        termAfter: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
        /** the check passes while (now − startedAt) is in [from, to) */
        healthyFrom: fc.integer({ min: 0, max: 30 }),
        healthyFor: fc.integer({ min: 0, max: 200 }),
      }),
    })
    .map(({ spec, behaviour }) => {
      const c: Container = {
        name,
        image: 'busybox:1.36',
        imagePullPolicy: 'IfNotPresent',
        ...(spec.liveness ? { livenessProbe: spec.liveness } : {}),
        ...(spec.readiness ? { readinessProbe: spec.readiness } : {}),
        ...(spec.startup ? { startupProbe: spec.startup } : {}),
        ...(spec.preStop ? { lifecycle: { preStop: { sleep: { seconds: spec.preStop } } } } : {}),
      };
      const b: FakeBehaviour = {
        ...(behaviour.exitAfter !== undefined ? { exitAfter: behaviour.exitAfter } : {}),
        exitCode: behaviour.exitCode,
        onTerm: behaviour.termAfter === undefined ? 'ignore' : { after: behaviour.termAfter },
        exec: (_argv, ctx) => {
          const age = ctx.now - ctx.startedAt;
          const ok =
            age >= behaviour.healthyFrom && age < behaviour.healthyFrom + behaviour.healthyFor;
          return { exitCode: ok ? 0 : 1, output: ok ? '' : 'unhealthy' };
        },
      };
      return { c, b };
    });

const scenarioArb = fc.record({
  restartPolicy: fc.constantFrom('Always', 'OnFailure', 'Never'),
  containers: fc
    .array(fc.nat(), { minLength: 1, maxLength: 3 })
    .chain((xs) => fc.tuple(...xs.map((_, i) => containerArb(`c${i}`)))),
  init: fc.option(containerArb('init0'), { nil: undefined }),
  sidecar: fc.option(containerArb('side0'), { nil: undefined }),
  grace: fc.integer({ min: 0, max: 40 }),
  deleteAt: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
  deadline: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
});

type Scn = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scn) {
  const behaviours: Record<string, FakeBehaviour> = {};
  for (const { c, b } of s.containers) behaviours[c.name] = b;
  const initContainers: Container[] = [];
  if (s.init) {
    const {
      lifecycle: _l,
      livenessProbe: _a,
      readinessProbe: _b,
      startupProbe: _c,
      ...plain
    } = s.init.c;
    initContainers.push(plain);
    behaviours[plain.name] = { ...s.init.b, exitAfter: s.init.b.exitAfter ?? 3 };
  }
  if (s.sidecar) {
    initContainers.push({ ...s.sidecar.c, restartPolicy: 'Always' });
    behaviours[s.sidecar.c.name] = s.sidecar.b;
  }
  const objects: SourceObject[] = [
    service('svc', { app: 'p' }),
    pod(
      'p',
      {
        restartPolicy: s.restartPolicy,
        terminationGracePeriodSeconds: s.grace,
        ...(s.deadline ? { activeDeadlineSeconds: s.deadline } : {}),
        ...(initContainers.length ? { initContainers } : {}),
        containers: s.containers.map((x) => x.c),
      },
      { app: 'p' },
    ),
  ];
  const actions = s.deleteAt
    ? [{ at: s.deleteAt, doc: 9, path: 'x', delete: { kind: 'Pod' as const, name: 'p' } }]
    : [];
  return () => run(objects, { behaviours, actions, until: 600 });
}

describe('engine invariants over generated pods', () => {
  it('hold for every generated scenario', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const go = build(s);
        const q = go();
        // determinism
        expect(JSON.stringify(go().trace)).toBe(JSON.stringify(q.trace));
        // restart counts never decrease
        const rc = new Map<string, number>();
        for (const r of q.of('container.status')) {
          expect(r.status.restartCount).toBeGreaterThanOrEqual(rc.get(r.container) ?? 0);
          rc.set(r.container, r.status.restartCount);
        }
        // a Ready pod has every container ready (regular + sidecars), at every instant
        const ready = new Map<string, boolean>();
        let podReady = false;
        const check = () => {
          if (!podReady) return;
          for (const [, v] of ready) expect(v).toBe(true);
        };
        let lastT = -1;
        for (const r of q.trace) {
          if (r.t !== lastT) {
            check();
            lastT = r.t;
          }
          if (r.type === 'container.status' && r.kind !== 'init')
            ready.set(r.container, r.status.ready);
          if (r.type === 'pod.condition' && r.condition === 'Ready') podReady = r.status === 'True';
        }
        check();
        // every running instance starts with a Started event at its startedAt
        const started = q.events('p', 'Started').map((e) => `${e.fieldPath}@${e.t}`);
        for (const r of q.of('container.status')) {
          if (!('running' in r.status.state)) continue;
          const fp =
            r.kind === 'regular'
              ? `spec.containers{${r.container}}`
              : `spec.initContainers{${r.container}}`;
          expect(started).toContain(`${fp}@${r.status.state.running.startedAt}`);
        }
        // an endpoint is ready only while the pod is Ready and not terminating (R9.3)
        let podReadyNow = false;
        let deleting = false;
        for (const r of q.trace) {
          if (r.type === 'pod.condition' && r.condition === 'Ready')
            podReadyNow = r.status === 'True';
          if (r.type === 'pod.deleting') deleting = true;
          if (r.type === 'endpoints')
            for (const e of r.endpoints) {
              expect(e.serving).toBe(podReadyNow);
              expect(e.ready).toBe(podReadyNow && !deleting);
              expect(e.terminating).toBe(deleting);
            }
        }
        // the charts are the status (one source of truth), at every instant
        expect(chartMismatches(q.trace)).toEqual([]);
        // time never goes backwards
        for (let i = 1; i < q.trace.length; i++)
          expect(q.trace[i]!.t).toBeGreaterThanOrEqual(q.trace[i - 1]!.t);
      }),
      { numRuns: 80 },
    );
  });
});
