/**
 * The pod statechart (DESIGN §2.2). It owns the pod's lifecycle; the kubelet reads it instead of
 * keeping its own copy (PodWorker.lifecycle / phase / initialized / sandboxReady are views of it):
 * - `worker` is the pod worker's state (pkg/kubelet/pod_workers.go podSyncStatus: syncing →
 *   terminating → terminated; `removed` once the object is gone from the API), with the sync's
 *   progress while syncing (admitted, sandbox, init sequence, containers started);
 * - `sandbox` is the pod sandbox (RunPodSandbox / StopPodSandbox; PodReadyToStartContainers);
 * - `phase` is the API phase the status generation last wrote (kubelet_pods.go getPhase). A terminal
 *   phase has no way out: the status manager never moves a pod from Succeeded/Failed back
 *   (status_manager.go checkContainerStateTransition / "terminal phase never changes").
 */
import { setup } from 'xstate';

export type PhaseName = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

export type PodEvent =
  | { type: 'pod.admitted' }
  | { type: 'sandbox.ready'; hasInit: boolean }
  | { type: 'sandbox.stopped' }
  /** podSandboxChanged: the sandbox is gone and a new one will be created (init runs again). */
  | { type: 'sandbox.changed' }
  | { type: 'pod.initialized' }
  | { type: 'phase.changed'; phase: PhaseName }
  | { type: 'pod.terminating' }
  | { type: 'pod.terminated' }
  | { type: 'pod.deleted' };

const toPhase = [
  { guard: 'isPending', target: 'pending' },
  { guard: 'isRunning', target: 'running' },
  { guard: 'isSucceeded', target: 'succeeded' },
  { guard: 'isFailed', target: 'failed' },
] as const;

export const podMachine = setup({
  types: { events: {} as PodEvent },
  guards: {
    hasInit: ({ event }) => event.type === 'sandbox.ready' && event.hasInit,
    isPending: ({ event }) => event.type === 'phase.changed' && event.phase === 'Pending',
    isRunning: ({ event }) => event.type === 'phase.changed' && event.phase === 'Running',
    isSucceeded: ({ event }) => event.type === 'phase.changed' && event.phase === 'Succeeded',
    isFailed: ({ event }) => event.type === 'phase.changed' && event.phase === 'Failed',
  },
}).createMachine({
  id: 'pod',
  type: 'parallel',
  states: {
    worker: {
      initial: 'syncing',
      states: {
        syncing: {
          description: 'The pod worker syncs the pod (SyncPod): one sync at a time',
          initial: 'scheduling',
          states: {
            scheduling: {
              description: 'Bound to the node by the scheduler',
              on: { 'pod.admitted': 'sandbox' },
            },
            sandbox: {
              description: 'Volumes mounted, then RunPodSandbox: network namespace and pod IP',
              on: {
                'sandbox.ready': [
                  { guard: 'hasInit', target: 'initializing' },
                  { target: 'started' },
                ],
              },
            },
            initializing: {
              description: 'Init containers one at a time; sidecars must be Running and started',
              on: { 'pod.initialized': 'started' },
            },
            started: {
              description: 'Init sequence done: regular containers started in spec order',
            },
          },
          on: {
            'pod.terminating': 'terminating',
            'pod.terminated': 'terminated',
            'sandbox.changed': '.sandbox',
          },
        },
        terminating: {
          description:
            'SyncTerminatingPod (deletion or activeDeadlineSeconds): every container is killed, sidecars last',
          on: { 'pod.terminated': 'terminated' },
        },
        terminated: {
          description: 'SyncTerminatedPod: nothing runs; the kubelet no longer syncs the pod',
        },
        removed: { type: 'final', description: 'The object is gone from the API' },
      },
      on: { 'pod.deleted': '.removed' },
    },
    sandbox: {
      initial: 'none',
      states: {
        none: { on: { 'sandbox.ready': 'ready' } },
        ready: {
          description: 'PodReadyToStartContainers: the sandbox and its network are up',
          on: { 'sandbox.stopped': 'stopped', 'sandbox.changed': 'none' },
        },
        stopped: { description: 'StopPodSandbox: the pod will not run again' },
      },
    },
    phase: {
      initial: 'unwritten',
      states: {
        unwritten: { description: 'No status written yet', on: { 'phase.changed': toPhase } },
        pending: { on: { 'phase.changed': toPhase } },
        running: { on: { 'phase.changed': toPhase } },
        succeeded: { description: 'Terminal: no phase change leaves it' },
        failed: { description: 'Terminal: no phase change leaves it' },
      },
    },
  },
});

/** Dotted active state; parallel regions are listed as comma-separated leaf paths. */
export function stateString(value: unknown, prefix = ''): string {
  if (typeof value === 'string') return prefix + value;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.map(([k, v]) => stateString(v, `${prefix}${k}.`)).join(',');
  }
  return prefix.replace(/\.$/, '');
}
