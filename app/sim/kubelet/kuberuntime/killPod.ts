/**
 * Whole-pod kill (kuberuntime_manager.go `killPodWithSyncResult`; pod-level R8.2, R8.5): every
 * running container is killed in parallel; a sidecar, after its own preStop, waits until the
 * regular containers and the sidecars declared after it have exited. Then the sandbox stops.
 * Used by KillPod in a sync, pod deletion, activeDeadlineSeconds and pod completion.
 */
import { killContainer } from './killContainer.ts';
import type { PodWorker } from '../types.ts';
import { runTask, Signal, waitAny, type Task } from '../task.ts';
import type { Slot } from '../types.ts';

export type TerminationReason = 'deletion' | 'deadline' | 'completed' | 'static-removed';

function sidecarGate(w: PodWorker, slot: Slot) {
  const later = (s: Slot) => s.kind !== 'sidecar' || (s.kind === 'sidecar' && s.index > slot.index);
  return (resume: () => void) => {
    const check = () => {
      if (w.slots.every((s) => s === slot || !later(s) || !w.runningInstance(s))) resume();
    };
    const off = w.onAnyExit(check);
    check();
    return off;
  };
}

export function stopSandbox(w: PodWorker): void {
  if (w.sandboxStopped) return;
  w.sendPod({ type: 'sandbox.stopped' });
  w.sandbox?.destroy();
  w.sandbox = undefined;
}

/**
 * `stop: false` (a sandbox being re-created): the old sandbox goes, and the pod chart goes back to
 * creating one, instead of the terminal StopPodSandbox.
 */
export function* killPod(
  w: PodWorker,
  graceS: number,
  graceField: string,
  stop = true,
): Task<void> {
  const targets = w.slots.filter((s) => w.runningInstance(s));
  const hasSidecars = targets.some((s) => s.kind === 'sidecar');
  if (targets.length > 0) {
    const done = new Signal();
    let remaining = targets.length;
    for (const slot of targets) {
      runTask(
        w.env.clock,
        killContainer(w, slot, {
          graceS,
          graceField: { doc: w.doc, path: graceField },
          ...(hasSidecars && slot.kind === 'sidecar' ? { waitFor: sidecarGate(w, slot) } : {}),
        }),
        () => {
          if (--remaining === 0) done.fire();
        },
      );
    }
    yield waitAny(w.env.clock, [done.register]);
  }
  if (stop) return stopSandbox(w);
  w.sendPod({ type: 'sandbox.changed' });
  w.sandbox?.destroy();
  w.sandbox = undefined;
}

/** SyncTerminatingPod → SyncTerminatedPod: kill, re-read the runtime, write the terminal status. */
export function startTermination(
  w: PodWorker,
  o: { reason: TerminationReason; graceS: number },
): void {
  const field =
    o.reason === 'deletion'
      ? 'metadata.deletionGracePeriodSeconds'
      : 'spec.terminationGracePeriodSeconds';
  w.termination = runTask(w.env.clock, killPod(w, o.graceS, field), () => {
    w.termination = undefined;
    if (w.lifecycle === 'deleted') return;
    w.markSeen();
    w.probes.stopAll();
    if (o.reason === 'completed') {
      w.writeStatus('full');
      return;
    }
    w.sendPod({ type: 'pod.terminated' });
    // status_manager.go TerminatePod: containers without a terminated state are reported lost
    // (R1.9); plain init containers that never started are left as they are.
    for (const s of w.slots)
      if (s.kind !== 'init' || s.instances.length > 0) s.lostAtMs = w.env.clock.now();
    w.writeStatus('full', true);
    if (o.reason === 'deletion') {
      w.env.clock.after(w.env.profile.deleteAfterTerminalMs, () =>
        w.remove({
          message:
            'terminal status written: the kubelet’s status manager deletes the pod (grace 0)',
        }),
      );
    }
    if (o.reason === 'static-removed') {
      // kubelet_pods.go HandlePodCleanups (every 2 s) deletes the orphaned mirror pod.
      w.env.clock.after(STATIC_CLEANUP_MS, () =>
        w.remove({
          message: 'the static pod’s manifest was removed: housekeeping deletes its mirror pod',
        }),
      );
    }
  });
}

/** The housekeeping period (kubelet.go housekeepingPeriod); Podlab: 2 s after the last stop. */
const STATIC_CLEANUP_MS = 2000;
