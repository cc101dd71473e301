/**
 * What one sync must do (kuberuntime_manager.go `computePodActions`, with
 * `computeInitContainerActions` for the init sequence; reference R3, R6.4): a pure function of the
 * spec and the runtime state the PLEG cache holds, so it is table-tested like upstream's
 * `TestComputePodActions` (computePodActions.test.ts). The caller (SyncPod in kuberuntimeManager.ts)
 * builds the observation from the pod worker and the pod chart, and carries the actions out.
 */
import type { ProbeResultValue } from '../prober/results/resultsManager.ts';
import type { SlotKind } from '../types.ts';

export type ProbeKill = 'liveness' | 'startup';
/** Why a running container is killed: its spec changed (containerChanged), or a probe failed. */
export type KillReason = ProbeKill | 'changed';

/** One container of the spec as the sync sees it. */
export interface ObservedContainer {
  name: string;
  kind: SlotKind;
  hasStartupProbe: boolean;
  /** The newest instance in the PLEG cache (absent: never created). */
  latest?: {
    seen: 'none' | 'running' | 'exited';
    exitCode?: number;
    /** Published liveness / startup results for this very instance (prober results manager). */
    liveness?: ProbeResultValue;
    startup?: ProbeResultValue;
    /** Created from another spec than the current one (containerChanged: the hash differs). */
    changed?: boolean;
  };
}

export interface PodObserved {
  restartPolicy: string;
  /** The pod chart is past its init sequence. */
  initialized: boolean;
  /** HasAnyActiveRegularContainerStarted. */
  regularStarted: boolean;
  /**
   * podSandboxChanged: the pod had a sandbox and it is no longer ready (its pause process died,
   * the node rebooted). Absent: the sandbox is fine, or none was ever created.
   */
  sandboxChanged?: boolean;
  containers: ObservedContainer[];
}

export interface PodActions {
  killPod: boolean;
  /** Kill every container, then create a new sandbox (starts run in it). */
  createSandbox?: boolean;
  kills: { container: string; reason: KillReason; restart: boolean }[];
  starts: string[];
  /** Ephemeral containers never created yet: started first, before any init container. */
  ephemeralStarts: string[];
  /** The init sequence has just been found complete (the pod chart moves on). */
  initDone: boolean;
}

/** Why the running container must be killed, in computePodActions' order (changed first). */
function killReason(c: ObservedContainer): KillReason | undefined {
  if (c.latest?.seen !== 'running') return undefined;
  if (c.latest.changed) return 'changed';
  if (c.latest.liveness === 'Failure') return 'liveness';
  if (c.latest.startup === 'Failure') return 'startup';
  return undefined;
}

/** Running and started: no startupProbe, or it has succeeded (R7.6). */
function isStarted(c: ObservedContainer): boolean {
  return c.latest?.seen === 'running' && (!c.hasStartupProbe || c.latest.startup === 'Success');
}

/**
 * kuberuntime_container.go / kubelet pod_workers `ShouldContainerBeRestarted` for an exited
 * container (no deletion: a deleted pod is not synced): sidecars always, init containers until they
 * succeed, regular containers by restartPolicy.
 */
export function shouldContainerBeRestarted(
  kind: SlotKind,
  exitCode: number,
  restartPolicy: string,
): boolean {
  if (kind === 'ephemeral') return false;
  if (kind === 'sidecar') return true;
  if (kind === 'init' && exitCode === 0) return false;
  if (restartPolicy === 'Always') return kind === 'regular' || exitCode !== 0;
  if (restartPolicy === 'OnFailure') return exitCode !== 0;
  return false;
}

/**
 * computeInitContainerActions: the first unfinished init container decides. Returns the actions
 * when the init sequence is not done, undefined when every init container has completed (and
 * every sidecar before the end is started).
 */
function initActions(o: PodObserved, a: PodActions): PodActions | undefined {
  for (const c of o.containers) {
    if (c.kind === 'regular' || c.kind === 'ephemeral') continue;
    const inst = c.latest;
    if (!inst) return { ...a, starts: [c.name] };
    const exited = inst.seen === 'exited';
    if (c.kind === 'sidecar') {
      if (exited) return { ...a, starts: [c.name] };
      const pf = killReason(c);
      if (pf)
        return {
          ...a,
          kills: [{ container: c.name, reason: pf, restart: true }],
          starts: [c.name],
        };
      if (isStarted(c)) continue;
      return a;
    }
    if (!exited) return a;
    if (inst.exitCode === 0) continue;
    if (o.restartPolicy === 'Never') return { ...a, killPod: true };
    return { ...a, starts: [c.name] };
  }
  return undefined;
}

/**
 * The sandbox must be re-created (computePodActions' `createPodSandbox` branch): everything is
 * killed; a new sandbox runs the first init container, or the regular containers (OnFailure skips
 * the succeeded ones). No new sandbox for a Never pod that ran containers, nor for an initialized
 * pod with nothing left to start: the pod is just killed.
 */
function sandboxActions(o: PodObserved, a: PodActions): PodActions {
  a.killPod = true;
  const ran = o.containers.some((c) => c.latest !== undefined);
  if (o.restartPolicy === 'Never' && ran) return a;
  const regular = o.containers.filter((c) => c.kind === 'regular');
  const toStart = regular.filter(
    (c) =>
      !(
        o.restartPolicy === 'OnFailure' &&
        c.latest?.seen === 'exited' &&
        (c.latest.exitCode ?? 0) === 0
      ),
  );
  if (toStart.length === 0 && regular.some((c) => c.latest !== undefined)) return a;
  a.createSandbox = true;
  const firstInit = o.containers.find((c) => c.kind === 'init' || c.kind === 'sidecar');
  a.starts = firstInit ? [firstInit.name] : toStart.map((c) => c.name);
  return a;
}

export function computePodActions(o: PodObserved): PodActions {
  const a: PodActions = {
    killPod: false,
    kills: [],
    starts: [],
    ephemeralStarts: [],
    initDone: false,
  };
  if (o.sandboxChanged) return sandboxActions(o, a);
  // "Ephemeral containers may be started even if initialization is not yet complete", and are
  // never restarted: only one the runtime has no status for is started.
  for (const c of o.containers)
    if (c.kind === 'ephemeral' && !c.latest) a.ephemeralStarts.push(c.name);
  if (!o.initialized && !o.regularStarted) {
    const init = initActions(o, a);
    if (init) return init;
    a.initDone = true;
  }
  // Sidecars are restarted whenever they exit or fail a probe, also after initialization.
  for (const c of o.containers) {
    if (c.kind !== 'sidecar') continue;
    if (!c.latest || c.latest.seen === 'exited') a.starts.push(c.name);
    else {
      const pf = killReason(c);
      if (pf) {
        a.kills.push({ container: c.name, reason: pf, restart: true });
        a.starts.push(c.name);
      }
    }
  }
  let keep = 0;
  let regularStarts = 0;
  for (const c of o.containers) {
    if (c.kind !== 'regular') continue;
    const inst = c.latest;
    if (!inst) {
      a.starts.push(c.name);
      regularStarts++;
    } else if (inst.seen === 'exited') {
      if (shouldContainerBeRestarted(c.kind, inst.exitCode ?? 0, o.restartPolicy)) {
        a.starts.push(c.name);
        regularStarts++;
      }
    } else {
      const pf = killReason(c);
      if (!pf) keep++;
      else {
        // A changed spec restarts the container whatever the restart policy.
        const restart = pf === 'changed' || o.restartPolicy !== 'Never';
        a.kills.push({ container: c.name, reason: pf, restart });
        if (restart) {
          a.starts.push(c.name);
          regularStarts++;
        }
      }
    }
  }
  if (keep === 0 && regularStarts === 0) {
    // Nothing to keep running and nothing to start: kill the pod; sidecars are not restarted (R3.6).
    a.killPod = true;
    a.starts = [];
  }
  return a;
}
