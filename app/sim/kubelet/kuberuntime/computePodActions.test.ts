/** Table test in the spirit of kuberuntime_manager_test.go `TestComputePodActions`: one row per rule. */
import { describe, expect, it } from 'vitest';
import {
  computePodActions,
  shouldContainerBeRestarted,
  type ObservedContainer,
  type PodActions,
  type PodObserved,
} from './computePodActions.ts';

const running = (name: string, extra: Partial<ObservedContainer> = {}): ObservedContainer => ({
  name,
  kind: 'regular',
  hasStartupProbe: false,
  latest: { seen: 'running' },
  ...extra,
});
const exited = (name: string, exitCode: number, kind: ObservedContainer['kind'] = 'regular') => ({
  name,
  kind,
  hasStartupProbe: false,
  latest: { seen: 'exited' as const, exitCode },
});
const absent = (name: string, kind: ObservedContainer['kind'] = 'regular'): ObservedContainer => ({
  name,
  kind,
  hasStartupProbe: false,
});

const pod = (containers: ObservedContainer[], o: Partial<PodObserved> = {}): PodObserved => ({
  restartPolicy: 'Always',
  initialized: true,
  regularStarted: true,
  containers,
  ...o,
});
const act = (o: Partial<PodActions>): PodActions => ({
  killPod: false,
  kills: [],
  starts: [],
  ephemeralStarts: [],
  initDone: false,
  ...o,
});

const rows: [string, PodObserved, PodActions][] = [
  [
    'new pod: start every regular container',
    pod([absent('a'), absent('b')]),
    act({ starts: ['a', 'b'] }),
  ],
  ['all running: nothing to do', pod([running('a'), running('b')]), act({})],
  [
    'Always: restart an exited container',
    pod([exited('a', 0), running('b')]),
    act({ starts: ['a'] }),
  ],
  [
    'OnFailure: exit 0 is not restarted',
    pod([exited('a', 0), running('b')], { restartPolicy: 'OnFailure' }),
    act({}),
  ],
  [
    'OnFailure: exit 1 is restarted',
    pod([exited('a', 1), running('b')], { restartPolicy: 'OnFailure' }),
    act({ starts: ['a'] }),
  ],
  [
    'Never: all exited → kill the pod',
    pod([exited('a', 1)], { restartPolicy: 'Never' }),
    act({ killPod: true }),
  ],
  [
    'liveness failure: kill and restart in the same sync',
    pod([running('a', { latest: { seen: 'running', liveness: 'Failure' } })]),
    act({ kills: [{ container: 'a', reason: 'liveness', restart: true }], starts: ['a'] }),
  ],
  [
    'liveness failure with Never: kill, no restart, then the pod is killed',
    pod([running('a', { latest: { seen: 'running', liveness: 'Failure' } })], {
      restartPolicy: 'Never',
    }),
    act({ killPod: true, kills: [{ container: 'a', reason: 'liveness', restart: false }] }),
  ],
  [
    'startup failure kills like liveness',
    pod([running('a', { hasStartupProbe: true, latest: { seen: 'running', startup: 'Failure' } })]),
    act({ kills: [{ container: 'a', reason: 'startup', restart: true }], starts: ['a'] }),
  ],
  [
    'a probe result of an instance not yet seen running is ignored',
    pod([running('a', { latest: { seen: 'none', liveness: 'Failure' } })]),
    act({}),
  ],
  [
    'init: the first init container is started first, nothing else',
    pod([absent('i1', 'init'), absent('i2', 'init'), absent('a')], {
      initialized: false,
      regularStarted: false,
    }),
    act({ starts: ['i1'] }),
  ],
  [
    'init: a running init container blocks the sequence',
    pod([running('i1', { kind: 'init' }), absent('a')], {
      initialized: false,
      regularStarted: false,
    }),
    act({}),
  ],
  [
    'init: a failed init container is restarted (Always)',
    pod([exited('i1', 1, 'init'), absent('a')], { initialized: false, regularStarted: false }),
    act({ starts: ['i1'] }),
  ],
  [
    'init: a failed init container with Never kills the pod',
    pod([exited('i1', 1, 'init'), absent('a')], {
      initialized: false,
      regularStarted: false,
      restartPolicy: 'Never',
    }),
    act({ killPod: true }),
  ],
  [
    'init: all init containers done → initDone, regular containers start',
    pod([exited('i1', 0, 'init'), absent('a')], { initialized: false, regularStarted: false }),
    act({ initDone: true, starts: ['a'] }),
  ],
  [
    'sidecar: not yet started (startup probe pending) blocks the next init container',
    pod(
      [running('s', { kind: 'sidecar', hasStartupProbe: true }), absent('i1', 'init'), absent('a')],
      { initialized: false, regularStarted: false },
    ),
    act({}),
  ],
  [
    'sidecar: started lets the sequence go on',
    pod([running('s', { kind: 'sidecar' }), absent('i1', 'init'), absent('a')], {
      initialized: false,
      regularStarted: false,
    }),
    act({ starts: ['i1'] }),
  ],
  [
    'sidecar: an exited sidecar is restarted after initialization',
    pod([exited('s', 0, 'sidecar'), running('a')]),
    act({ starts: ['s'] }),
  ],
  [
    'sidecar: all regular containers done (OnFailure, exit 0) → kill the pod, sidecars not restarted',
    pod([exited('s', 1, 'sidecar'), exited('a', 0)], { restartPolicy: 'OnFailure' }),
    act({ killPod: true }),
  ],
  [
    'a regular container already started skips the init sequence (HasAnyActiveRegularContainerStarted)',
    pod([exited('i1', 1, 'init'), running('a')], { initialized: false, regularStarted: true }),
    act({}),
  ],
  [
    'container hash changed: kill and restart it, the others stay',
    pod([running('a', { latest: { seen: 'running', changed: true } }), running('b')]),
    act({ kills: [{ container: 'a', reason: 'changed', restart: true }], starts: ['a'] }),
  ],
  [
    'container hash changed with Never: still restarted (the spec changed)',
    pod([running('a', { latest: { seen: 'running', changed: true } })], {
      restartPolicy: 'Never',
    }),
    act({ kills: [{ container: 'a', reason: 'changed', restart: true }], starts: ['a'] }),
  ],
  [
    'container hash changed wins over a liveness failure (checked first)',
    pod([running('a', { latest: { seen: 'running', changed: true, liveness: 'Failure' } })]),
    act({ kills: [{ container: 'a', reason: 'changed', restart: true }], starts: ['a'] }),
  ],
  [
    'sidecar hash changed: killed and restarted after initialization',
    pod([
      running('s', { kind: 'sidecar', latest: { seen: 'running', changed: true } }),
      running('a'),
    ]),
    act({ kills: [{ container: 's', reason: 'changed', restart: true }], starts: ['s'] }),
  ],
  [
    'an exited plain init container with a changed image is left alone once initialized',
    pod([exited('i1', 0, 'init'), running('a')]),
    act({}),
  ],
  [
    'sandbox changed: kill the pod, new sandbox, the first init container again',
    pod([exited('i1', 0, 'init'), exited('i2', 0, 'init'), running('a')], { sandboxChanged: true }),
    act({ killPod: true, createSandbox: true, starts: ['i1'] }),
  ],
  [
    'sandbox changed without init containers: every regular container starts',
    pod([running('a'), exited('b', 1)], { sandboxChanged: true }),
    act({ killPod: true, createSandbox: true, starts: ['a', 'b'] }),
  ],
  [
    'sandbox changed, OnFailure: a succeeded container is not started again',
    pod([running('a'), exited('b', 0)], { sandboxChanged: true, restartPolicy: 'OnFailure' }),
    act({ killPod: true, createSandbox: true, starts: ['a'] }),
  ],
  [
    'sandbox changed, OnFailure, all succeeded: killed, no new sandbox',
    pod([exited('a', 0)], { sandboxChanged: true, restartPolicy: 'OnFailure' }),
    act({ killPod: true }),
  ],
  [
    'sandbox changed, Never, containers ran: killed, no new sandbox',
    pod([running('a')], { sandboxChanged: true, restartPolicy: 'Never' }),
    act({ killPod: true }),
  ],
  [
    'sandbox changed, Never, nothing ran yet: a new sandbox is tried',
    pod([absent('a')], { sandboxChanged: true, restartPolicy: 'Never' }),
    act({ killPod: true, createSandbox: true, starts: ['a'] }),
  ],
  [
    'a new ephemeral container is started (EphemeralContainersToStart)',
    pod([running('a'), absent('debugger', 'ephemeral')]),
    act({ ephemeralStarts: ['debugger'] }),
  ],
  [
    'an exited ephemeral container is never restarted, whatever the policy',
    pod([running('a'), exited('debugger', 1, 'ephemeral')]),
    act({}),
  ],
  [
    'an ephemeral container starts even while the init sequence is blocked',
    pod([exited('init', 1, 'init'), absent('a'), absent('debugger', 'ephemeral')], {
      initialized: false,
      regularStarted: false,
    }),
    act({ starts: ['init'], ephemeralStarts: ['debugger'] }),
  ],
  [
    'an ephemeral container keeps nothing alive: the Never pod whose containers exited is killed',
    pod([exited('a', 0), running('debugger', { kind: 'ephemeral' })], { restartPolicy: 'Never' }),
    act({ killPod: true }),
  ],
  [
    'sandbox changed: the ephemeral container is not among the starts',
    pod([running('a'), exited('debugger', 137, 'ephemeral')], { sandboxChanged: true }),
    act({ killPod: true, createSandbox: true, starts: ['a'] }),
  ],
];

describe('computePodActions (TestComputePodActions)', () => {
  it.each(rows)('%s', (_name, observed, want) => {
    expect(computePodActions(observed)).toEqual(want);
  });
});

describe('shouldContainerBeRestarted', () => {
  const cases: [ObservedContainer['kind'], number, string, boolean][] = [
    ['regular', 0, 'Always', true],
    ['regular', 0, 'OnFailure', false],
    ['regular', 2, 'OnFailure', true],
    ['regular', 2, 'Never', false],
    ['init', 0, 'Always', false],
    ['init', 1, 'Always', true],
    ['init', 1, 'Never', false],
    ['sidecar', 0, 'Never', true],
    ['ephemeral', 1, 'Always', false],
  ];
  it.each(cases)('%s exit %i with %s → %s', (kind, code, policy, want) => {
    expect(shouldContainerBeRestarted(kind, code, policy)).toBe(want);
  });
});
