/**
 * The container statechart (DESIGN §2.2): one actor per container slot (init, sidecar, regular).
 * It holds the container's API status — the status generation (kubelet/status/statusManager.ts,
 * generateAPIPodStatus) hands it every new status with `status.written`, and everything else in the
 * kubelet reads `slot.status` back from this chart's context — so its top state (waiting with the
 * kubelet's reason, running, terminated) is the status kubectl shows, at every instant.
 * Inside those states it adds what the kubelet is doing that the status does not say: pulling,
 * the postStart hook (the sync waits for it, the status stays ContainerCreating), the kill
 * sequence (preStop, the stop signal, SIGKILL; the status says running until PLEG sees the exit),
 * and the published liveness result. Probe ticks never reach it, only result changes do.
 */
import { assign, setup } from 'xstate';
import type { ContainerStatus } from '../trace/types.ts';

export type ContainerEvent =
  | { type: 'status.written'; status: ContainerStatus }
  | { type: 'image.pulling' }
  | { type: 'hook.postStart' }
  | { type: 'hook.postStartDone' }
  | { type: 'probe.liveness'; result: 'Success' | 'Failure' | 'Unknown' }
  | { type: 'kill.requested'; preStop: boolean }
  | { type: 'hook.preStopDone' }
  | { type: 'signal.sent'; signal: string };

export interface ContainerContext {
  name: string;
  /** The API status last written (undefined before the first status). */
  status: ContainerStatus | undefined;
  /** The containerID the `running` state was entered for. */
  instance: string | undefined;
}

export type WaitingClass =
  'pending' | 'crashLoopBackOff' | 'errImagePull' | 'imagePullBackOff' | 'createError';

const WAITING_CLASS: Record<string, WaitingClass> = {
  ContainerCreating: 'pending',
  PodInitializing: 'pending',
  CrashLoopBackOff: 'crashLoopBackOff',
  ErrImagePull: 'errImagePull',
  ErrImageNeverPull: 'errImagePull',
  InvalidImageName: 'errImagePull',
  RegistryUnavailable: 'errImagePull',
  ImagePullBackOff: 'imagePullBackOff',
};

/** The chart state a container status puts the chart in (top state, and waiting sub-state). */
export function chartStateOf(status: ContainerStatus | undefined): string {
  if (!status) return 'waiting.pending';
  const s = status.state;
  if ('running' in s) return 'running';
  if ('terminated' in s) return 'terminated';
  return `waiting.${WAITING_CLASS[s.waiting.reason ?? ''] ?? 'createError'}`;
}

type Ctx = { context: ContainerContext };
const top = ({ context }: Ctx) => chartStateOf(context.status).split('.')[0];
const waitingIs =
  (cls: WaitingClass) =>
  ({ context }: Ctx) =>
    chartStateOf(context.status) === `waiting.${cls}`;

type ExitGuard = 'statusRunning' | 'statusTerminated' | `waiting_${WaitingClass}`;
const CLASSES: WaitingClass[] = [
  'pending',
  'crashLoopBackOff',
  'errImagePull',
  'imagePullBackOff',
  'createError',
];

/** Leave for the state the status says, from any waiting sub-state. */
const waitingExits = (self: WaitingClass): { guard: ExitGuard; target: string }[] => [
  { guard: 'statusRunning', target: '#container.running' },
  { guard: 'statusTerminated', target: '#container.terminated' },
  ...CLASSES.filter((c) => c !== self).map((c) => ({
    guard: `waiting_${c}` as const,
    target: `#container.waiting.${c}`,
  })),
];

export const containerMachine = setup({
  types: {
    context: {} as ContainerContext,
    events: {} as ContainerEvent,
    input: {} as { name: string },
  },
  actions: {
    setInstance: assign({ instance: ({ context }) => context.status?.containerID }),
    setStatus: assign({
      status: ({ event, context }) =>
        event.type === 'status.written' ? event.status : context.status,
    }),
  },
  guards: {
    statusRunning: (a: Ctx) => top(a) === 'running',
    statusTerminated: (a: Ctx) => top(a) === 'terminated',
    statusWaiting: (a: Ctx) => top(a) === 'waiting',
    waiting_pending: waitingIs('pending'),
    waiting_crashLoopBackOff: waitingIs('crashLoopBackOff'),
    waiting_errImagePull: waitingIs('errImagePull'),
    waiting_imagePullBackOff: waitingIs('imagePullBackOff'),
    waiting_createError: waitingIs('createError'),
    newInstance: ({ context }: Ctx) =>
      top({ context }) === 'running' && context.status?.containerID !== context.instance,
    statusReady: ({ context }: Ctx) => context.status?.ready === true,
    statusNotReady: ({ context }: Ctx) => context.status?.ready !== true,
    statusStarted: ({ context }: Ctx) => context.status?.started === true,
    statusNotStarted: ({ context }: Ctx) => context.status?.started !== true,
    hasPreStop: ({ event }) => event.type === 'kill.requested' && event.preStop,
    isSigkill: ({ event }) => event.type === 'signal.sent' && event.signal === 'SIGKILL',
    resultFailure: ({ event }) => event.type === 'probe.liveness' && event.result === 'Failure',
  },
}).createMachine({
  id: 'container',
  context: ({ input }) => ({ name: input.name, status: undefined, instance: undefined }),
  initial: 'waiting',
  on: { 'status.written': { actions: 'setStatus' } },
  states: {
    waiting: {
      description: 'Status waiting: no running instance the kubelet has seen',
      initial: 'pending',
      states: {
        pending: {
          description: 'ContainerCreating / PodInitializing',
          initial: 'creating',
          always: waitingExits('pending'),
          states: {
            creating: {},
            pulling: { description: 'EnsureImageExists: Pulling image' },
            postStart: {
              description:
                'The postStart hook runs; the sync waits for it (still ContainerCreating)',
              on: { 'hook.postStartDone': 'creating' },
            },
          },
          on: { 'image.pulling': '.pulling', 'hook.postStart': '.postStart' },
        },
        errImagePull: {
          description: 'The last pull failed (ErrImagePull)',
          always: waitingExits('errImagePull'),
        },
        imagePullBackOff: {
          description: 'The image is in back-off: no pull (ImagePullBackOff)',
          always: waitingExits('imagePullBackOff'),
        },
        crashLoopBackOff: {
          description: 'now − last exit < back-off: not restarted yet',
          always: waitingExits('crashLoopBackOff'),
        },
        createError: {
          description: 'CreateContainerConfigError, RunContainerError, PostStartHookError, …',
          always: waitingExits('createError'),
        },
      },
    },
    running: {
      description: 'Status running; probes run on the admission grid',
      type: 'parallel',
      entry: 'setInstance',
      always: [
        // A new instance (killed and restarted within one sync, R6.8): its regions start afresh.
        { guard: 'newInstance', target: 'running', reenter: true },
        { guard: 'statusTerminated', target: 'terminated' },
        { guard: 'statusWaiting', target: 'waiting' },
      ],
      states: {
        startup: {
          initial: 'unknown',
          states: {
            unknown: { always: { guard: 'statusStarted', target: 'started' } },
            started: { always: { guard: 'statusNotStarted', target: 'unknown' } },
          },
        },
        readiness: {
          initial: 'notReady',
          states: {
            notReady: { always: { guard: 'statusReady', target: 'ready' } },
            ready: { always: { guard: 'statusNotReady', target: 'notReady' } },
          },
        },
        liveness: {
          initial: 'healthy',
          states: { healthy: {}, failed: {} },
          on: {
            'probe.liveness': [
              { guard: 'resultFailure', target: '.failed' },
              { target: '.healthy' },
            ],
          },
        },
        postStart: {
          initial: 'none',
          states: {
            none: { on: { 'hook.postStart': 'running' } },
            running: { on: { 'hook.postStartDone': 'done' } },
            done: {},
          },
        },
        kill: {
          description:
            'killContainer: preStop, then the stop signal, SIGKILL when the grace runs out',
          initial: 'none',
          states: {
            none: {
              on: {
                'kill.requested': [
                  { guard: 'hasPreStop', target: 'preStop' },
                  { target: 'stopping' },
                ],
              },
            },
            preStop: { on: { 'hook.preStopDone': 'stopping' } },
            stopping: { on: { 'signal.sent': { guard: 'isSigkill', target: 'killing' } } },
            killing: {},
          },
        },
      },
    },
    terminated: {
      description: 'The exit was seen; restartPolicy and the back-off decide what happens next',
      always: [
        { guard: 'statusRunning', target: 'running' },
        { guard: 'statusWaiting', target: 'waiting' },
      ],
    },
  },
});
