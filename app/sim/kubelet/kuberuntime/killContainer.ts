/**
 * `killContainer` (kuberuntime_container.go; reference R8): Killing event, preStop (cut off at the
 * grace period; grace −= whole seconds it took), the sidecar termination-order wait, the 2 s minimum,
 * then the image's STOPSIGNAL and SIGKILL when the grace runs out (exit 143 / 137 from the runtime).
 */
import type { FieldRef } from '../../../k8s/types.ts';
import type { Cause } from '../../trace/types.ts';
import type { Ms } from '../../clock/types.ts';
import { runHook } from '../lifecycle/handlers.ts';
import type { PodWorker } from '../types.ts';
import { waitAny, type Task } from '../task.ts';
import type { Slot } from '../types.ts';

export interface KillOptions {
  /** Killing event message; default `Stopping container NAME`. */
  message?: string;
  graceS: number;
  /** Where the grace period came from (for the SIGKILL cause). */
  graceField: FieldRef;
  cause?: Cause;
  /** Sidecar termination order (R8.3): wait for this after preStop, within the remaining grace. */
  waitFor?: (resume: () => void) => () => void;
}

export function* killContainer(w: PodWorker, slot: Slot, o: KillOptions): Task<void> {
  const inst = w.runningInstance(slot);
  if (!inst) return;
  const clock = w.env.clock;
  if (inst.killing) {
    // Already being stopped (e.g. a liveness kill whose sync was cancelled by a deletion): give it
    // this kill's grace, then SIGKILL, so a process that ignores SIGTERM cannot outlive the pod.
    yield waitAny(
      clock,
      [inst.exited.register],
      Math.max(o.graceS * 1000, w.env.profile.minGraceMs),
    );
    if (inst.finishedAtMs === undefined) {
      recordGraceSigkill(w, slot, o);
      inst.proc.signal('SIGKILL');
      if (inst.finishedAtMs === undefined) yield waitAny(clock, [inst.exited.register]);
    }
    return;
  }
  inst.killing = true;
  const rec = w.env.recorder;
  w.event('Normal', 'Killing', o.message ?? `Stopping container ${slot.name}`, slot, o.cause);
  let graceMs: Ms = o.graceS * 1000;
  const preStop = slot.spec.lifecycle?.preStop;
  w.send(slot, { type: 'kill.requested', preStop: !!preStop && graceMs > 0 });
  if (preStop && graceMs > 0) {
    const start = clock.now();
    const out = yield* runHook(w, slot, inst, 'preStop', preStop, graceMs);
    if (out.result === 'failure') {
      w.event('Warning', 'FailedPreStopHook', 'PreStopHook failed', slot, {
        message: `preStop hook failed: ${out.output}`.trim(),
        field: { doc: w.doc, path: `${slot.base}.lifecycle.preStop` },
      });
    }
    graceMs -= Math.floor((clock.now() - start) / 1000) * 1000;
    w.send(slot, { type: 'hook.preStopDone' });
  }
  if (o.waitFor && inst.finishedAtMs === undefined) {
    const start = clock.now();
    yield waitAny(clock, [o.waitFor, inst.exited.register], Math.max(0, graceMs));
    graceMs -= Math.floor((clock.now() - start) / 1000) * 1000;
  }
  const minMs = w.env.profile.minGraceMs;
  const raised = graceMs < minMs;
  graceMs = Math.max(graceMs, minMs);
  if (inst.finishedAtMs !== undefined) return;
  const sig = inst.proc.stopSignal;
  rec.add({
    type: 'signal',
    pod: w.name,
    namespace: w.namespace,
    container: slot.name,
    signal: sig,
    cause: stopCause(o, sig, graceMs, raised ? (preStop ? 'preStop' : 'exhausted') : undefined),
  });
  w.send(slot, { type: 'signal.sent', signal: sig });
  inst.proc.signal(sig);
  if (inst.finishedAtMs === undefined) yield waitAny(clock, [inst.exited.register], graceMs);
  if (inst.finishedAtMs !== undefined) return;
  recordGraceSigkill(w, slot, o);
  w.send(slot, { type: 'signal.sent', signal: 'SIGKILL' });
  inst.proc.signal('SIGKILL');
  if (inst.finishedAtMs === undefined) yield waitAny(clock, [inst.exited.register]);
}

/**
 * Why the stop signal was sent: the kill's own reason first (the liveness probe that failed, the
 * deletion), pointing at the field that caused it; the grace period only when there is none.
 */
function stopCause(
  o: KillOptions,
  sig: string,
  graceMs: Ms,
  minimum: 'preStop' | 'exhausted' | undefined,
): Cause {
  const stop = minimum
    ? `StopContainer with the 2s minimum grace (${minimum === 'preStop' ? 'preStop used the grace period' : 'grace period exhausted'})`
    : `StopContainer: ${sig} (the image's stop signal), SIGKILL after ${graceMs / 1000}s`;
  if (!o.cause) return { message: stop, field: o.graceField };
  return {
    message: `${o.cause.message} → ${stop}`,
    ...(o.cause.field ? { field: o.cause.field } : {}),
  };
}

/** The trace record of the SIGKILL sent when the grace period runs out. */
function recordGraceSigkill(w: PodWorker, slot: Slot, o: KillOptions): void {
  w.env.recorder.add({
    type: 'signal',
    pod: w.name,
    namespace: w.namespace,
    container: slot.name,
    signal: 'SIGKILL',
    cause: {
      message: `terminationGracePeriodSeconds (${o.graceS}s) expired → SIGKILL`,
      field: o.graceField,
    },
  });
}
