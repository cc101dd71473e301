/**
 * Pod phase, as kubelet `getPhase` computes it (pkg/kubelet/kubelet_pods.go; pod-level R1.1–R1.4).
 */
import type { ContainerKind, ContainerStatus } from '../../trace/types.ts';

export type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

export interface PhaseInput {
  statuses: { kind: ContainerKind; status: ContainerStatus | undefined }[];
  restartPolicy: string;
  /** The pod worker is terminating the pod (deletion, eviction, deadline). */
  podIsTerminal: boolean;
  /** HasAnyActiveRegularContainerStarted. */
  podHasInitialized: boolean;
}

const lastExit = (s: ContainerStatus) => s.lastState?.terminated;

export function getPhase(input: PhaseInput): Phase {
  let pendingInitialization = 0;
  let failedInitialization = 0;
  let pendingRestartable = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  let unknown = 0;
  for (const { kind, status: s } of input.statuses) {
    if (kind === 'init') {
      // R1.1
      if (!s) {
        pendingInitialization++;
        continue;
      }
      if ('running' in s.state) pendingInitialization++;
      else if ('terminated' in s.state) {
        if (s.state.terminated.exitCode !== 0) failedInitialization++;
      } else {
        const last = lastExit(s);
        if (last && last.exitCode !== 0) failedInitialization++;
        else if (!last) pendingInitialization++;
      }
    } else if (kind === 'sidecar') {
      // R1.2
      if (!s) {
        unknown++;
        continue;
      }
      if ('running' in s.state) {
        if (!s.started) pendingRestartable++;
        running++;
      } else if ('waiting' in s.state && !lastExit(s)) {
        pendingRestartable++;
        waiting++;
      }
    } else if (kind === 'regular') {
      // R1.3
      if (!s) {
        unknown++;
        continue;
      }
      if ('running' in s.state) running++;
      else if ('terminated' in s.state) {
        stopped++;
        if (s.state.terminated.exitCode === 0) succeeded++;
      } else if (lastExit(s)) stopped++;
      else waiting++;
    }
  }
  // R1.4
  if (failedInitialization > 0 && input.restartPolicy === 'Never') return 'Failed';
  if (pendingInitialization > 0 || (pendingRestartable > 0 && !input.podHasInitialized))
    return 'Pending';
  if (waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (input.podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (input.restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (input.restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}
