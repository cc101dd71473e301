/**
 * Pod-level lifecycle actions: activeDeadlineSeconds, API deletion (grace, force, terminal pods
 * deleted at once) and the object's removal from the API.
 */
import type { Cause } from '../trace/types.ts';
import type { PodWorker } from './types.ts';
import { startTermination } from './kuberuntime/killPod.ts';

/** activeDeadlineSeconds passed (active_deadline.go; pod-level R1.6, R11.1). */
export function deadlineExceeded(w: PodWorker, ads: number): void {
  if (w.lifecycle !== 'active' || w.phase === 'Succeeded' || w.phase === 'Failed') return;
  // The kubelet is down (node lost): checked again when it comes back (PodWorker.nodeResumed).
  if (w.env.nodeLost()) {
    w.deadlinePassed = ads;
    return;
  }
  const message = 'Pod was active on the node longer than the specified deadline';
  w.forcedPhase = { phase: 'Failed', reason: 'DeadlineExceeded', message };
  w.event('Normal', 'DeadlineExceeded', message, undefined, {
    message: `activeDeadlineSeconds (${ads}s) passed since startTime`,
    field: { doc: w.doc, path: 'spec.activeDeadlineSeconds' },
  });
  w.sendPod({ type: 'pod.terminating' });
  w.cancelSync();
  w.probes.stopLivenessAndStartup();
  w.writeStatus('full');
  startTermination(w, { reason: 'deadline', graceS: w.graceS });
}

/** API DELETE (pod-level R8.1) and the kubelet's termination (R8.2). */
export function requestDelete(
  w: PodWorker,
  opts: { gracePeriodSeconds?: number; force?: boolean; cause?: Cause },
): void {
  if (w.lifecycle === 'deleted' || w.deletion) return;
  const terminalPhase = w.phase === 'Succeeded' || w.phase === 'Failed';
  const grace = opts.gracePeriodSeconds ?? w.graceS;
  if (terminalPhase || opts.force || grace === 0) {
    w.remove({
      message: terminalPhase
        ? `the pod is already ${w.phase}: deleted at once (grace 0)`
        : 'force delete: the object is removed without waiting for the kubelet',
    });
    return;
  }
  const now = w.env.clock.now();
  w.deletion = { timestampMs: now + grace * 1000, graceS: grace };
  w.env.recorder.add({
    type: 'pod.deleting',
    pod: w.name,
    namespace: w.namespace,
    deletionTimestamp: (now + grace * 1000) / 1000,
    gracePeriodSeconds: grace,
    cause: opts.cause ?? {
      message: `deleted with a grace period of ${grace}s`,
      field: { doc: w.doc, path: 'spec.terminationGracePeriodSeconds' },
    },
  });
  // A lost node's kubelet does not see the deletion: the pod stays Terminating (R10.5) until the
  // node comes back (kubeletSeesDeletion).
  if (w.env.nodeLost()) return;
  kubeletSeesDeletion(w);
}

/** The kubelet observes the pod's deletionTimestamp and terminates it (R8.2). */
export function kubeletSeesDeletion(w: PodWorker): void {
  const grace = w.deletion?.graceS ?? w.graceS;
  w.sendPod({ type: 'pod.terminating' });
  w.cancelSync();
  w.probes.stopLivenessAndStartup();
  w.writeStatus('patch');
  startTermination(w, { reason: 'deletion', graceS: grace });
}

/** The object disappears from the API (status manager delete with grace 0, or force). */
export function removePod(w: PodWorker, cause: Cause): void {
  if (w.lifecycle === 'deleted') return;
  const wasActive = w.lifecycle === 'active' || w.lifecycle === 'terminating';
  w.cancelSync();
  w.probes.stopAll();
  w.env.recorder.add({ type: 'pod.deleted', pod: w.name, namespace: w.namespace, cause });
  w.sendPod({ type: 'pod.deleted' });
  if (wasActive) {
    // The kubelet still stops whatever runs (no API status any more).
    for (const s of w.slots) w.runningInstance(s)?.proc.signal('SIGKILL');
  }
  w.termination?.cancel();
  w.sandbox?.destroy();
  w.sandbox = undefined;
  w.env.onPodDeleted(w.namespace, w.name);
}

/**
 * A static pod's manifest file is gone (config/file.go: the pod leaves the kubelet's config): it is
 * killed like a deleted pod, with its own grace period; the mirror pod shows its status until
 * housekeeping deletes it (startTermination, reason `static-removed`).
 */
export function staticPodRemoved(w: PodWorker): void {
  if (w.lifecycle !== 'active') return;
  w.sendPod({ type: 'pod.terminating' });
  w.cancelSync();
  w.probes.stopLivenessAndStartup();
  w.writeStatus('patch');
  startTermination(w, { reason: 'static-removed', graceS: w.graceS });
}
