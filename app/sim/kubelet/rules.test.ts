/**
 * One named test per tricky kubelet rule (reference/kubelet-container.md, pod-level.md).
 */
import { describe, expect, it } from 'vitest';
import { container, pod, run, service } from '../testing/scenario.ts';

const action = (at: number, a: object) => ({ at, doc: 9, path: 'spec.actions[0]', ...a }) as never;

describe('postStart (R4.3, R4.4)', () => {
  it('blocks the sync: ContainerCreating, no probes, next container waits until it returns', () => {
    const q = run(
      [
        pod('ps', {
          containers: [
            container('a', {
              lifecycle: { postStart: { exec: { command: ['setup'] } } },
              readinessProbe: { exec: { command: ['true'] }, periodSeconds: 1 },
            }),
            container('b'),
          ],
        }),
      ],
      {
        behaviours: {
          a: {
            exec: (argv) =>
              argv[0] === 'setup' ? { exitCode: 0, durationS: 10 } : { exitCode: 0 },
          },
        },
        until: 30,
      },
    );
    expect(q.eventTimes('ps', 'Started')).toEqual([1, 11]);
    expect(
      q
        .states('ps', 'a')
        .slice(0, 2)
        .map(([t, s]) => [t, s]),
    ).toEqual([
      [0, 'waiting:ContainerCreating'],
      // The relist at 2 saw `a` running while the sync was blocked in postStart; nothing is written
      // at the sync's end from that mid-sync cache: the next sync waits for a relist newer than the
      // sync's end (GetNewerThan(lastSyncTime)), at 12, and shows `a` and `b` running together.
      [12, 'running'],
    ]);
    expect(q.states('ps', 'b')[1]?.[0]).toBe(12);
    expect(q.probes('ps', 'a')[0]!.t).toBeGreaterThanOrEqual(11);
    expect(q.of('hook').map((h) => [h.t, h.phase, h.result])).toEqual([
      [1, 'start', undefined],
      [11, 'end', 'success'],
    ]);
  });

  it('a failing postStart: FailedPostStartHook, Killing "FailedPostStartHook", preStop runs, restart', () => {
    const q = run(
      [
        pod('ps', {
          containers: [
            container('a', {
              lifecycle: {
                postStart: { exec: { command: ['boom'] } },
                preStop: { exec: { command: ['bye'] } },
              },
            }),
          ],
        }),
      ],
      {
        behaviours: {
          a: {
            exec: (argv) => ({ exitCode: argv[0] === 'boom' ? 2 : 0, output: 'oops' }),
            onTerm: { after: 0 },
          },
        },
        until: 20,
      },
    );
    expect(q.events('ps', 'FailedPostStartHook').map((e) => [e.t, e.message])[0]).toEqual([
      1,
      'PostStartHook failed',
    ]);
    expect(q.events('ps', 'Killing')[0]).toMatchObject({ t: 1, message: 'FailedPostStartHook' });
    expect(q.of('hook').filter((h) => h.hook === 'preStop').length).toBeGreaterThan(0);
    expect(q.eventTimes('ps', 'Started').slice(0, 2)).toEqual([1, 2]);
  });
});

describe('killing (R8)', () => {
  it('uses the probe-level terminationGracePeriodSeconds for a liveness kill', () => {
    const q = run(
      [
        pod('g', {
          containers: [
            container('c', {
              livenessProbe: {
                exec: { command: ['false'] },
                periodSeconds: 10,
                terminationGracePeriodSeconds: 5,
              },
            }),
          ],
        }),
      ],
      { behaviours: { c: { exec: () => ({ exitCode: 1 }) } }, until: 40 },
    );
    expect(q.signals('g', 'c').slice(0, 2)).toEqual([
      [30, 'SIGTERM'],
      [35, 'SIGKILL'],
    ]);
    expect(q.of('signal')[1]!.cause?.field?.path).toBe(
      'spec.containers[0].livenessProbe.terminationGracePeriodSeconds',
    );
  });

  it('a failing preStop only records FailedPreStopHook; shutdown continues', () => {
    const q = run(
      [
        pod('d', {
          containers: [container('c', { lifecycle: { preStop: { exec: { command: ['x'] } } } })],
        }),
      ],
      {
        behaviours: {
          c: { exec: () => ({ exitCode: 1, output: 'no' }), onTerm: { after: 1, exitCode: 0 } },
        },
        actions: [action(10, { delete: { kind: 'Pod', name: 'd' } })],
        until: 60,
      },
    );
    expect(q.events('d', 'FailedPreStopHook').map((e) => [e.t, e.message])).toEqual([
      [10, 'PreStopHook failed'],
    ]);
    expect(q.exits('d', 'c')).toEqual([[11, 0]]);
    expect(q.phases('d').at(-1)).toEqual([11, 'Succeeded']);
  });

  it('force delete removes the object at once', () => {
    const q = run([pod('f', { containers: [container('c')] })], {
      actions: [action(10, { delete: { kind: 'Pod', name: 'f', force: true } })],
      until: 20,
    });
    expect(q.of('pod.deleted').map((d) => d.t)).toEqual([10]);
    expect(q.of('object.deleted')[0]).toMatchObject({ t: 10, kind: 'Pod', name: 'f' });
  });

  it('readiness keeps running during termination, liveness stops (R3.8, R7.7)', () => {
    const q = run(
      [
        pod('t', {
          containers: [
            container('c', {
              readinessProbe: { exec: { command: ['r'] }, periodSeconds: 5 },
              livenessProbe: { exec: { command: ['l'] }, periodSeconds: 5 },
            }),
          ],
        }),
      ],
      { actions: [action(20, { delete: { kind: 'Pod', name: 't' } })], until: 60 },
    );
    expect(q.probes('t', 'c', 'liveness').every((p) => p.t < 20)).toBe(true);
    expect(q.probes('t', 'c', 'readiness').some((p) => p.t > 20)).toBe(true);
    expect(q.phases('t').at(-1)).toEqual([50, 'Failed']);
  });
});

describe('probes (§7.2)', () => {
  it('an exec probe that times out is a failure; an unresolvable named port is an error and discarded', () => {
    const q = run(
      [
        pod('p', {
          containers: [
            container('c', {
              livenessProbe: { exec: { command: ['slow'] }, periodSeconds: 10, timeoutSeconds: 1 },
              readinessProbe: { httpGet: { path: '/', port: 'web' }, periodSeconds: 10 },
            }),
          ],
        }),
      ],
      { behaviours: { c: { exec: () => ({ exitCode: 0, durationS: 5 }) } }, until: 45 },
    );
    const live = q.probes('p', 'c', 'liveness');
    expect(live.map((x) => [x.t, x.result])).toEqual([
      [11, 'failure'],
      [21, 'failure'],
      [31, 'failure'],
    ]);
    expect(live[0]!.output).toBe('command "slow" timed out');
    expect(q.eventTimes('p', 'Killing')).toEqual([31]);
    const ready = q.probes('p', 'c', 'readiness');
    expect(ready.every((x) => x.result === 'error' && !x.published)).toBe(true);
    expect(
      q
        .events('p', 'Unhealthy')
        .some((e) =>
          e.message.startsWith('Readiness probe errored and resulted in unknown state: '),
        ),
    ).toBe(true);
  });

  it('initialDelaySeconds compares truncated seconds since startedAt; readiness starts Failure', () => {
    const q = run(
      [
        pod('d', {
          containers: [
            container('c', {
              readinessProbe: {
                exec: { command: ['ok'] },
                periodSeconds: 3,
                initialDelaySeconds: 4,
              },
            }),
          ],
        }),
      ],
      { until: 20 },
    );
    // started at 1; the manual trigger at 2 is skipped (1 s < 4) but resets the ticker: 5 (4 s) runs
    expect(q.probes('d', 'c')[0]!.t).toBe(5);
    expect(q.states('d', 'c').map(([t, , , r]) => [t, r])).toEqual([
      [0, false],
      [2, false],
      [5, true],
    ]);
  });

  it('a pod applied later ticks on its own admission grid', () => {
    const q = run(
      [
        pod('late', {
          containers: [
            container('c', { livenessProbe: { exec: { command: ['ok'] }, periodSeconds: 10 } }),
          ],
        }),
      ],
      {
        deferred: [{ kind: 'Pod', name: 'late' }],
        actions: [action(33, { apply: { kind: 'Pod', name: 'late' } })],
        until: 80,
      },
    );
    expect(q.eventTimes('late', 'Started')).toEqual([34]);
    expect(q.probes('late', 'c').map((p) => p.t)).toEqual([43, 53, 63, 73]);
  });
});

describe('init containers (R3.2, R1.4)', () => {
  it('a failed init container under Never fails the pod (Init:Error)', () => {
    const q = run(
      [
        pod('i', {
          restartPolicy: 'Never',
          initContainers: [container('init')],
          containers: [container('app')],
        }),
      ],
      {
        behaviours: { init: { exitAfter: 2, exitCode: 1 } },
        until: 30,
      },
    );
    expect(q.phases('i').at(-1)).toEqual([4, 'Failed']);
    expect(q.eventTimes('i', 'Started')).toEqual([1]);
    expect(q.states('i', 'app').at(-1)?.[1]).toBe('waiting:PodInitializing');
  });

  it('under Always a failing init container crash-loops and the pod stays Pending', () => {
    const q = run(
      [pod('i', { initContainers: [container('init')], containers: [container('app')] })],
      {
        behaviours: { init: { exitAfter: 0, exitCode: 1 } },
        until: 40,
      },
    );
    expect(q.eventTimes('i', 'Started')).toEqual([1, 2, 12, 32]);
    expect(q.states('i', 'init').some(([, s]) => s === 'waiting:CrashLoopBackOff')).toBe(true);
    expect(q.phases('i')).toEqual([[0, 'Pending']]);
  });

  it('a sidecar is restarted even under restartPolicy Never', () => {
    const q = run(
      [
        pod('s', {
          restartPolicy: 'Never',
          initContainers: [container('side', { restartPolicy: 'Always' })],
          containers: [container('app')],
        }),
      ],
      { behaviours: { side: { exitAfter: 5, exitCode: 1 } }, until: 20 },
    );
    expect(
      q
        .events('s', 'Started')
        .filter((e) => e.fieldPath?.includes('side'))
        .map((e) => e.t),
    ).toEqual([1, 7]);
  });
});

describe('images and configuration errors (R4.2, R5)', () => {
  it('CreateContainerConfigError waits and retries every 10 s; no restart counted', () => {
    const q = run([pod('c', { containers: [container('c')] })], {
      behaviours: {
        c: {
          createError: {
            reason: 'CreateContainerConfigError',
            message: 'configmap "cfg" not found',
          },
        },
      },
      until: 25,
    });
    expect(q.states('c', 'c').at(-1)?.[1]).toBe('waiting:CreateContainerConfigError');
    expect(q.events('c', 'Failed').map((e) => [e.t, e.message])).toEqual([
      [1, 'Error: configmap "cfg" not found'],
      [11, 'Error: configmap "cfg" not found'],
      [21, 'Error: configmap "cfg" not found'],
    ]);
  });

  it('a pull takes the catalogue time and says so in the Pulled event', () => {
    const q = run(
      [
        pod('p', {
          containers: [container('c', { image: 'big:1', imagePullPolicy: 'IfNotPresent' })],
        }),
      ],
      {
        images: { 'big:1': { presentOnNode: false, pullS: 3.5, sizeBytes: 1234 } },
        until: 10,
      },
    );
    expect(q.events('p', 'Pulled')[0]).toMatchObject({
      t: 4.5,
      message:
        'Successfully pulled image "big:1" in 3.5s (3.5s including waiting). Image size: 1234 bytes.',
    });
    expect(q.eventTimes('p', 'Started')).toEqual([4.5]);
    expect(q.states('p', 'c')[1]![0]).toBe(5.5);
  });
});

describe('CrashLoopBackOff details (R6)', () => {
  it('resets the back-off when the instance ran more than 600 s', () => {
    let n = 0;
    const q = run([pod('r', { containers: [container('c')] })], {
      behaviours: { c: { exitAfter: () => (n++ === 3 ? 700 : 0), exitCode: 1 } },
      until: 800,
    });
    // starts 1, 2 (immediate), 12 (10 s), 32 (20 s) runs 700 s → exits 732 → back-off entry expired → 10 s
    expect(q.eventTimes('r', 'Started')).toEqual([1, 2, 12, 32, 733, 743, 763]);
  });

  it('a profile override changes the ladder (1 s → 60 s)', () => {
    const q = run([pod('r', { containers: [container('c')] })], {
      behaviours: { c: { exitAfter: 0, exitCode: 1 } },
      profile: { crashLoopBackOff: { initial: 1, max: 60 } },
      until: 200,
    });
    expect(q.eventTimes('r', 'Started').slice(0, 9)).toEqual([1, 2, 3, 5, 9, 17, 33, 65, 125]);
  });
});

describe('pod-level (R1.6, R5.6, R11.1)', () => {
  it('activeDeadlineSeconds: Failed/DeadlineExceeded at once, containers killed, not deleted', () => {
    const q = run([pod('a', { activeDeadlineSeconds: 20, containers: [container('c')] })], {
      behaviours: { c: { onTerm: { after: 1 } } },
      until: 60,
    });
    expect(q.of('pod.phase').at(-1)).toMatchObject({
      t: 20,
      phase: 'Failed',
      reason: 'DeadlineExceeded',
    });
    expect(q.events('a', 'DeadlineExceeded')[0]).toMatchObject({
      t: 20,
      eventType: 'Normal',
      message: 'Pod was active on the node longer than the specified deadline',
    });
    expect(q.events('a', 'Killing').map((e) => e.t)).toEqual([20]);
    expect(q.exits('a', 'c')).toEqual([[21, 143]]);
    expect(q.of('pod.deleted')).toEqual([]);
    expect(q.condition('a', 'Ready').at(-1)).toEqual([20, 'False', 'PodFailed']);
  });

  it('readiness gates hold Ready until setCondition makes them True', () => {
    const q = run(
      [
        pod('g', {
          readinessGates: [{ conditionType: 'example.com/lb' }],
          containers: [container('c')],
        }),
      ],
      {
        actions: [
          action(10, { setCondition: { pod: 'g', type: 'example.com/lb', status: 'True' } }),
        ],
        until: 20,
      },
    );
    expect(q.condition('g', 'Ready')).toEqual([
      [0, 'False', 'ContainersNotReady'],
      [2, 'False', 'ReadinessGatesNotReady'],
      [10, 'True'],
    ]);
    expect(q.condition('g', 'example.com/lb')).toEqual([[10, 'True']]);
  });
});

describe('scenario actions', () => {
  it('exec records its output; kill with a signal ends the process', () => {
    const q = run([pod('x', { containers: [container('c')] })], {
      behaviours: { c: { exec: () => ({ exitCode: 0, output: 'hi\n' }) } },
      actions: [
        action(5, { exec: { pod: 'x', container: 'c', command: 'echo hi' } }),
        action(8, { kill: { pod: 'x', container: 'c', signal: 'SIGKILL' } }),
      ],
      until: 20,
    });
    expect(q.of('exec')[0]).toMatchObject({
      t: 5,
      command: ['sh', '-c', 'echo hi'],
      exitCode: 0,
      output: 'hi\n',
    });
    expect(q.exits('x', 'c')[0]).toEqual([8, 137]);
    expect(q.eventTimes('x', 'Started')).toEqual([1, 9]);
  });

  it('reports an action on a missing pod as a diagnostic', () => {
    const q = run([], {
      actions: [action(1, { delete: { kind: 'Pod', name: 'nope' } })],
      until: 5,
    });
    expect(q.diagnostics.map((d) => d.message)).toEqual(['pods "nope" not found']);
  });
});

describe('Services', () => {
  it('emits endpoints for a Service created after its pods, sorted by pod name', () => {
    const q = run(
      [
        pod('b', { containers: [container('c')] }, { app: 'x' }),
        pod('a', { containers: [container('c')] }, { app: 'x' }),
        service('s', { app: 'x' }),
      ],
      {
        deferred: [{ kind: 'Service', name: 's' }],
        actions: [action(10, { apply: { kind: 'Service', name: 's' } })],
        until: 20,
      },
    );
    expect(q.endpoints('s')).toEqual([[10, 'a(T,T,F) b(T,T,F)']]);
  });
});

describe('TerminatePod (R1.9)', () => {
  it('deleting a pod stuck in ImagePullBackOff reports the container lost and the pod Failed', () => {
    const q = run([pod('stuck', { containers: [container('c', { image: 'nope:1' })] })], {
      images: { 'nope:1': { found: false, pullS: 0 } },
      actions: [action(30, { delete: { kind: 'Pod', name: 'stuck' } })],
      until: 40,
    });
    expect(q.states('stuck', 'c').at(-1)).toEqual([
      30,
      'terminated:ContainerStatusUnknown(137)',
      0,
      false,
    ]);
    expect(q.phases('stuck').at(-1)).toEqual([30, 'Failed']);
    expect(q.of('pod.deleted')[0]?.t).toBe(31);
  });
});

describe('deletion during a liveness kill', () => {
  it('still SIGKILLs a process that ignores SIGTERM once the deletion grace runs out', () => {
    const q = run(
      [
        pod('k', {
          containers: [
            container('c', { livenessProbe: { exec: { command: ['x'] }, periodSeconds: 10 } }),
          ],
        }),
      ],
      {
        behaviours: { c: { exec: () => ({ exitCode: 1 }) } },
        actions: [action(40, { delete: { kind: 'Pod', name: 'k', gracePeriodSeconds: 5 } })],
        until: 120,
      },
    );
    expect(q.signals('k', 'c')).toEqual([
      [30, 'SIGTERM'],
      [45, 'SIGKILL'],
    ]);
    expect(q.phases('k').at(-1)).toEqual([45, 'Failed']);
    expect(q.of('pod.deleted')[0]?.t).toBe(46);
  });
});

describe('StartError (R4.2 RunContainerError)', () => {
  it('no Started event, waiting RunContainerError, then the CrashLoopBackOff ladder', () => {
    const q = run([pod('se', { containers: [container('c', { command: ['nosuch'] })] })], {
      behaviours: { c: { exitAfter: 0, exitCode: 128, exitReason: 'StartError' } },
      until: 40,
    });
    expect(q.eventTimes('se', 'Started')).toEqual([]);
    expect(q.eventTimes('se', 'Created')).toEqual([1, 2, 12, 32]);
    const states = q.states('se', 'c');
    expect(states[1]).toEqual([1, 'waiting:RunContainerError', 0, false]);
    expect(states.find(([, s]) => s === 'waiting:CrashLoopBackOff')?.[0]).toBe(3);
    expect(q.phases('se').at(-1)?.[1]).toBe('Running');
  });
});

describe('TerminatePod after activeDeadlineSeconds', () => {
  it('a container waiting in CrashLoopBackOff is reported ContainerStatusUnknown (137)', () => {
    const q = run([pod('dl', { activeDeadlineSeconds: 30, containers: [container('c')] })], {
      behaviours: { c: { exitAfter: 0, exitCode: 1 } },
      until: 40,
    });
    expect(q.states('dl', 'c').at(-1)).toEqual([
      30,
      'terminated:ContainerStatusUnknown(137)',
      2,
      false,
    ]);
    expect(q.phases('dl').at(-1)).toEqual([30, 'Failed']);
    expect(q.of('pod.deleted')).toEqual([]);
  });
});
