/**
 * An update of the Pod object reaching the kubelet (kubelet.go HandlePodUpdates → podWorkers
 * UpdatePod → a sync). Only what ValidatePodUpdate lets through can differ: container images (the
 * next sync sees the container hash changed and restarts it), labels and annotations (Services
 * select the pod by its labels: the EndpointSlice controller reacts at once), activeDeadlineSeconds
 * (active_deadline.go checks it at every sync) and tolerations (read by the taint manager).
 * Also: the pause process dying (a scenario kill of the sandbox), which the PLEG reports.
 */
import type { DefaultedContainer, DefaultedPod } from '../../k8s/types.ts';
import { kubeletPodCopy } from './config.ts';
import type { PodWorker } from './types.ts';

export function handlePodUpdate(w: PodWorker, pod: DefaultedPod): void {
  const lists = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  for (const slot of w.slots) {
    if (slot.kind === 'ephemeral') continue;
    const c = lists.find((x) => x.name === slot.name);
    if (c) slot.spec = c;
  }
  // kubectl debug (pods/ephemeralcontainers): an appended ephemeral container gets its slot.
  (pod.spec.ephemeralContainers ?? []).forEach((c, i) =>
    w.addEphemeral(c as DefaultedContainer, i),
  );
  if (w.lifecycle === 'deleted') return;
  w.sandbox?.updatePod?.(kubeletPodCopy(pod, w.startTimeMs));
  w.env.onPodStatus(w);
  if (w.lifecycle !== 'active') return;
  w.armDeadline();
  w.requestSync();
}

/** The sandbox's pause process is killed: PLEG sees the sandbox not ready at its next relist. */
export function sandboxDied(w: PodWorker): boolean {
  if (!w.sandbox || w.sandboxDead || w.lifecycle !== 'active') return false;
  w.sandboxDead = 'died';
  w.sandbox.pauseDied?.();
  w.scheduleRelist();
  return true;
}

/**
 * The node rebooted (the simulator's choice: at once, the kubelet back as soon as the machine is):
 * every container process is gone with the machine and the sandbox is not ready; the kubelet's
 * first relist finds the sandbox changed and re-creates it (SandboxChanged, init containers again).
 */
export function nodeRebooted(w: PodWorker): void {
  if (w.lifecycle !== 'active' || !w.sandbox) return;
  for (const slot of w.slots) {
    const inst = w.runningInstance(slot);
    if (!inst) continue;
    inst.lostWithNode = true;
    inst.proc.signal('SIGKILL');
  }
  sandboxDied(w);
}
