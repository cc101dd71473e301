/**
 * API container status from the kubelet's PLEG view (kubelet_pods.go `convertToAPIContainerStatuses`,
 * prober_manager.go `UpdatePodStatus`; pod-level R2, R9). Only the newest two seen instances matter:
 * the newest is `state`, the one before is `lastState`. A pending restart with a cached start error
 * shows `waiting{reason}` with the exited instance moved to `lastState` (R9.3).
 */
import type { ContainerStatus, TerminatedState } from '../../trace/types.ts';
import { shouldContainerBeRestarted } from '../kuberuntime/computePodActions.ts';
import type { Instance, Slot } from '../types.ts';

export interface StatusView {
  restartPolicy: string;
  hasInitContainers: boolean;
  deleting: boolean;
  /** Published probe result for (container, type, containerID); undefined when none. */
  probeResult(slot: Slot, type: 'startup' | 'readiness', id: string): string | undefined;
  hasProbe(slot: Slot, type: 'startup' | 'readiness'): boolean;
  /** What the PLEG cache the status is generated from knows of an instance (default: `seen`). */
  seen?(i: Instance): Instance['seen'];
}

export function terminatedOf(i: Instance): TerminatedState {
  return {
    exitCode: i.exitCode ?? 0,
    reason: i.reason ?? (i.exitCode ? 'Error' : 'Completed'),
    ...(i.message ? { message: i.message } : {}),
    startedAt: i.startedAtMs / 1000,
    finishedAt: (i.finishedAtMs ?? 0) / 1000,
  };
}

/** `ShouldContainerBeRestarted` (pkg/kubelet/container/helpers.go) for an exited instance. */
export function shouldRestart(slot: Slot, exitCode: number, v: StatusView): boolean {
  return !v.deleting && shouldContainerBeRestarted(slot.kind, exitCode, v.restartPolicy);
}

function seenInstances(slot: Slot, seen: (i: Instance) => Instance['seen']): Instance[] {
  const out: Instance[] = [];
  for (let i = slot.instances.length - 1; i >= 0 && out.length < 2; i--) {
    const inst = slot.instances[i]!;
    if (seen(inst) !== 'none') out.push(inst);
  }
  return out;
}

/** started / ready for a status whose state is already decided (R7.5, R7.6). */
export function probeFlags(slot: Slot, st: ContainerStatus, v: StatusView): ContainerStatus {
  const id = st.containerID ?? '';
  // The prober manager's UpdatePodStatus sets ready/started for containers and init containers
  // only: an ephemeral container is never ready.
  if (slot.kind === 'ephemeral') return { ...st, ready: false, started: 'running' in st.state };
  if (slot.kind === 'init') {
    // Plain init containers: started = running; ready only once terminated with 0 (UpdatePodStatus).
    const ready = 'terminated' in st.state && st.state.terminated.exitCode === 0;
    return { ...st, ready, started: 'running' in st.state };
  }
  if (!('running' in st.state)) {
    return { ...st, ready: false, started: false };
  }
  const started = v.hasProbe(slot, 'startup')
    ? v.probeResult(slot, 'startup', id) === 'Success'
    : true;
  const ready =
    started &&
    (!v.hasProbe(slot, 'readiness') || v.probeResult(slot, 'readiness', id) === 'Success');
  return { ...st, started, ready };
}

/**
 * status_manager.go TerminatePod: once the pod is finished, a container without a terminated state
 * is reported terminated with ContainerStatusUnknown / 137 (pod-level R1.9).
 */
function lost(st: ContainerStatus, atMs: number): ContainerStatus {
  if ('terminated' in st.state) return st;
  const at = atMs / 1000;
  return {
    ...st,
    ready: false,
    started: false,
    state: {
      terminated: {
        exitCode: 137,
        reason: 'ContainerStatusUnknown',
        message: 'The container could not be located when the pod was terminated',
        startedAt: at,
        finishedAt: at,
      },
    },
  };
}

export function containerStatus(slot: Slot, v: StatusView): ContainerStatus {
  const st = liveStatus(slot, v);
  return slot.lostAtMs === undefined ? st : lost(st, slot.lostAtMs);
}

/** `waiting{reason, message?}` without object spread (generated on every status write). */
function waitingState(reason: string, message: string | undefined): ContainerStatus['state'] {
  return message ? { waiting: { reason, message } } : { waiting: { reason } };
}

// Built field by field, in the key order the API status always had (no spreads: this runs for
// every container on every sync's status write).
function liveStatus(slot: Slot, v: StatusView): ContainerStatus {
  const seen = v.seen ?? ((i: Instance) => i.seen);
  const [newest, previous] = seenInstances(slot, seen);
  const name = slot.name;
  // The runtime reports the image of the container it has (a patched image shows once the new
  // container exists; kubelet_pods.go convertContainerStatus takes cs.Image).
  const image = newest?.image ?? slot.spec.image;
  if (!newest) {
    const reason =
      slot.reasonCache?.reason ?? (v.hasInitContainers ? 'PodInitializing' : 'ContainerCreating');
    return {
      name,
      image,
      ready: false,
      started: false,
      restartCount: 0,
      state: waitingState(reason, slot.reasonCache?.message),
    };
  }
  const restartCount = newest.restartCount;
  const containerID = newest.id;
  const exited = seen(newest) === 'exited';
  let st: ContainerStatus;
  if (exited && slot.reasonCache && shouldRestart(slot, newest.exitCode ?? 0, v)) {
    st = {
      name,
      image,
      ready: false,
      restartCount,
      containerID,
      state: waitingState(slot.reasonCache.reason, slot.reasonCache.message),
      lastState: { terminated: terminatedOf(newest) },
    };
  } else {
    const state: ContainerStatus['state'] = exited
      ? { terminated: terminatedOf(newest) }
      : { running: { startedAt: newest.startedAtMs / 1000 } };
    st = previous
      ? {
          name,
          image,
          ready: false,
          restartCount,
          containerID,
          state,
          lastState: { terminated: terminatedOf(previous) },
        }
      : { name, image, ready: false, restartCount, containerID, state };
  }
  return probeFlags(slot, st, v);
}
