/**
 * The pod's sandbox died (its pause process was killed; kuberuntime_manager.go SyncPod with
 * `podSandboxChanged`): the `SandboxChanged` event, every container killed (`Stopping container X`,
 * the pod's grace period), the init containers purged (purgeInitContainers: their containers and
 * logs are removed, so a new init container starts again at restartCount 0 — calcRestartCountByLogDir
 * finds no log), then the usual sync creates a new sandbox (a new pod IP from CNI) and runs the init
 * containers again; a regular container's restartCount goes on from its killed instance.
 * When computePodActions decides on no new sandbox (Never, or nothing left to start) the pod is
 * killed and its sandbox stopped for good.
 */
import type { Task } from '../task.ts';
import type { PodWorker } from '../types.ts';
import type { PodActions } from './computePodActions.ts';
import { killPod } from './killPod.ts';

/** Returns true when the sync goes on (a new sandbox is to be created). */
export function* syncSandboxChanged(w: PodWorker, a: PodActions): Task<boolean> {
  if (!a.createSandbox) {
    yield* killPod(w, w.graceS, 'spec.terminationGracePeriodSeconds');
    w.sandboxDead = undefined;
    return false;
  }
  w.event(
    'Normal',
    'SandboxChanged',
    'Pod sandbox changed, it will be killed and re-created.',
    undefined,
    {
      message:
        'the pause process of the pod sandbox died: every container is killed and the sandbox re-created',
    },
  );
  yield* killPod(w, w.graceS, 'spec.terminationGracePeriodSeconds', false);
  w.sandboxDead = undefined;
  for (const slot of w.slots)
    if (slot.kind === 'init' || slot.kind === 'sidecar') slot.instances.length = 0;
  return w.lifecycle === 'active';
}
