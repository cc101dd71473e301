/**
 * Field-by-field equality of API container statuses: the status manager writes a status only when
 * it differs from the last one written (status_manager.go `isPodStatusByKubeletEqual`), and a
 * comparison of fields costs far less than serialising both sides on every probe-driven write.
 */
import type { ContainerState, ContainerStatus, TerminatedState } from '../../trace/types.ts';

function sameTerminated(a: TerminatedState, b: TerminatedState): boolean {
  return (
    a.exitCode === b.exitCode &&
    a.signal === b.signal &&
    a.reason === b.reason &&
    a.message === b.message &&
    a.startedAt === b.startedAt &&
    a.finishedAt === b.finishedAt
  );
}

function sameState(a: ContainerState, b: ContainerState): boolean {
  if ('running' in a) return 'running' in b && a.running.startedAt === b.running.startedAt;
  if ('waiting' in a)
    return (
      'waiting' in b &&
      a.waiting.reason === b.waiting.reason &&
      a.waiting.message === b.waiting.message
    );
  return 'terminated' in b && sameTerminated(a.terminated, b.terminated);
}

export function sameContainerStatus(
  a: ContainerStatus | undefined,
  b: ContainerStatus | undefined,
): boolean {
  if (!a || !b) return a === b;
  return (
    a.name === b.name &&
    a.image === b.image &&
    a.ready === b.ready &&
    a.started === b.started &&
    a.restartCount === b.restartCount &&
    a.containerID === b.containerID &&
    sameState(a.state, b.state) &&
    (a.lastState && b.lastState
      ? sameTerminated(a.lastState.terminated, b.lastState.terminated)
      : a.lastState === b.lastState)
  );
}
