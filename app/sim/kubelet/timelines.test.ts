/**
 * The worked timelines of reference/kubelet-container.md §13, asserted to the second through the
 * trace (T1 as corrected by R6.8).
 */
import { describe, expect, it } from 'vitest';
import { container, pod, run } from '../testing/scenario.ts';
import type { FakeBehaviour } from '../testing/fakeRuntime.ts';

/** `sh -c 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'` as PID 1 (ignores SIGTERM). */
const livenessExec: FakeBehaviour = {
  exitAfter: 630,
  exec: (argv, c) =>
    c.now - c.startedAt < 30
      ? { exitCode: 0, output: '' }
      : { exitCode: 1, output: `cat: can't open '${argv[1]}': No such file or directory` },
};

const t1Pod = (restartPolicy: string) =>
  pod('liveness-exec', {
    restartPolicy,
    containers: [
      container('liveness', {
        livenessProbe: {
          exec: { command: ['cat', '/tmp/healthy'] },
          initialDelaySeconds: 5,
          periodSeconds: 5,
        },
      }),
    ],
  });

describe('T1 liveness exec (with R6.8 same-sync restarts)', () => {
  const q = run([t1Pod('Always')], { behaviours: { liveness: livenessExec }, until: 560 });

  it('kills after three failures and restarts the moment the killed instance dies', () => {
    expect(q.eventTimes('liveness-exec', 'Killing')).toEqual([45, 115, 185, 255, 325, 395, 545]);
    expect(q.events('liveness-exec', 'Killing')[0]!.message).toBe(
      'Container liveness failed liveness probe, will be restarted',
    );
    expect(q.signals('liveness-exec', 'liveness').slice(0, 4)).toEqual([
      [45, 'SIGTERM'],
      [75, 'SIGKILL'],
      [115, 'SIGTERM'],
      [145, 'SIGKILL'],
    ]);
    expect(q.eventTimes('liveness-exec', 'Started')).toEqual([1, 75, 145, 215, 285, 355, 505]);
  });

  it('shows each instance Running one PLEG period later with the new restartCount', () => {
    expect(q.runningAt('liveness-exec', 'liveness')).toEqual([
      [2, 0],
      [76, 1],
      [146, 2],
      [216, 3],
      [286, 4],
      [356, 5],
      [506, 6],
    ]);
  });

  it('blocks the 6th restart: CrashLoopBackOff back-off 1m20s from 426 until 505', () => {
    const all = q.statuses('liveness-exec', 'liveness');
    const clbo = all.find((r) => 'waiting' in r.status.state && r.t > 0);
    // the 395 sync already ended in CrashLoopBackOff (reason cache), so no transient Error at 426
    expect(all[all.indexOf(clbo!) - 1]).toMatchObject({
      t: 356,
      status: { state: { running: {} } },
    });
    expect(clbo?.t).toBe(426);
    expect(clbo?.status.restartCount).toBe(5);
    expect(clbo?.status.ready).toBe(false);
    const w = clbo!.status.state as { waiting: { reason: string; message?: string } };
    expect(w.waiting.reason).toBe('CrashLoopBackOff');
    expect(w.waiting.message).toMatch(
      /^back-off 1m20s restarting failed container=liveness pod=liveness-exec_default\([0-9a-f-]+\)$/,
    );
    expect(clbo!.status.lastState?.terminated).toMatchObject({
      exitCode: 137,
      reason: 'Error',
      finishedAt: 425,
    });
    expect(q.eventTimes('liveness-exec', 'BackOff')).toEqual([425, 426]);
  });

  it('probes on the t=0 grid: skipped before initialDelay, one Unhealthy event per failure', () => {
    const first = q.probes('liveness-exec', 'liveness').map((p) => [p.t, p.result]);
    expect(first.slice(0, 8)).toEqual([
      [10, 'success'],
      [15, 'success'],
      [20, 'success'],
      [25, 'success'],
      [30, 'success'],
      [35, 'failure'],
      [40, 'failure'],
      [45, 'failure'],
    ]);
    expect(q.eventTimes('liveness-exec', 'Unhealthy').slice(0, 6)).toEqual([
      35, 40, 45, 105, 110, 115,
    ]);
    const pub = q.probes('liveness-exec', 'liveness').find((p) => p.published);
    expect(pub).toMatchObject({
      t: 45,
      published: 'Failure',
      cause: {
        message: 'livenessProbe failed 3 times in a row (failureThreshold 3)',
        field: { path: 'spec.containers[0].livenessProbe.failureThreshold' },
      },
    });
  });

  it('keeps the pod Running and Ready during the kill (no readiness probe)', () => {
    expect(q.phases('liveness-exec')).toEqual([
      [0, 'Pending'],
      [2, 'Running'],
    ]);
    expect(q.condition('liveness-exec', 'Ready')).toEqual([
      [0, 'False', 'ContainersNotReady'],
      [2, 'True'],
      [426, 'False', 'ContainersNotReady'],
      [506, 'True'],
    ]);
  });
});

describe('T8 restartPolicy Never and a liveness failure', () => {
  const q = run([t1Pod('Never')], { behaviours: { liveness: livenessExec }, until: 200 });
  it('kills at 45 (pod grace 30), never restarts, and the pod fails at PLEG time', () => {
    expect(q.eventTimes('liveness-exec', 'Killing')).toEqual([45]);
    expect(q.exits('liveness-exec', 'liveness')).toEqual([[75, 137]]);
    expect(q.eventTimes('liveness-exec', 'Started')).toEqual([1]);
    expect(q.phases('liveness-exec')).toEqual([
      [0, 'Pending'],
      [2, 'Running'],
      [76, 'Failed'],
    ]);
    expect(q.states('liveness-exec', 'liveness').at(-1)).toEqual([
      76,
      'terminated:Error(137)',
      0,
      false,
    ]);
    expect(q.condition('liveness-exec', 'Ready').at(-1)).toEqual([76, 'False', 'PodFailed']);
  });
});

describe('T2 exits 1 at once, restartPolicy Always', () => {
  const q = run([pod('crash', { containers: [container('c')] })], {
    behaviours: { c: { exitAfter: 0, exitCode: 1 } },
    until: 1300,
  });
  it('restarts immediately once, then after 10, 20, 40 … 300 s from the previous exit', () => {
    expect(q.eventTimes('crash', 'Started')).toEqual([1, 2, 12, 32, 72, 152, 312, 612, 912, 1212]);
  });
  it('shows Error, then CrashLoopBackOff with the Go-duration back-off', () => {
    const s = q.states('crash', 'c');
    expect(s.slice(0, 6)).toEqual([
      [0, 'waiting:ContainerCreating', 0, false],
      [2, 'terminated:Error(1)', 0, false],
      [3, 'terminated:Error(1)', 1, false],
      [3, 'waiting:CrashLoopBackOff', 1, false],
      [13, 'terminated:Error(1)', 2, false],
      [13, 'waiting:CrashLoopBackOff', 2, false],
    ]);
    const msgs = q
      .statuses('crash', 'c')
      .map((r) => ('waiting' in r.status.state ? r.status.state.waiting.message : undefined))
      .filter((m): m is string => !!m)
      .map((m) => m.split(' ')[1]);
    expect(msgs.slice(0, 7)).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s', '5m0s']);
    expect(q.phases('crash')).toEqual([
      [0, 'Pending'],
      [2, 'Running'],
    ]);
  });
});

describe('T3 readiness httpGet: 503 until 20, 200 until 60, then 500', () => {
  const http = (_p: string, _port: number, c: { now: number }) =>
    c.now < 20 ? 503 : c.now < 60 ? 200 : 500;
  const mk = (successThreshold?: number) =>
    run(
      [
        pod('ready', {
          containers: [
            container('app', {
              ports: [{ containerPort: 8080 }],
              readinessProbe: {
                httpGet: { path: '/ready', port: 8080 },
                periodSeconds: 5,
                ...(successThreshold ? { successThreshold } : {}),
              },
            }),
          ],
        }),
      ],
      { behaviours: { app: { http } }, until: 100 },
    );
  const q = mk();

  it('runs a manual trigger at PLEG time and resets the ticker (2, 7, 12, …)', () => {
    const ps = q.probes('ready', 'app').map((p) => [p.t, p.result]);
    expect(ps.slice(0, 6)).toEqual([
      [2, 'failure'],
      [7, 'failure'],
      [12, 'failure'],
      [17, 'failure'],
      [22, 'success'],
      [27, 'success'],
    ]);
    expect(q.events('ready', 'Unhealthy')[0]!.message).toBe(
      'Readiness probe failed: HTTP probe failed with statuscode: 503',
    );
  });

  it('the flip to Failure at 72 syncs the pod, and that sync triggers one more readiness run at once', () => {
    // prober_manager.go UpdatePodStatus: the sync's status generation sees a started container whose
    // readiness is not Success and sends the worker a manual trigger (one run per instant).
    const ps = q.probes('ready', 'app').map((p) => [p.t, p.result]);
    expect(ps.filter(([t]) => (t as number) >= 62)).toEqual([
      [62, 'failure'],
      [67, 'failure'],
      [72, 'failure'],
      [72, 'failure'],
      [77, 'failure'],
      [82, 'failure'],
      [87, 'failure'],
      [92, 'failure'],
      [97, 'failure'],
    ]);
    expect(q.eventTimes('ready', 'Unhealthy').filter((t) => t === 72)).toEqual([72, 72]);
  });

  it('is Ready at 22 and NotReady after the third 500 at 72, never restarted', () => {
    expect(q.states('ready', 'app')).toEqual([
      [0, 'waiting:ContainerCreating', 0, false],
      [2, 'running', 0, false],
      [22, 'running', 0, true],
      [72, 'running', 0, false],
    ]);
    expect(q.condition('ready', 'Ready').map((c) => c.slice(0, 2))).toEqual([
      [0, 'False'],
      [22, 'True'],
      [72, 'False'],
    ]);
    expect(q.eventTimes('ready', 'Killing')).toEqual([]);
  });

  it('with successThreshold 3 is Ready at 32', () => {
    const r = mk(3)
      .states('ready', 'app')
      .find((s) => s[3]);
    expect(r?.[0]).toBe(32);
  });
});

describe('T4 startup probe protecting a slow starter (listens from 95)', () => {
  const spec = (listenFrom: number) =>
    run(
      [
        pod('slow', {
          containers: [
            container('app', {
              ports: [{ containerPort: 8080 }],
              startupProbe: {
                httpGet: { path: '/healthz', port: 8080 },
                periodSeconds: 10,
                failureThreshold: 30,
              },
              livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 },
            }),
          ],
        }),
      ],
      {
        behaviours: {
          app: {
            http: (_p, _port, c) => (c.now >= listenFrom ? 200 : 'refused'),
            onTerm: { after: 0 },
          },
        },
        until: 400,
      },
    );

  it('fails 9 times, succeeds at 100 (started, ready), then liveness from 110', () => {
    const q = spec(95);
    const st = q.probes('slow', 'app', 'startup');
    expect(st.map((p) => p.t)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(st.at(-1)).toMatchObject({ result: 'success', published: 'Success' });
    expect(q.probes('slow', 'app', 'liveness')[0]).toMatchObject({ t: 110, result: 'success' });
    expect(q.statuses('slow', 'app').map((r) => [r.t, r.status.started, r.status.ready])).toEqual([
      [0, false, false],
      [2, false, false],
      [100, true, true],
    ]);
    expect(st[0]!.output).toBe(
      'Get "http://10.244.1.2:8080/healthz": dial tcp 10.244.1.2:8080: connect: connection refused',
    );
  });

  it('never listening: the 30th failure at 300 kills the container, restarted at once', () => {
    const q = spec(10_000);
    expect(q.eventTimes('slow', 'Killing')).toEqual([300]);
    expect(q.events('slow', 'Killing')[0]!.message).toBe(
      'Container app failed startup probe, will be restarted',
    );
    expect(q.exits('slow', 'app')).toEqual([[300, 143]]);
    expect(q.eventTimes('slow', 'Started')).toEqual([1, 300]);
  });
});

describe('T5 deletion with preStop and a process that ignores SIGTERM', () => {
  const del = {
    at: 100,
    doc: 9,
    path: 'spec.actions[0]',
    delete: { kind: 'Pod' as const, name: 'web' },
  };
  const mk = (preStop: number, onTerm?: FakeBehaviour['onTerm']) =>
    run(
      [
        pod('web', {
          containers: [
            container('app', {
              lifecycle: { preStop: { sleep: { seconds: preStop } } },
              livenessProbe: { exec: { command: ['true'] }, periodSeconds: 10 },
            }),
          ],
        }),
      ],
      { behaviours: { app: onTerm ? { onTerm } : {} }, actions: [del], until: 300 },
    );

  it('preStop 10 s, SIGTERM at 110, SIGKILL at 130 (exit 137), pod Failed then deleted', () => {
    const q = mk(10);
    expect(q.of('pod.deleting')[0]).toMatchObject({
      t: 100,
      deletionTimestamp: 130,
      gracePeriodSeconds: 30,
    });
    expect(q.events('web', 'Killing').map((e) => [e.t, e.message])).toEqual([
      [100, 'Stopping container app'],
    ]);
    expect(q.of('hook').map((h) => [h.t, h.hook, h.phase])).toEqual([
      [100, 'preStop', 'start'],
      [110, 'preStop', 'end'],
    ]);
    expect(q.signals('web', 'app')).toEqual([
      [110, 'SIGTERM'],
      [130, 'SIGKILL'],
    ]);
    expect(q.phases('web').at(-1)).toEqual([130, 'Failed']);
    expect(q.of('pod.deleted')[0]?.t).toBe(131);
    // liveness stopped at deletion: no probe after 100
    expect(q.probes('web', 'app', 'liveness').every((p) => p.t < 100)).toBe(true);
  });

  it('preStop 45 s: cut at the full grace (130), then the 2 s minimum → SIGKILL at 132', () => {
    const q = mk(45);
    expect(q.signals('web', 'app')).toEqual([
      [130, 'SIGTERM'],
      [132, 'SIGKILL'],
    ]);
    expect(q.of('hook').at(-1)).toMatchObject({ t: 130, result: 'abandoned' });
  });

  it('an app that handles SIGTERM in 3 s exits 143 at 113; Succeeded only on exit 0', () => {
    const q = mk(10, { after: 3 });
    expect(q.exits('web', 'app')).toEqual([[113, 143]]);
    expect(q.phases('web').at(-1)).toEqual([113, 'Failed']);
    const ok = mk(10, { after: 3, exitCode: 0 });
    expect(ok.phases('web').at(-1)).toEqual([113, 'Succeeded']);
    expect(ok.condition('web', 'Ready').at(-1)).toEqual([113, 'False', 'PodCompleted']);
  });
});

describe('T6 image pull failure (nginx:doesnotexist, IfNotPresent)', () => {
  const q = run([pod('img', { containers: [container('app', { image: 'nginx:doesnotexist' })] })], {
    images: { 'nginx:doesnotexist': { found: false, pullS: 0 } },
    until: 1000,
  });
  it('pulls at 1, 11, 31, 71, 151, 311, 611, 911 and shows ImagePullBackOff in between', () => {
    expect(q.eventTimes('img', 'Pulling')).toEqual([1, 11, 31, 71, 151, 311, 611, 911]);
    const reasons = q.states('img', 'app').map(([t, s]) => [t, s]);
    expect(reasons.slice(0, 6)).toEqual([
      [0, 'waiting:ContainerCreating'],
      [1, 'waiting:ErrImagePull'],
      [21, 'waiting:ImagePullBackOff'],
      [31, 'waiting:ErrImagePull'],
      [41, 'waiting:ImagePullBackOff'],
      [71, 'waiting:ErrImagePull'],
    ]);
    expect(q.statuses('img', 'app').every((r) => r.status.restartCount === 0)).toBe(true);
    expect(q.events('img', 'BackOff')[0]?.message).toBe(
      'Back-off pulling image "nginx:doesnotexist"',
    );
  });

  it('with imagePullPolicy Never and the image absent: ErrImageNeverPull every 10 s, no pull', () => {
    const n = run(
      [
        pod('never', {
          containers: [container('app', { image: 'private:1', imagePullPolicy: 'Never' })],
        }),
      ],
      { images: { 'private:1': { presentOnNode: false } }, until: 40 },
    );
    expect(n.eventTimes('never', 'ErrImageNeverPull')).toEqual([1, 11, 21, 31]);
    expect(n.eventTimes('never', 'Pulling')).toEqual([]);
    expect(n.states('never', 'app').at(-1)?.[1]).toBe('waiting:ErrImageNeverPull');
  });
});

describe('T7 init container, sidecar with a startup probe, main container', () => {
  const q = run(
    [
      pod('sc', {
        initContainers: [
          container('setup'),
          container('proxy', {
            restartPolicy: 'Always',
            startupProbe: { exec: { command: ['true'] }, periodSeconds: 2 },
          }),
        ],
        containers: [container('app')],
      }),
    ],
    {
      behaviours: {
        setup: { exitAfter: 3 },
        proxy: { onTerm: { after: 0 } },
        app: { onTerm: { after: 1 } },
      },
      until: 60,
      actions: [{ at: 30, doc: 9, path: 'x', delete: { kind: 'Pod', name: 'sc' } }],
    },
  );

  it('runs setup 1→4, proxy at 5, startup success at 6, app at 6', () => {
    expect(q.events('sc', 'Started').map((e) => [e.t, e.fieldPath])).toEqual([
      [1, 'spec.initContainers{setup}'],
      [5, 'spec.initContainers{proxy}'],
      [6, 'spec.containers{app}'],
    ]);
    expect(q.states('sc', 'app')[0]).toEqual([0, 'waiting:PodInitializing', 0, false]);
    expect(q.states('sc', 'setup')[0]).toEqual([0, 'waiting:PodInitializing', 0, false]);
    expect(q.condition('sc', 'Initialized')).toEqual([
      [0, 'False', 'ContainersNotInitialized'],
      [5, 'False', 'ContainersNotInitialized'],
      [6, 'True'],
    ]);
    expect(q.of('pod.condition').find((c) => c.t === 5)).toMatchObject({
      message: 'containers with incomplete status: [proxy]',
      lastTransitionTime: 0,
    });
    expect(q.phases('sc')).toEqual([
      [0, 'Pending'],
      [7, 'Running'],
      [31, 'Failed'],
    ]);
  });

  it('on deletion app gets SIGTERM first; the sidecar only after app has exited', () => {
    expect(q.signals('sc', 'app')).toEqual([[30, 'SIGTERM']]);
    expect(q.signals('sc', 'proxy')).toEqual([[31, 'SIGTERM']]);
  });
});
