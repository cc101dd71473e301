/**
 * Status generation for a pod (kubelet `generateAPIPodStatus` + the status manager): container
 * statuses, phase with stickiness (R1.5), conditions with lastTransitionTime that changes only with
 * the status (R5.7), the readiness manual trigger, and the records that say why.
 */
import type { Cause, ConditionStatus, ContainerKind } from '../../trace/types.ts';
import { getConditions, type Condition } from './generate.ts';
import { containerStatus, probeFlags, type StatusView } from './containerStatuses.ts';
import { getPhase, type Phase } from './getPhase.ts';
import { sameContainerStatus } from './sameStatus.ts';
import type { CondState, PodWorker } from '../types.ts';
import { startTermination } from '../kuberuntime/killPod.ts';

export function statusView(w: PodWorker): StatusView {
  return {
    restartPolicy: w.restartPolicy,
    hasInitContainers: w.hasInitContainers,
    deleting: w.deletion !== undefined,
    probeResult: (slot, type, id) => w.probes.result(slot.name, type, id),
    hasProbe: (slot, type) => w.probes.has(slot.name, type),
    seen: (i) => w.seenForStatus(i),
  };
}

/**
 * Generate and record the API status. 'full' regenerates container statuses from the PLEG
 * cache (a sync); 'patch' only recomputes ready/started (probe updates between syncs).
 */
export function writePodStatus(w: PodWorker, mode: 'full' | 'patch', terminal: boolean): void {
  if (w.lifecycle === 'deleted') return;
  const rec = w.env.recorder;
  const v = statusView(w);
  for (const slot of w.slots) {
    const st =
      mode === 'full' || !slot.status ? containerStatus(slot, v) : probeFlags(slot, slot.status, v);
    if (sameContainerStatus(st, slot.written)) continue;
    slot.written = st;
    const kind: ContainerKind = slot.kind;
    rec.add({
      type: 'container.status',
      pod: w.name,
      namespace: w.namespace,
      container: slot.name,
      kind,
      status: st,
      ...(slot.cause ? { cause: slot.cause } : {}),
    });
    slot.cause = undefined;
    slot.actor.send({ type: 'status.written', status: st });
  }
  // Ephemeral containers count in no phase, condition, READY or RESTARTS (E5.3).
  const statuses = w.slots
    .filter((s) => s.kind !== 'ephemeral')
    .map((s) => ({ name: s.name, kind: s.kind as ContainerKind, status: s.status }));
  let phase =
    w.forcedPhase?.phase ??
    getPhase({
      statuses,
      restartPolicy: w.restartPolicy,
      podIsTerminal: terminal,
      podHasInitialized: w.regularStarted,
    });
  // R1.5: a terminal phase never goes back — the pod chart has no way out of one, so the phase
  // written is the chart's after the event.
  const before = w.phaseRecorded ? w.phase : undefined;
  // The same phase again moves nothing in the chart: no event (the hot path of probe-driven writes).
  if (phase !== before) w.sendPod({ type: 'phase.changed', phase });
  phase = w.phase;
  if (phase !== before) {
    rec.add({
      type: 'pod.phase',
      pod: w.name,
      namespace: w.namespace,
      phase,
      ...(w.forcedPhase ? { reason: w.forcedPhase.reason, message: w.forcedPhase.message } : {}),
      cause: phaseCause(w, phase),
    });
  }
  const conds = getConditions({
    statuses,
    phase,
    sandboxReady: w.sandboxReady,
    podHasInitialized: w.regularStarted,
    readinessGates: (w.pod.spec?.readinessGates ?? []).map((g) => g.conditionType),
    external: w.external,
  });
  for (const c of w.external.values()) writeCondition(w, c);
  for (const c of conds) writeCondition(w, c);
  w.env.onPodStatus(w);
  if (mode === 'full') readinessTriggers(w);
  if ((phase === 'Succeeded' || phase === 'Failed') && w.lifecycle === 'active') {
    w.sendPod({ type: 'pod.terminated' });
    w.cancelSync();
    w.probes.stopAll();
    startTermination(w, { reason: 'completed', graceS: w.graceS });
  }
}

/** Why a condition has its value: the field that drives it. */
function conditionCause(w: PodWorker, c: Condition): Cause | undefined {
  const f = (path: string) => ({ doc: w.doc, path });
  switch (c.type) {
    case 'PodReadyToStartContainers':
      return c.status === 'True'
        ? { message: `the pod sandbox (network, IP ${w.podIP ?? ''}) is ready` }
        : { message: w.sandboxStopped ? 'the pod sandbox was stopped' : 'no pod sandbox yet' };
    case 'Initialized':
      return c.status === 'True' && w.hasInitContainers
        ? {
            message: 'every init container completed (sidecars started)',
            field: f('spec.initContainers'),
          }
        : undefined;
    case 'ContainersReady':
    case 'Ready': {
      if (c.reason === 'ReadinessGatesNotReady')
        return { message: c.message ?? '', field: f('spec.readinessGates') };
      const unready = w.slots.find(
        (s) => s.kind !== 'init' && s.kind !== 'ephemeral' && !s.status?.ready,
      );
      if (
        c.status === 'False' &&
        unready?.spec.readinessProbe &&
        unready.status &&
        'running' in unready.status.state
      )
        return {
          message: `${unready.name} is not ready: its readinessProbe has not succeeded`,
          field: f(`${unready.base}.readinessProbe`),
        };
      return undefined;
    }
    default:
      return undefined;
  }
}

function unchanged(w: PodWorker, c: Condition): boolean {
  const prev = w.conditions.get(c.type);
  return (
    prev !== undefined &&
    prev.status === c.status &&
    prev.reason === c.reason &&
    prev.message === c.message
  );
}

/** The kubelet's own conditions: the cause (a message built per call) only when one changes. */
function writeCondition(w: PodWorker, c: Condition): void {
  if (!unchanged(w, c)) setCondition(w, c, conditionCause(w, c));
}

/** Set a condition in the API status (also used by control-plane writers: node failure, R10). */
export function setCondition(w: PodWorker, c: Condition, cause: Cause | undefined): void {
  if (unchanged(w, c)) return;
  const prev = w.conditions.get(c.type);
  const now = w.env.recorder.nowS();
  const ltt = prev && prev.status === c.status ? prev.lastTransitionTime : now;
  const state = { ...c, lastTransitionTime: ltt };
  w.conditions.set(c.type, state);
  recordCondition(w, state, cause);
}

function recordCondition(w: PodWorker, c: CondState, cause?: Cause): void {
  w.env.recorder.add({
    type: 'pod.condition',
    pod: w.name,
    namespace: w.namespace,
    condition: c.type,
    status: c.status as ConditionStatus,
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.message ? { message: c.message } : {}),
    lastTransitionTime: c.lastTransitionTime,
    ...(cause ? { cause } : {}),
  });
}

/**
 * prober_manager.go UpdatePodStatus, called by every generateAPIPodStatus (each sync): a started,
 * running container whose readiness result is not Success gets a non-blocking "probe now" on its
 * readiness worker's manualTriggerCh (worker.go run resets the ticker when it takes it).
 */
function readinessTriggers(w: PodWorker): void {
  for (const slot of w.slots) {
    const st = slot.status;
    if (!st?.containerID || !('running' in st.state) || !st.started) continue;
    if (!w.probes.has(slot.name, 'readiness')) continue;
    if (w.probes.result(slot.name, 'readiness', st.containerID) === 'Success') continue;
    w.probes.triggerReadiness(slot.name);
  }
}

function phaseCause(w: PodWorker, phase: Phase): Cause {
  const policy = { doc: w.doc, path: 'spec.restartPolicy' };
  if (w.forcedPhase)
    return {
      message: w.forcedPhase.message,
      field: { doc: w.doc, path: 'spec.activeDeadlineSeconds' },
    };
  switch (phase) {
    case 'Pending':
      return { message: 'not every container has started yet' };
    case 'Running':
      return { message: 'a container is running (or will be restarted)', field: policy };
    case 'Succeeded':
      return { message: 'every container exited 0 and none will restart', field: policy };
    case 'Failed':
      return {
        message: `a container failed and none will restart (restartPolicy: ${w.restartPolicy})`,
        field: policy,
      };
  }
}

/**
 * A new mirror pod (the old one was deleted through the API): status_manager.go syncPod finds the
 * mirror's UID changed and writes the whole status to it — phase, IP, conditions, every container.
 */
export function republishStatus(w: PodWorker): void {
  if (w.lifecycle === 'deleted') return;
  const rec = w.env.recorder;
  if (w.phaseRecorded)
    rec.add({ type: 'pod.phase', pod: w.name, namespace: w.namespace, phase: w.phase });
  if (w.podIP)
    rec.add({
      type: 'pod.ip',
      pod: w.name,
      namespace: w.namespace,
      ip: w.podIP,
      hostIP: w.env.profile.hostIP,
      startTime: w.startTimeMs / 1000,
    });
  for (const c of w.conditions.values()) recordCondition(w, c);
  for (const slot of w.slots) {
    if (!slot.written) continue;
    rec.add({
      type: 'container.status',
      pod: w.name,
      namespace: w.namespace,
      container: slot.name,
      kind: slot.kind,
      status: slot.written,
    });
  }
}
