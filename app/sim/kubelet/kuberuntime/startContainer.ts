/**
 * `startContainer` (kuberuntime_container.go; reference R4, R5): EnsureImageExists (pull policy,
 * per-pod image backoff keyed podUID_image) → restartCount = previous + 1 → CreateContainer (Created)
 * → StartContainer (Started) → postStart, which blocks the sync; a failed postStart kills the
 * container through preStop and the grace period.
 */
import type { DefaultedLifecycleHandler } from '../../../k8s/types.ts';
import { eventWording } from '../../profile.ts';
import type { ContainerCallbacks, ContainerProcess } from '../../runtime/types.ts';
import { goDuration } from '../format.ts';
import { runHook } from '../lifecycle/handlers.ts';
import { killContainer } from './killContainer.ts';
import type { PodWorker } from '../types.ts';
import { Signal, type Task } from '../task.ts';
import type { Instance, Slot } from '../types.ts';

export interface StartResult {
  ok: boolean;
  /** When the pod worker should retry (error requeue or backoff expiry). */
  requeueAtMs?: number;
  /** A pod-level failure (a volume cannot be mounted): start nothing else in this sync. */
  blocksPod?: boolean;
}

function fail(w: PodWorker, slot: Slot, reason: string, message: string): StartResult {
  slot.reasonCache = { reason, message };
  return { ok: false, requeueAtMs: w.env.clock.now() + w.env.profile.errorRequeueMs };
}

function* ensureImage(w: PodWorker, slot: Slot): Task<StartResult | undefined> {
  const { env } = w;
  const image = slot.spec.image;
  const policy = slot.spec.imagePullPolicy;
  const policyField = { doc: w.doc, path: `${slot.base}.imagePullPolicy` };
  const lookup = env.runtime.inspectImage(image);
  const present = lookup.found && (lookup.presentOnNode || env.nodeImages.has(lookup.ref));
  const already = `Container image "${image}" already present on machine`;
  if (policy === 'Never') {
    if (present) {
      w.event('Normal', 'Pulled', already, slot);
      return undefined;
    }
    const msg = `Container image "${image}" is not present with pull policy of Never`;
    w.event('Warning', 'ErrImageNeverPull', msg, slot, {
      message: 'imagePullPolicy: Never and the image is not on the node',
      field: policyField,
    });
    w.event('Warning', 'Failed', 'Error: ErrImageNeverPull', slot);
    slot.cause = {
      message: 'imagePullPolicy: Never and the image is not on the node',
      field: policyField,
    };
    return fail(w, slot, 'ErrImageNeverPull', msg);
  }
  if (policy === 'IfNotPresent' && present) {
    w.event('Normal', 'Pulled', already, slot, {
      message: 'imagePullPolicy: IfNotPresent and the image is cached',
      field: policyField,
    });
    return undefined;
  }
  const key = `${w.uid}_${image}`;
  const now = env.clock.now();
  if (env.imageBackoff.isInBackOffSinceUpdate(key, now)) {
    const msg = `Back-off pulling image "${image}"`;
    w.event('Normal', 'BackOff', msg, slot);
    w.event('Warning', 'Failed', 'Error: ImagePullBackOff', slot);
    slot.cause = {
      message: `image pull back-off ${goDuration(env.imageBackoff.get(key) ?? 0)} after a failed pull`,
      field: { doc: w.doc, path: `${slot.base}.image` },
    };
    return fail(w, slot, 'ImagePullBackOff', msg);
  }
  w.event('Normal', 'Pulling', `Pulling image "${image}"`, slot, {
    message:
      policy === 'Always'
        ? 'imagePullPolicy: Always pulls on every start'
        : 'the image is not on the node',
    field: policyField,
  });
  w.send(slot, { type: 'image.pulling' });
  // A failing pull takes the profile's failedPullMs, whatever the runtime says (T6: fails fast).
  const pullMs = lookup.found
    ? present
      ? env.profile.cachedPullMs
      : lookup.pullMs
    : env.profile.failedPullMs;
  if (pullMs > 0) yield { ms: pullMs };
  if (!lookup.found) {
    const reason = lookup.reason ?? 'ErrImagePull';
    w.event('Warning', 'Failed', `Failed to pull image "${image}": ${lookup.message}`, slot);
    w.event('Warning', 'Failed', `Error: ${reason}`, slot);
    const b = env.imageBackoff.next(key, env.clock.now(), env.clock.now());
    slot.cause = {
      message: `pull failed; next pull attempt after a ${goDuration(b)} back-off`,
      field: { doc: w.doc, path: `${slot.base}.image` },
    };
    return fail(w, slot, reason, lookup.message);
  }
  env.nodeImages.add(lookup.ref);
  const d = goDuration(pullMs);
  w.event(
    'Normal',
    'Pulled',
    `Successfully pulled image "${image}" in ${d} (${d} including waiting). Image size: ${lookup.sizeBytes} bytes.`,
    slot,
  );
  return undefined;
}

function containerID(w: PodWorker, slot: Slot, restartCount: number): string {
  let h = 0x811c9dc5;
  const s = `${w.uid}/${slot.name}/${restartCount}`;
  let hex = '';
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619 + round) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  return `containerd://${hex}`;
}

export function* startContainer(w: PodWorker, slot: Slot): Task<StartResult> {
  const { env } = w;
  const img = yield* ensureImage(w, slot);
  if (img) return img;
  const sandbox = w.sandbox;
  if (!sandbox) return { ok: false };
  const prev = w.latest(slot);
  const restartCount = prev ? prev.restartCount + 1 : 0;
  const ref: { inst?: Instance } = {};
  const res = sandbox.createContainer(
    slot.spec,
    {
      kind: slot.kind === 'sidecar' ? 'init' : slot.kind,
      index: slot.index,
      ...targetOf(w, slot),
    },
    containerCallbacks(w, slot, restartCount, ref),
  );
  if (!res.ok && res.failedMount) return failedMount(w, slot, res.failedMount);
  if (!res.ok) {
    w.event('Warning', 'Failed', `Error: ${res.message}`, slot);
    slot.cause = { message: res.message, field: { doc: w.doc, path: slot.base } };
    return fail(w, slot, res.reason, res.message);
  }
  w.event('Normal', 'Created', createdText(w, slot.name), slot);
  const inst: Instance = {
    id: containerID(w, slot, restartCount),
    restartCount,
    image: slot.spec.image,
    sandboxGeneration: w.sandboxGeneration,
    proc: res.container,
    startedAtMs: env.clock.now(),
    seen: 'none',
    exited: new Signal(),
    killing: false,
  };
  ref.inst = inst;
  slot.instances.push(inst);
  if (restartCount > 0)
    slot.cause = {
      message: `restarted (restartCount ${restartCount})`,
      field: { doc: w.doc, path: 'spec.restartPolicy' },
    };
  // The relist is scheduled before the process runs: a process that exits exactly one PLEG period
  // later is first seen running (ties run in scheduling order).
  w.scheduleRelist();
  res.container.start();
  // Let the runtime report an entrypoint that cannot run (StartError) within this instant.
  yield { ms: 0 };
  if (inst.finishedAtMs !== undefined && inst.reason === 'StartError') {
    // StartContainer itself failed (the entrypoint cannot be executed): no Started event; the
    // reason cache says RunContainerError and the exited instance counts for CrashLoopBackOff.
    const msg = inst.message ?? 'failed to start container';
    w.event('Warning', 'Failed', `Error: ${msg}`, slot, {
      message: 'the entrypoint could not be executed',
      field: {
        doc: w.doc,
        path: slot.spec.command ? `${slot.base}.command` : `${slot.base}.image`,
      },
    });
    slot.reasonCache = { reason: 'RunContainerError', message: msg };
    return { ok: false, requeueAtMs: env.clock.now() + env.profile.errorRequeueMs };
  }
  w.event('Normal', 'Started', startedText(w, slot.name), slot);
  const postStart = slot.spec.lifecycle?.postStart;
  if (!postStart) return { ok: true };
  return yield* runPostStart(w, slot, inst, postStart);
}

/** The runtime's callbacks for one container instance: its exit (seen by PLEG later) and logs. */
function containerCallbacks(
  w: PodWorker,
  slot: Slot,
  restartCount: number,
  ref: { inst?: Instance },
): ContainerCallbacks {
  const { env } = w;
  return {
    onExit: (exitCode, reason, message) => {
      const inst = ref.inst;
      if (!inst || inst.finishedAtMs !== undefined) return;
      inst.finishedAtMs = env.clock.now();
      // containerd after a reboot: a container whose task is gone is exited with code 255,
      // reason Unknown (its CRI restart recovery, unknownExitCode).
      if (inst.lostWithNode) {
        exitCode = 255;
        reason = 'Unknown';
      }
      inst.exitCode = exitCode;
      inst.reason = reason;
      if (message) inst.message = message;
      env.recorder.add({
        type: 'process.exit',
        pod: w.name,
        namespace: w.namespace,
        container: slot.name,
        exitCode,
        reason,
      });
      w.scheduleRelist();
      inst.exited.fire();
      w.onExit();
    },
    onLog: env.recorder.logSink(w.name, w.namespace, slot.name, restartCount),
  };
}

/**
 * The runtime found a volume it cannot set up (volumes.ts checks what it can before the sandbox):
 * the real kubelet never reaches CreateContainer. FailedMount, no reason cache (the container
 * stays ContainerCreating / PodInitializing), retried on the error requeue.
 */
function failedMount(
  w: PodWorker,
  slot: Slot,
  f: { volume: string; message: string },
): StartResult {
  const vi = (w.pod.spec?.volumes ?? []).findIndex((v) => v.name === f.volume);
  w.event('Warning', 'FailedMount', f.message, undefined, {
    message: `volume ${f.volume} cannot be set up; the kubelet retries on the next sync`,
    field: { doc: w.doc, path: vi >= 0 ? `spec.volumes[${vi}]` : `${slot.base}.volumeMounts` },
  });
  return {
    ok: false,
    blocksPod: true,
    requeueAtMs: w.env.clock.now() + w.env.profile.errorRequeueMs,
  };
}

/** kuberuntime_container.go startContainer step 4: the postStart hook; a failure kills the container. */
function* runPostStart(
  w: PodWorker,
  slot: Slot,
  inst: Instance,
  postStart: DefaultedLifecycleHandler,
): Task<StartResult> {
  w.send(slot, { type: 'hook.postStart' });
  const out = yield* runHook(w, slot, inst, 'postStart', postStart);
  w.send(slot, { type: 'hook.postStartDone' });
  if (out.result === 'success') return { ok: true };
  const field = { doc: w.doc, path: `${slot.base}.lifecycle.postStart` };
  w.event('Warning', 'FailedPostStartHook', 'PostStartHook failed', slot, {
    message: `postStart hook failed${out.output ? `: ${out.output.trim()}` : ''}`,
    field,
  });
  yield* killContainer(w, slot, {
    message: 'FailedPostStartHook',
    graceS: w.graceS,
    graceField: { doc: w.doc, path: 'spec.terminationGracePeriodSeconds' },
    cause: { message: 'postStart hook failed → the container is killed (preStop runs)', field },
  });
  return fail(w, slot, 'PostStartHookError', 'PostStartHook failed');
}

const createdText = (w: PodWorker, name: string) => wording(w).created(name);
const startedText = (w: PodWorker, name: string) => wording(w).started(name);
const wording = (w: PodWorker) => eventWording(w.env.profile.version);

/** An ephemeral container's targetContainerName: the running target it shares PIDs with. */
function targetOf(w: PodWorker, slot: Slot): { target?: ContainerProcess } {
  const spec = slot.spec as { targetContainerName?: string };
  const name = slot.kind === 'ephemeral' ? spec.targetContainerName : undefined;
  const proc = name ? w.runningInstance(w.slot(name))?.proc : undefined;
  return proc ? { target: proc } : {};
}
