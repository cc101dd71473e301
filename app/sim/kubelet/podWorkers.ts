/**
 * The kubelet's view of one pod (pod_workers.go + the status manager): one sync at a time (a
 * later request waits and coalesces), PLEG relists exactly plegMs after each container change,
 * requeues after failed syncs, status generation (container statuses, phase, conditions) and the
 * records that say why. A status is only ever generated from a PLEG snapshot a sync starts from
 * (kubelet.go SyncPod → generateAPIPodStatus; pod_workers.go GetNewerThan(lastSyncTime)), so a
 * state that existed only inside one sync (killed and restarted in it, R6.8) is never written. The sync itself is in
 * kuberuntime/kuberuntimeManager.ts, termination in kuberuntime/killPod.ts.
 */
import { createActor, type Actor } from 'xstate';
import type { DefaultedContainer, DefaultedPod } from '../../k8s/types.ts';
import type { TimerId } from '../clock/types.ts';
import type { Cause, ProbeType } from '../trace/types.ts';
import type { PodSandbox } from '../runtime/types.ts';
import { ProbeManager } from './prober/proberManager.ts';
import type { ProbeResultValue } from './prober/results/resultsManager.ts';
import type { Condition } from './status/generate.ts';
import { containerMachine, type ContainerEvent } from '../charts/containerMachine.ts';
import { podUID } from './format.ts';
import type { Phase } from './status/getPhase.ts';
import { podMachine, stateString, type PodEvent } from '../charts/podMachine.ts';
import { runTask, type TaskHandle } from './task.ts';
import type {
  CondState,
  Instance,
  KubeletEnv,
  Lifecycle,
  PodWorker,
  Slot,
  SlotKind,
} from './types.ts';
import { syncPod, type SyncResult } from './kuberuntime/kuberuntimeManager.ts';
import { republishStatus, writePodStatus } from './status/statusManager.ts';
import {
  deadlineExceeded,
  kubeletSeesDeletion,
  removePod,
  requestDelete,
  staticPodRemoved,
} from './podLifecycle.ts';
import { handlePodUpdate, nodeRebooted, sandboxDied } from './podUpdate.ts';

/** The pod spec list a slot's container is in (an event's fieldPath). */
const SPEC_LIST: Record<SlotKind, string> = {
  init: 'initContainers',
  sidecar: 'initContainers',
  regular: 'containers',
  ephemeral: 'ephemeralContainers',
};

const LIFECYCLE = {
  terminating: 'terminating',
  terminated: 'terminated',
  removed: 'deleted',
} as const;
const PHASE = {
  unwritten: 'Pending',
  pending: 'Pending',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
} as const;

export class KubeletPodWorker implements PodWorker {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly slots: Slot[] = [];
  readonly probes: ProbeManager;
  readonly podActor: Actor<typeof podMachine>;
  sandbox: PodSandbox | undefined;
  sandboxGeneration = 0;
  sandboxDead?: 'died' | 'seen';
  podIP: string | undefined;
  /** WaitForAttachAndMount succeeded once (volumes.ts); volumes then stay mounted. */
  volumesMounted = false;
  forcedPhase?: { phase: Phase; reason: string; message: string };
  deletion?: { timestampMs: number; graceS: number };
  /** activeDeadlineSeconds passed while the node was lost (checked when it comes back). */
  deadlinePassed?: number;
  readonly external = new Map<string, Condition>();
  readonly conditions = new Map<string, CondState>();
  readonly startTimeMs: number;
  private sync: TaskHandle | undefined;
  private syncQueued = false;
  private pending = false;
  private probeUpdates: { slot: Slot; type: ProbeType; result: ProbeResultValue }[] = [];
  private requeueTimer: TimerId | undefined;
  private relistAt = new Set<number>();
  /** When the last sync ended (pod_workers.go lastSyncTime). */
  private lastSyncEndMs: number | undefined;
  /**
   * podCache.GetNewerThan(lastSyncTime) is satisfied. It is not when a relist changed the cache while
   * the last sync ran (the cache then holds a state the sync never acted on, e.g. an instance killed
   * and already replaced): the next sync waits for the next relist.
   */
  private cacheFresh = true;
  private relistDuringSync = false;
  private freshTimer: TimerId | undefined;
  /**
   * The PLEG cache as the running sync saw it when it began. SyncPod writes the API status only
   * from that snapshot (generateAPIPodStatus), never from what a relist saw while it ran.
   */
  syncSnapshot: Map<Instance, Instance['seen']> | undefined;
  private exitListeners = new Set<() => void>();
  /** Everything the termination task needs to cancel on deletion. */
  termination: TaskHandle | undefined;

  /** The activeDeadlineSeconds timer (re-armed when an update lowers the deadline). */
  deadlineTimer: TimerId | undefined;

  constructor(
    readonly env: KubeletEnv,
    public pod: DefaultedPod,
    readonly doc: number,
  ) {
    this.name = pod.metadata.name;
    this.namespace = pod.metadata.namespace;
    this.uid = pod.metadata.uid ?? podUID(this.namespace, this.name);
    this.startTimeMs = env.clock.now();
    const spec = pod.spec;
    (spec?.initContainers ?? []).forEach((c, i) =>
      this.addSlot(
        c,
        c.restartPolicy === 'Always' ? 'sidecar' : 'init',
        i,
        `spec.initContainers[${i}]`,
      ),
    );
    (spec?.containers ?? []).forEach((c, i) =>
      this.addSlot(c, 'regular', i, `spec.containers[${i}]`),
    );
    this.podActor = createActor(podMachine, { clock: env.clock });
    this.watch(this.podActor, `pod/${this.name}`);
    const byName = new Map<string, Slot>();
    const slotNamed = (c: string) => byName.get(c) ?? this.slot(c);
    this.probes = new ProbeManager({
      scheduler: env.clock,
      late: (due, fn) => env.clock.at(due, fn, 1),
      pod: this.name,
      namespace: this.namespace,
      doc,
      podPhase: () => this.phase,
      deleting: () => this.deletion !== undefined,
      paused: () => env.nodeLost(),
      restartPolicy: () => this.restartPolicy,
      status: (c) => slotNamed(c)?.status,
      // The newest instance even if it has just exited (PLEG has not seen it yet): exec into it then
      // fails to start (`cannot exec in a stopped container`), a prober error.
      process: (c) => this.latest(slotNamed(c))?.proc,
      sandbox: () => this.sandbox,
      podIP: () => this.podIP ?? '',
      record: (r) => env.recorder.add(r),
      probeSink: (c, type) => env.recorder.probeSink(this.name, this.namespace, c, type),
      event: (type, reason, message, c) => this.event(type, reason, message, this.slot(c)),
      publish: (c, type, result) => this.onProbeResult(c, type, result),
    });
    for (const s of this.slots) byName.set(s.name, s);
  }

  private addSlot(c: DefaultedContainer, kind: SlotKind, index: number, base: string): void {
    const actor = createActor(containerMachine, { clock: this.env.clock, input: { name: c.name } });
    this.watch(actor, `pod/${this.name}/${c.name}`);
    this.slots.push({
      name: c.name,
      kind,
      index,
      spec: c,
      base,
      instances: [],
      actor,
      // The container chart holds the API status; nothing keeps a second copy.
      get status() {
        return actor.getSnapshot().context.status;
      },
    });
  }

  addEphemeral(c: DefaultedContainer, index: number): void {
    if (this.slot(c.name)) return;
    this.addSlot(c, 'ephemeral', index, `spec.ephemeralContainers[${index}]`);
  }

  private watch(
    actor: { subscribe(f: (s: { value: unknown }) => void): unknown; start(): unknown },
    id: string,
  ) {
    let last = '';
    actor.subscribe((snap: { value: unknown }) => {
      const state = stateString(snap.value);
      if (state === last) return;
      last = state;
      this.env.recorder.add({ type: 'machine', actor: id, namespace: this.namespace, state });
    });
    actor.start();
  }

  // ---- views of the pod chart (the one place the pod's lifecycle is kept) ----------------

  private get chart() {
    return this.podActor.getSnapshot().value as {
      worker: 'syncing' | 'terminating' | 'terminated' | 'removed' | { syncing: string };
      sandbox: 'none' | 'ready' | 'stopped';
      phase: 'unwritten' | 'pending' | 'running' | 'succeeded' | 'failed';
    };
  }
  /** The pod worker's state (pod_workers.go: SyncPod, TerminatingPod, TerminatedPod; removed). */
  get lifecycle(): Lifecycle {
    const wk = this.chart.worker;
    return typeof wk === 'object' || wk === 'syncing' ? 'active' : LIFECYCLE[wk];
  }
  /** The API phase last written; Pending before the first status. */
  get phase(): Phase {
    return PHASE[this.chart.phase];
  }
  get phaseRecorded(): boolean {
    return this.chart.phase !== 'unwritten';
  }
  /** Init sequence complete (computeInitContainerActions found nothing left to run). */
  get initialized(): boolean {
    const wk = this.chart.worker;
    return typeof wk === 'object' && wk.syncing === 'started';
  }
  /** A sandbox whose pause process died is not ready once the PLEG has seen it (podSandboxChanged). */
  get sandboxReady(): boolean {
    return this.chart.sandbox === 'ready' && this.sandboxDead !== 'seen';
  }
  get sandboxStopped(): boolean {
    return this.chart.sandbox === 'stopped';
  }

  get restartPolicy(): string {
    return this.pod.spec.restartPolicy;
  }
  get graceS(): number {
    return this.pod.spec.terminationGracePeriodSeconds;
  }
  get hasInitContainers(): boolean {
    return this.slots.some((s) => s.kind === 'init' || s.kind === 'sidecar');
  }

  slot(name: string): Slot | undefined {
    return this.slots.find((s) => s.name === name);
  }
  latest(slot: Slot | undefined) {
    return slot?.instances[slot.instances.length - 1];
  }
  runningInstance(slot: Slot | undefined) {
    const i = this.latest(slot);
    return i && i.finishedAtMs === undefined ? i : undefined;
  }

  send(slot: Slot, e: ContainerEvent): void {
    slot.actor.send(e);
  }
  sendPod(e: PodEvent): void {
    this.podActor.send(e);
  }

  event(
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    slot?: Slot,
    cause?: Cause,
  ): void {
    const fieldPath = slot ? `spec.${SPEC_LIST[slot.kind]}{${slot.name}}` : undefined;
    this.env.recorder.add({
      type: 'event',
      object: `pod/${this.name}`,
      namespace: this.namespace,
      eventType: type,
      reason,
      message,
      source: 'kubelet',
      ...(fieldPath ? { fieldPath } : {}),
      ...(cause ? { cause } : {}),
    });
  }

  // ---- admission and the sync loop -------------------------------------------------------

  /** The kubelet admits the pod (HandlePodAdditions): first status, probe workers, first sync. */
  admit(): void {
    this.sendPod({ type: 'pod.admitted' });
    this.writeStatus('full');
    this.probes.addPod(
      this.slots.filter((s) => s.kind !== 'init').map((s) => ({ container: s.spec, base: s.base })),
    );
    this.armDeadline();
    this.requestSync();
  }

  /** active_deadline.go: the pod fails once it has been active longer than activeDeadlineSeconds. */
  armDeadline(): void {
    const ads = this.pod.spec?.activeDeadlineSeconds;
    if (this.deadlineTimer !== undefined) this.env.clock.cancel(this.deadlineTimer);
    this.deadlineTimer = undefined;
    if (ads === undefined || ads === null) return;
    const due = Math.max(this.startTimeMs + ads * 1000, this.env.clock.now());
    this.deadlineTimer = this.env.clock.at(due, () => this.deadlineExceeded(ads));
  }

  /**
   * Ask the pod worker for a sync. It starts at once (the caller is a top-level event: relist,
   * requeue, probe update) unless a sync is running, which makes it pending; `defer` queues it
   * behind the other events of this instant.
   */
  requestSync(defer = false): void {
    if (this.lifecycle !== 'active') return;
    if (this.sync) {
      this.pending = true;
      return;
    }
    if (this.syncQueued) return;
    if (!defer) return this.runSync();
    this.syncQueued = true;
    this.env.clock.after(0, () => {
      this.syncQueued = false;
      this.runSync();
    });
  }

  private runSync(): void {
    if (this.lifecycle !== 'active' || this.sync) return;
    if (this.env.nodeLost()) {
      this.pending = true;
      return;
    }
    // pod_workers.go podWorkerLoop: a sync starts only with a PLEG cache newer than the end of the
    // previous sync (GetNewerThan(lastSyncTime)); the periodic relist provides one plegMs later.
    // (A cache the last sync left untouched counts as fresh: a probe update syncs at once, §2.4.)
    if (!this.cacheFresh && this.lastSyncEndMs !== undefined) {
      const due = this.lastSyncEndMs + this.env.profile.plegMs;
      if (this.env.clock.now() < due) {
        this.pending = true;
        this.freshTimer ??= this.env.clock.at(due, () => {
          this.freshTimer = undefined;
          this.cacheFresh = true;
          if (this.pending) this.requestSync();
        });
        return;
      }
    }
    if (this.requeueTimer !== undefined) this.env.clock.cancel(this.requeueTimer);
    this.requeueTimer = undefined;
    this.pending = false;
    const h = runTask(this.env.clock, syncPod(this), (r) => this.afterSync(r));
    // A sync that never blocks completes inside runTask (afterSync already ran).
    if (!h.done) this.sync = h;
  }

  private afterSync(r: SyncResult): void {
    this.sync = undefined;
    this.lastSyncEndMs = this.env.clock.now();
    this.cacheFresh = !this.relistDuringSync;
    this.relistDuringSync = false;
    this.cancelFreshTimer();
    if (this.lifecycle !== 'active') {
      this.syncSnapshot = undefined;
      return;
    }
    // R9.6 (the simulator's choice): what the sync produced (its reason cache: ErrImagePull,
    // CrashLoopBackOff, …) is visible at once, but only over the snapshot the sync started from —
    // a container that died and was restarted inside this sync is never written in between.
    this.writeStatus('full');
    this.syncSnapshot = undefined;
    if (this.lifecycle !== 'active') return;
    if (r.requeueAtMs !== undefined) {
      this.requeueTimer = this.env.clock.at(r.requeueAtMs, () => {
        this.requeueTimer = undefined;
        this.requestSync();
      });
    }
    if (this.pending) this.requestSync(true);
  }

  /** Cancel the running sync (its context is cancelled by termination). */
  cancelSync(): void {
    this.sync?.cancel();
    this.sync = undefined;
    this.syncSnapshot = undefined;
    this.relistDuringSync = false;
    this.cancelFreshTimer();
    if (this.requeueTimer !== undefined) this.env.clock.cancel(this.requeueTimer);
    this.requeueTimer = undefined;
  }

  private cancelFreshTimer(): void {
    if (this.freshTimer !== undefined) this.env.clock.cancel(this.freshTimer);
    this.freshTimer = undefined;
  }

  /** Freeze the PLEG cache the sync works from (SyncPod's podStatus argument). */
  snapshotCache(): void {
    this.syncSnapshot = new Map();
    for (const s of this.slots) for (const i of s.instances) this.syncSnapshot.set(i, i.seen);
  }

  /** What the status being written knows of an instance: the sync's snapshot while one ends. */
  seenForStatus(i: Instance): Instance['seen'] {
    return this.syncSnapshot ? (this.syncSnapshot.get(i) ?? 'none') : i.seen;
  }

  /** PLEG: a relist exactly plegMs from now sees everything that happened until then. */
  scheduleRelist(): void {
    const due = this.env.clock.now() + this.env.profile.plegMs;
    if (this.relistAt.has(due)) return;
    this.relistAt.add(due);
    this.env.clock.at(due, () => {
      this.relistAt.delete(due);
      if (this.env.nodeLost()) return; // nodeResumed relists
      this.cacheFresh = true;
      this.cancelFreshTimer();
      const changed = this.markSeen();
      if (changed && this.sync) this.relistDuringSync = true;
      if (changed || this.pending) this.requestSync();
    });
  }

  /** Update the PLEG cache to the runtime's current state; true if anything changed. */
  markSeen(): boolean {
    let changed = false;
    if (this.sandboxDead === 'died') {
      this.sandboxDead = 'seen';
      changed = true;
    }
    for (const s of this.slots)
      for (const i of s.instances) {
        const seen = i.finishedAtMs !== undefined ? 'exited' : 'running';
        if (i.seen !== seen) {
          // The reason cache of the previous start attempt is replaced once the new instance is seen
          // (a RunContainerError belongs to that very instance and stays).
          if (i.seen === 'none' && s.reasonCache?.reason !== 'RunContainerError')
            s.reasonCache = undefined;
          i.seen = seen;
          changed = true;
          if (seen === 'exited' && !s.cause)
            s.cause = {
              message: `the process exited with code ${i.exitCode ?? 0} (${i.reason ?? ''}) at ${(i.finishedAtMs ?? 0) / 1000}s; the kubelet saw it 1s later (PLEG)`,
              field: { doc: this.doc, path: 'spec.restartPolicy' },
            };
          else if (seen === 'running' && !s.cause)
            s.cause = {
              message: `started at ${i.startedAtMs / 1000}s; the kubelet saw it 1s later (PLEG)`,
              field: { doc: this.doc, path: s.base },
            };
        }
      }
    return changed;
  }

  onExit(): void {
    for (const l of [...this.exitListeners]) l();
  }
  /** Register a check run after every container exit (sidecar termination order). */
  onAnyExit(check: () => void): () => void {
    this.exitListeners.add(check);
    return () => this.exitListeners.delete(check);
  }

  // ---- probes ----------------------------------------------------------------------------

  /**
   * A results-manager update reaches the kubelet's sync loop right after the probes of this
   * instant: statusManager.SetContainerReadiness / SetContainerStartup patch the status, then a sync.
   * The updates of one instant are taken together — one status patch, one sync — as the pod
   * worker merges updates that arrive while it is busy (pod_workers.go UpdatePod keeps only the
   * pending update): 500 containers whose probes tick together cost one sync, not 500 (each O(N)).
   */
  private onProbeResult(container: string, type: ProbeType, result: ProbeResultValue): void {
    const slot = this.slot(container);
    if (!slot) return;
    if (this.probeUpdates.push({ slot, type, result }) > 1) return;
    const clock = this.env.clock;
    clock.at(clock.now(), () => this.applyProbeUpdates(), 1);
  }

  private applyProbeUpdates(): void {
    const updates = this.probeUpdates;
    this.probeUpdates = [];
    if (this.lifecycle === 'deleted' || this.env.nodeLost()) return;
    let patch = false;
    for (const u of updates) {
      if (u.type === 'liveness') this.send(u.slot, { type: 'probe.liveness', result: u.result });
      else patch = true;
    }
    if (patch) this.writeStatus('patch');
    this.requestSync();
  }

  // ---- status (status/statusManager.ts) ---------------------------------------------------------

  /**
   * HasAnyActiveRegularContainerStarted (kubelet/container/helpers.go): a regular container of the
   * *current* sandbox has started — after a sandbox is re-created the pod is initializing again
   * (Pending, Initialized False) until its init containers have run.
   */
  get regularStarted(): boolean {
    return this.slots.some(
      (s) =>
        s.kind === 'regular' &&
        // Only containers of the current sandbox: after a re-created sandbox the init containers
        // run again (computeInitContainerActions ignores the exited ones of the old sandbox).
        s.instances.some(
          (i) => i.sandboxGeneration === this.sandboxGeneration && this.seenForStatus(i) !== 'none',
        ),
    );
  }

  /**
   * Generate and record the API status. 'full' regenerates container statuses from the PLEG
   * cache (a sync); 'patch' only recomputes ready/started (probe updates between syncs).
   */
  writeStatus(mode: 'full' | 'patch', terminal = false): void {
    if (this.env.nodeLost()) return; // no kubelet to write it (R10.2)
    writePodStatus(this, mode, terminal);
  }

  condition(type: string): CondState | undefined {
    return this.conditions.get(type);
  }

  // ---- pod-level actions (podLifecycle.ts) -------------------------------------------------

  private deadlineExceeded(ads: number): void {
    deadlineExceeded(this, ads);
  }

  /** API DELETE (pod-level R8.1) and the kubelet's termination (R8.2). */
  requestDelete(opts: { gracePeriodSeconds?: number; force?: boolean; cause?: Cause }): void {
    requestDelete(this, opts);
  }

  /** The object disappears from the API (status manager delete with grace 0, or force). */
  remove(cause: Cause): void {
    removePod(this, cause);
  }

  /**
   * The node is back (R10.6): the kubelet relists, then terminates a pod deleted meanwhile (the
   * object goes once its containers are stopped) or syncs and writes its status again.
   */
  nodeResumed(): void {
    if (this.lifecycle === 'deleted') return;
    this.markSeen();
    this.cacheFresh = true;
    this.cancelFreshTimer();
    if (this.lifecycle !== 'active') return;
    if (this.deletion) return kubeletSeesDeletion(this);
    if (this.deadlinePassed !== undefined) return this.deadlineExceeded(this.deadlinePassed);
    this.requestSync();
  }

  updatePod(pod: DefaultedPod): void {
    this.pod = pod;
    handlePodUpdate(this, pod);
  }

  removeStatic(): void {
    staticPodRemoved(this);
  }

  republishStatus(): void {
    republishStatus(this);
  }

  killSandbox(): boolean {
    return sandboxDied(this);
  }

  nodeRebooted(): void {
    nodeRebooted(this);
  }

  /** setCondition scenario action (readiness gates, custom conditions). */
  setExternalCondition(c: Condition): void {
    if (this.lifecycle === 'deleted') return;
    this.external.set(c.type, c);
    this.writeStatus('patch');
  }
}
