import { describe, expect, it } from 'vitest';
import type { ContainerStatus } from '../../trace/types.ts';
import { getPhase } from './getPhase.ts';
import { getConditions } from './generate.ts';

const running = (extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name: 'c',
  image: 'busybox',
  ready: true,
  started: true,
  restartCount: 0,
  state: { running: { startedAt: 1 } },
  ...extra,
});
const terminated = (exitCode: number): ContainerStatus => ({
  name: 'c',
  image: 'busybox',
  ready: false,
  restartCount: 0,
  state: {
    terminated: { exitCode, reason: exitCode ? 'Error' : 'Completed', startedAt: 1, finishedAt: 2 },
  },
});
const waiting = (reason: string, last?: number): ContainerStatus => ({
  name: 'c',
  image: 'busybox',
  ready: false,
  restartCount: 1,
  state: { waiting: { reason } },
  ...(last !== undefined
    ? {
        lastState: { terminated: { exitCode: last, reason: 'Error', startedAt: 1, finishedAt: 2 } },
      }
    : {}),
});
const base = { podIsTerminal: false, podHasInitialized: false };

describe('getPhase (R1.4)', () => {
  it.each([
    ['Always', [terminated(1)], 'Running'],
    ['OnFailure', [terminated(1)], 'Running'],
    ['Never', [terminated(1)], 'Failed'],
    ['Never', [terminated(0)], 'Succeeded'],
    ['OnFailure', [terminated(0)], 'Succeeded'],
    ['Always', [terminated(0)], 'Running'],
    ['Always', [waiting('ContainerCreating')], 'Pending'],
    ['Always', [waiting('CrashLoopBackOff', 1)], 'Running'],
    ['Never', [running(), terminated(1)], 'Running'],
  ] as const)('%s with %j → %s', (restartPolicy, sts, phase) => {
    const statuses = sts.map((status) => ({ kind: 'regular' as const, status }));
    expect(getPhase({ ...base, statuses, restartPolicy })).toBe(phase);
  });

  it('a terminating pod is Succeeded only if every container exited 0', () => {
    const statuses = [terminated(0), terminated(137)].map((status) => ({
      kind: 'regular' as const,
      status,
    }));
    expect(
      getPhase({ statuses, restartPolicy: 'Always', podIsTerminal: true, podHasInitialized: true }),
    ).toBe('Failed');
  });

  it('init failure under Never fails the pod; a running init keeps it Pending', () => {
    const w = { kind: 'regular' as const, status: waiting('PodInitializing') };
    expect(
      getPhase({
        ...base,
        restartPolicy: 'Never',
        statuses: [{ kind: 'init', status: terminated(1) }, w],
      }),
    ).toBe('Failed');
    expect(
      getPhase({
        ...base,
        restartPolicy: 'Always',
        statuses: [{ kind: 'init', status: running() }, w],
      }),
    ).toBe('Pending');
    expect(
      getPhase({
        ...base,
        restartPolicy: 'Always',
        statuses: [{ kind: 'init', status: waiting('CrashLoopBackOff', 1) }, w],
      }),
    ).toBe('Pending');
  });

  it('a sidecar that has not started keeps the pod Pending until initialized', () => {
    const statuses = [
      { kind: 'sidecar' as const, status: running({ started: false }) },
      { kind: 'regular' as const, status: running() },
    ];
    expect(getPhase({ ...base, restartPolicy: 'Always', statuses })).toBe('Pending');
    expect(getPhase({ ...base, podHasInitialized: true, restartPolicy: 'Always', statuses })).toBe(
      'Running',
    );
  });
});

describe('getConditions (R5)', () => {
  it('lists unready containers and copies them into Ready; gates block Ready', () => {
    const conds = getConditions({
      statuses: [
        { name: 'a', kind: 'regular', status: running({ ready: false }) },
        { name: 'b', kind: 'regular', status: running({ ready: false }) },
      ],
      phase: 'Running',
      sandboxReady: true,
      podHasInitialized: true,
      readinessGates: [],
      external: new Map(),
    });
    expect(conds.map((c) => c.type)).toEqual([
      'PodReadyToStartContainers',
      'Initialized',
      'Ready',
      'ContainersReady',
      'PodScheduled',
    ]);
    expect(conds[2]).toEqual({
      type: 'Ready',
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [a b]',
    });
    const gated = getConditions({
      statuses: [{ name: 'a', kind: 'regular', status: running() }],
      phase: 'Running',
      sandboxReady: true,
      podHasInitialized: true,
      readinessGates: ['example.com/lb'],
      external: new Map(),
    });
    expect(gated[2]).toMatchObject({ status: 'False', reason: 'ReadinessGatesNotReady' });
    expect(gated[2]!.message).toBe(
      'corresponding condition of pod readiness gate "example.com/lb" does not exist.',
    );
  });

  it('uses PodCompleted / PodFailed in terminal phases and ContainersNotInitialized during init', () => {
    const done = getConditions({
      statuses: [{ name: 'a', kind: 'regular', status: terminated(0) }],
      phase: 'Succeeded',
      sandboxReady: false,
      podHasInitialized: true,
      readinessGates: [],
      external: new Map(),
    });
    expect(done.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['PodReadyToStartContainers', 'False', undefined],
      ['Initialized', 'True', 'PodCompleted'],
      ['Ready', 'False', 'PodCompleted'],
      ['ContainersReady', 'False', 'PodCompleted'],
      ['PodScheduled', 'True', undefined],
    ]);
    const init = getConditions({
      statuses: [
        { name: 'i1', kind: 'init', status: running() },
        { name: 'i2', kind: 'init', status: waiting('PodInitializing') },
        { name: 'app', kind: 'regular', status: waiting('PodInitializing') },
      ],
      phase: 'Pending',
      sandboxReady: true,
      podHasInitialized: false,
      readinessGates: [],
      external: new Map(),
    });
    expect(init[1]!.message).toBe('containers with incomplete status: [i1 i2]');
  });
});
