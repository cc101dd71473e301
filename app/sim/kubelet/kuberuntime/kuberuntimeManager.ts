/**
 * One pod sync (kuberuntime_manager.go `computePodActions` + `SyncPod`; reference R3, R6.4, R6.8):
 * status first, sandbox if needed, kills (sequential, blocking), then starts in order — init
 * containers one per sync, sidecars gated on Running + startup Success, regular containers in spec
 * order. doBackOff uses the snapshot taken when the sync began.
 */
import { computePodActions, type PodActions, type PodObserved } from './computePodActions.ts';
import { kubeletPodCopy } from '../config.ts';
import { goDuration, podDesc, sandboxID } from '../format.ts';
import { bandwidthSandboxError, extractPodBandwidth } from '../../../k8s/bandwidth.ts';
import type { PodWorker } from '../types.ts';
import { startContainer, type StartResult } from './startContainer.ts';
import type { Task } from '../task.ts';
import { killPod } from './killPod.ts';
import { killContainer, type KillOptions } from './killContainer.ts';
import { syncSandboxChanged } from './sandboxChanged.ts';
import type { Instance, Slot } from '../types.ts';
import { mountFailures } from '../volumeManager.ts';

export interface SyncResult {
  requeueAtMs?: number;
}

/** The observation computePodActions decides from: spec, PLEG cache, probe results, the pod chart. */
export function observePod(w: PodWorker): PodObserved {
  return {
    restartPolicy: w.restartPolicy,
    initialized: w.initialized,
    regularStarted: w.regularStarted,
    ...(w.sandboxDead === 'seen' ? { sandboxChanged: true } : {}),
    containers: w.slots.map((slot) => {
      const inst = w.latest(slot);
      return {
        name: slot.name,
        kind: slot.kind,
        hasStartupProbe: w.probes.has(slot.name, 'startup'),
        ...(inst
          ? {
              latest: {
                seen: inst.seen,
                ...(inst.exitCode !== undefined ? { exitCode: inst.exitCode } : {}),
                ...optional('liveness', w.probes.result(slot.name, 'liveness', inst.id)),
                ...optional('startup', w.probes.result(slot.name, 'startup', inst.id)),
                // containerChanged: the running container's hash (its image: nothing else of a
                // container may change) differs from the spec's. A running plain init container
                // is not checked (computeInitContainerActions only restarts sidecars for it).
                ...(slot.kind !== 'init' &&
                slot.kind !== 'ephemeral' &&
                inst.image !== slot.spec.image
                  ? { changed: true }
                  : {}),
              },
            }
          : {}),
      };
    }),
  };
}

function optional<K extends string, V>(k: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [k]: v }) as { [P in K]?: V };
}

/** `doBackOff` then `startContainer` (kuberuntime_manager.go SyncPod `start` helper). */
function* startWithBackoff(
  w: PodWorker,
  slot: Slot,
  snapFinishedAt: number | undefined,
): Task<StartResult> {
  const { env } = w;
  if (snapFinishedAt !== undefined) {
    // getStableKey(pod, container): the container hash is part of it, so a changed image starts
    // without the old back-off.
    const key = `${w.namespace}/${w.name}/${w.uid}/${slot.name}/${slot.spec.image}`;
    const now = env.clock.now();
    if (env.crashBackoff.isInBackOffSince(key, snapFinishedAt, now)) {
      const b = env.crashBackoff.get(key) ?? 0;
      const pd = podDesc(w.name, w.namespace, w.uid);
      w.event(
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${slot.name} in pod ${pd}`,
        slot,
      );
      slot.reasonCache = {
        reason: 'CrashLoopBackOff',
        message: `back-off ${goDuration(b)} restarting failed container=${slot.name} pod=${pd}`,
      };
      slot.cause = {
        message: `back-off ${goDuration(b)} since the last exit (CrashLoopBackOff)`,
        field: {
          doc: w.doc,
          path: slot.kind === 'regular' ? 'spec.restartPolicy' : `${slot.base}.restartPolicy`,
        },
      };
      return { ok: false, requeueAtMs: snapFinishedAt + b };
    }
    env.crashBackoff.next(key, snapFinishedAt, now);
  }
  return yield* startContainer(w, slot);
}

/** RunPodSandbox; false: the runtime failed it (the FailedCreatePodSandBox event is recorded). */
function* createSandbox(w: PodWorker): Task<boolean> {
  const { env } = w;
  yield { ms: env.profile.sandboxMs };
  // The runtime reads the bandwidth annotations while it sets up the sandbox's network
  // (containerd toCNIBandWidth); kuberuntime_manager.go SyncPod records the failure and the pod
  // worker retries after its error backoff.
  const bw = extractPodBandwidth(w.pod.metadata?.annotations);
  if (!bw.ok) {
    const id = sandboxID(w.namespace, w.name, env.clock.now());
    w.event(
      'Warning',
      'FailedCreatePodSandBox',
      `Failed to create pod sandbox: rpc error: code = Unknown desc = ${bandwidthSandboxError(id, bw.error)}`,
      undefined,
      {
        message: `the runtime rejects the ${bw.key} annotation, so the pod never gets a sandbox; the kubelet retries every ${env.profile.errorRequeueMs / 1000} s`,
        field: { doc: w.doc, path: `metadata.annotations.${bw.key}` },
      },
    );
    return false;
  }
  w.sandboxGeneration++;
  // Host-network pods use the node IP (pod-level R9.6).
  const ip = w.pod.spec?.hostNetwork ? env.profile.hostIP : env.allocatePodIP();
  w.sandbox = env.runtime.createSandbox({
    scheduler: env.clock,
    network: env.network,
    pod: kubeletPodCopy(w.pod, w.startTimeMs),
    doc: w.doc,
    podIP: ip,
    hostIP: env.profile.hostIP,
    nodeName: env.profile.nodeName,
    lookup: env.lookup,
    diagnostic: (d) => env.diagnostic(d),
    // Looked up at each CreateContainer: the Services that exist then (a restart sees new ones).
    serviceEnv: () => env.serviceEnv(w.namespace, w.pod.spec?.enableServiceLinks !== false),
    onPauseExit: () => void w.killSandbox(),
  });
  w.podIP = ip;
  env.recorder.add({
    type: 'pod.ip',
    pod: w.name,
    namespace: w.namespace,
    ip,
    hostIP: env.profile.hostIP,
    startTime: w.startTimeMs / 1000,
  });
  w.sendPod({ type: 'sandbox.ready', hasInit: w.hasInitContainers });
  w.writeStatus('patch');
  return true;
}

/**
 * The Killing event and grace of a container computePodActions kills: a changed spec
 * (`Container X definition changed, will be restarted`; a sidecar: `Init container X definition
 * changed`) or a failed probe (its own terminationGracePeriodSeconds if set).
 */
function killOptions(w: PodWorker, slot: Slot, kill: PodActions['kills'][number]): KillOptions {
  const graceField = { doc: w.doc, path: 'spec.terminationGracePeriodSeconds' };
  if (kill.reason === 'changed') {
    return {
      message:
        slot.kind === 'sidecar'
          ? `Init container ${slot.name} definition changed`
          : `Container ${slot.name} definition changed, will be restarted`,
      graceS: w.graceS,
      graceField,
      cause: {
        message: `the image changed to ${slot.spec.image} (the container's hash changed)`,
        field: { doc: w.doc, path: `${slot.base}.image` },
      },
    };
  }
  const probe = slot.spec[`${kill.reason}Probe`];
  const ft = probe?.failureThreshold;
  const probeGrace = probe?.terminationGracePeriodSeconds;
  return {
    message: `Container ${slot.name} failed ${kill.reason} probe${kill.restart ? ', will be restarted' : ''}`,
    graceS: probeGrace ?? w.graceS,
    graceField:
      probeGrace !== undefined && probeGrace !== null
        ? { doc: w.doc, path: `${slot.base}.${kill.reason}Probe.terminationGracePeriodSeconds` }
        : graceField,
    cause: {
      message: `${kill.reason}Probe failed ${ft} times in a row (failureThreshold ${ft})`,
      field: { doc: w.doc, path: `${slot.base}.${kill.reason}Probe.failureThreshold` },
    },
  };
}

export function* syncPod(w: PodWorker): Task<SyncResult> {
  // generateAPIPodStatus comes first (with the reason cache of the previous sync: the transient
  // `Error` before `CrashLoopBackOff`); a terminal phase ends the pod worker's syncing. The status
  // is written again when the sync ends (R9.6), from the same PLEG snapshot (podWorker.afterSync).
  w.writeStatus('full');
  if (w.lifecycle !== 'active' || w.sandboxStopped) return {};
  w.snapshotCache();
  // WaitForAttachAndMount comes before the runtime's SyncPod: no sandbox until the volumes are set up.
  if (!w.volumesMounted) {
    const failed = mountFailures(w.pod.spec?.volumes, w.namespace, w.env);
    if (failed.length > 0) {
      for (const f of failed)
        w.event('Warning', 'FailedMount', f.message, undefined, {
          message: `volume ${f.volume} cannot be set up; the kubelet retries on the next sync (no sandbox until then)`,
          field: { doc: w.doc, path: `spec.volumes[${f.index}]` },
        });
      return { requeueAtMs: w.env.clock.now() + w.env.profile.errorRequeueMs };
    }
    w.volumesMounted = true;
  }
  // The pod status snapshot this sync works from (doBackOff looks only at it, R6.8).
  const snap = new Map<Slot, number | undefined>();
  // doBackOff takes the newest *exited* instance of the snapshot: a kill in this very sync is not
  // in it, so a liveness restart is checked against the instance before (R6.8).
  for (const slot of w.slots) {
    let exited: Instance | undefined;
    for (const i of slot.instances) if (i.seen === 'exited') exited = i;
    snap.set(slot, exited?.finishedAtMs);
  }
  if (w.sandboxDead === 'seen') {
    const goOn = yield* syncSandboxChanged(w, computePodActions(observePod(w)));
    if (!goOn) return {};
  }
  if (!w.sandbox && !(yield* createSandbox(w)))
    return { requeueAtMs: w.env.clock.now() + w.env.profile.errorRequeueMs };
  const a = computePodActions(observePod(w));
  if (a.initDone && w.hasInitContainers) w.sendPod({ type: 'pod.initialized' });
  const slotOf = (name: string) => w.slots.find((s) => s.name === name)!;
  if (a.killPod) {
    yield* killPod(w, w.graceS, 'spec.terminationGracePeriodSeconds');
    return {};
  }
  for (const kill of a.kills) {
    const slot = slotOf(kill.container);
    yield* killContainer(w, slot, killOptions(w, slot, kill));
  }
  let requeue: number | undefined;
  // SyncPod step 5: ephemeral containers before init containers (one failing to start — a bad
  // image — blocks nothing else).
  for (const slot of a.ephemeralStarts.map(slotOf)) {
    if (w.lifecycle !== 'active') return {};
    const r = yield* startWithBackoff(w, slot, snap.get(slot));
    if (r.requeueAtMs !== undefined) requeue = Math.min(requeue ?? Infinity, r.requeueAtMs);
  }
  for (const slot of a.starts.map(slotOf)) {
    if (w.lifecycle !== 'active') return {};
    const r = yield* startWithBackoff(w, slot, snap.get(slot));
    if (r.requeueAtMs !== undefined) requeue = Math.min(requeue ?? Infinity, r.requeueAtMs);
    if (!r.ok && (slot.kind !== 'regular' || r.blocksPod)) break;
  }
  return requeue === undefined ? {} : { requeueAtMs: requeue };
}
