/**
 * The pod statechart (DESIGN §2.2): scheduling, sandbox, init sequence, starting containers,
 * running, terminating (deletion / deadline / whole-pod kill), succeeded / failed, deleted.
 * The pod worker drives it; phase and conditions are derived from container statuses
 * (kubelet/status/getPhase.ts, generate.ts) and mirrored here so the UI can highlight the active state.
 */
import { setup } from 'xstate';

export type PodEvent =
  | { type: 'pod.admitted' }
  | { type: 'sandbox.ready'; hasInit: boolean }
  | { type: 'pod.initialized' }
  | { type: 'phase.changed'; phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' }
  | { type: 'pod.terminating' }
  | { type: 'pod.deleted' };

export const podMachine = setup({
  types: { events: {} as PodEvent },
  guards: {
    hasInit: ({ event }) => event.type === 'sandbox.ready' && event.hasInit,
    isRunning: ({ event }) => event.type === 'phase.changed' && event.phase === 'Running',
    isSucceeded: ({ event }) => event.type === 'phase.changed' && event.phase === 'Succeeded',
    isFailed: ({ event }) => event.type === 'phase.changed' && event.phase === 'Failed',
  },
}).createMachine({
  id: 'pod',
  initial: 'pending',
  states: {
    pending: {
      initial: 'scheduling',
      states: {
        scheduling: {
          description: 'Bound to the node by the scheduler',
          on: { 'pod.admitted': 'sandbox' },
        },
        sandbox: {
          description: 'RunPodSandbox: network namespace and pod IP',
          on: {
            'sandbox.ready': [{ guard: 'hasInit', target: 'initializing' }, { target: 'starting' }],
          },
        },
        initializing: {
          description: 'Init containers one at a time; sidecars must be Running and started',
          on: { 'pod.initialized': 'starting' },
        },
        starting: { description: 'Regular containers started in spec order' },
      },
      on: {
        'phase.changed': [
          { guard: 'isRunning', target: 'running' },
          { guard: 'isSucceeded', target: 'succeeded' },
          { guard: 'isFailed', target: 'failed' },
        ],
        'pod.terminating': 'terminating',
      },
    },
    running: {
      on: {
        'phase.changed': [
          { guard: 'isSucceeded', target: 'succeeded' },
          { guard: 'isFailed', target: 'failed' },
        ],
        'pod.terminating': 'terminating',
      },
    },
    terminating: {
      description: 'Deleted: every container is killed in parallel, sidecars last',
      on: {
        'phase.changed': [
          { guard: 'isSucceeded', target: 'succeeded' },
          { guard: 'isFailed', target: 'failed' },
        ],
      },
    },
    succeeded: { on: { 'pod.deleted': 'deleted' } },
    failed: { on: { 'pod.deleted': 'deleted' } },
    deleted: { type: 'final' },
  },
  on: { 'pod.deleted': '.deleted' },
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
