/**
 * The container statechart (DESIGN §2.2): one actor per container slot (init, sidecar, regular).
 * It holds the kubelet's own view of the container — waiting (with the kubelet's reasons), running
 * (parallel regions: postStart hook, startup / readiness / liveness results), terminating (preStop,
 * SIGTERM, SIGKILL), terminated — and its restart count. The pod worker sends it events as the
 * kubelet acts; probe ticks never reach it, only published result changes do.
 */
import { assign, setup } from 'xstate';

export type ContainerEvent =
  | { type: 'image.pulling' }
  | { type: 'container.waiting'; reason: string }
  | { type: 'container.started'; restartCount: number; postStart: boolean }
  | { type: 'hook.postStartDone' }
  | { type: 'probe.startup'; result: 'Success' | 'Failure' | 'Unknown' }
  | { type: 'probe.readiness'; result: 'Success' | 'Failure' | 'Unknown' }
  | { type: 'probe.liveness'; result: 'Success' | 'Failure' | 'Unknown' }
  | { type: 'kill.requested'; preStop: boolean }
  | { type: 'hook.preStopDone' }
  | { type: 'signal.sent'; signal: string }
  | { type: 'container.exited'; exitCode: number; reason: string };

export interface ContainerContext {
  name: string;
  hasStartupProbe: boolean;
  hasReadinessProbe: boolean;
  restartCount: number;
  waitingReason: string;
  lastExitCode: number | undefined;
}

const waitingTargets: Record<string, string> = {
  CrashLoopBackOff: '.crashLoopBackOff',
  ErrImagePull: '.errImagePull',
  ImagePullBackOff: '.imagePullBackOff',
  ErrImageNeverPull: '.errImagePull',
  InvalidImageName: '.errImagePull',
  RegistryUnavailable: '.errImagePull',
};

export const containerMachine = setup({
  types: {
    context: {} as ContainerContext,
    events: {} as ContainerEvent,
    input: {} as {
      name: string;
      waitingReason: string;
      hasStartupProbe: boolean;
      hasReadinessProbe: boolean;
    },
  },
  actions: {
    setWaitingReason: assign({
      waitingReason: ({ event }) => (event.type === 'container.waiting' ? event.reason : ''),
    }),
    setRestartCount: assign({
      restartCount: ({ event, context }) =>
        event.type === 'container.started' ? event.restartCount : context.restartCount,
    }),
    recordExit: assign({
      lastExitCode: ({ event, context }) =>
        event.type === 'container.exited' ? event.exitCode : context.lastExitCode,
    }),
  },
  guards: {
    hasPostStart: ({ event }) => event.type === 'container.started' && event.postStart,
    hasPreStop: ({ event }) => event.type === 'kill.requested' && event.preStop,
    isCrashLoop: ({ event }) =>
      event.type === 'container.waiting' && event.reason === 'CrashLoopBackOff',
    isImagePullError: ({ event }) =>
      event.type === 'container.waiting' && waitingTargets[event.reason] === '.errImagePull',
    isImagePullBackOff: ({ event }) =>
      event.type === 'container.waiting' && event.reason === 'ImagePullBackOff',
    isSigkill: ({ event }) => event.type === 'signal.sent' && event.signal === 'SIGKILL',
    noStartupProbe: ({ context }) => !context.hasStartupProbe,
    noReadinessProbe: ({ context }) => !context.hasReadinessProbe,
    resultSuccess: ({ event }) => 'result' in event && event.result === 'Success',
    resultFailure: ({ event }) => 'result' in event && event.result === 'Failure',
  },
}).createMachine({
  id: 'container',
  context: ({ input }) => ({
    name: input.name,
    hasStartupProbe: input.hasStartupProbe,
    hasReadinessProbe: input.hasReadinessProbe,
    restartCount: 0,
    waitingReason: input.waitingReason,
    lastExitCode: undefined,
  }),
  initial: 'waiting',
  states: {
    waiting: {
      description: 'No running instance: created, pulling, or held back by an error or a back-off',
      initial: 'pending',
      states: {
        pending: { description: 'ContainerCreating / PodInitializing' },
        pulling: { description: 'EnsureImageExists: Pulling image' },
        errImagePull: { description: 'The last pull failed (ErrImagePull)' },
        imagePullBackOff: {
          description: 'podUID_image is in back-off: no pull (ImagePullBackOff)',
        },
        crashLoopBackOff: { description: 'now − last exit < back-off: not restarted yet' },
        createError: { description: 'CreateContainerConfigError, RunContainerError, …' },
      },
      on: {
        'image.pulling': '.pulling',
        'container.waiting': [
          { guard: 'isCrashLoop', target: '.crashLoopBackOff', actions: 'setWaitingReason' },
          { guard: 'isImagePullBackOff', target: '.imagePullBackOff', actions: 'setWaitingReason' },
          { guard: 'isImagePullError', target: '.errImagePull', actions: 'setWaitingReason' },
          { target: '.createError', actions: 'setWaitingReason' },
        ],
        'container.started': [
          {
            guard: 'hasPostStart',
            target: 'running.postStart.running',
            actions: 'setRestartCount',
          },
          { target: 'running', actions: 'setRestartCount' },
        ],
      },
    },
    running: {
      description: 'StartContainer returned; probes run on the admission grid',
      type: 'parallel',
      states: {
        postStart: {
          initial: 'none',
          states: { none: {}, running: { on: { 'hook.postStartDone': 'done' } }, done: {} },
        },
        startup: {
          initial: 'unknown',
          states: {
            // No startupProbe: started as soon as running (R7.6).
            unknown: { always: { guard: 'noStartupProbe', target: 'success' } },
            success: {},
            failure: {},
          },
          on: {
            'probe.startup': [
              { guard: 'resultSuccess', target: '.success' },
              { guard: 'resultFailure', target: '.failure' },
            ],
          },
        },
        readiness: {
          initial: 'notReady',
          states: {
            // No readinessProbe: ready once running and started (R7.5).
            notReady: { always: { guard: 'noReadinessProbe', target: 'ready' } },
            ready: {},
          },
          on: {
            'probe.readiness': [
              { guard: 'resultSuccess', target: '.ready' },
              { target: '.notReady' },
            ],
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
      },
      on: {
        'kill.requested': [
          { guard: 'hasPreStop', target: 'terminating.preStop' },
          { target: 'terminating.stopping' },
        ],
        'container.exited': { target: 'terminated', actions: 'recordExit' },
      },
    },
    terminating: {
      description: 'killContainer: preStop, then the stop signal, SIGKILL when the grace runs out',
      initial: 'preStop',
      states: {
        preStop: { on: { 'hook.preStopDone': 'stopping' } },
        stopping: { on: { 'signal.sent': { guard: 'isSigkill', target: 'killing' } } },
        killing: {},
      },
      on: { 'container.exited': { target: 'terminated', actions: 'recordExit' } },
    },
    terminated: {
      description: 'The instance exited; restartPolicy and the back-off decide what happens next',
      on: {
        'container.waiting': [
          { guard: 'isCrashLoop', target: 'waiting.crashLoopBackOff', actions: 'setWaitingReason' },
          {
            guard: 'isImagePullBackOff',
            target: 'waiting.imagePullBackOff',
            actions: 'setWaitingReason',
          },
          {
            guard: 'isImagePullError',
            target: 'waiting.errImagePull',
            actions: 'setWaitingReason',
          },
          { target: 'waiting.createError', actions: 'setWaitingReason' },
        ],
        'image.pulling': 'waiting.pulling',
        'container.started': [
          {
            guard: 'hasPostStart',
            target: 'running.postStart.running',
            actions: 'setRestartCount',
          },
          { target: 'running', actions: 'setRestartCount' },
        ],
      },
    },
  },
});
