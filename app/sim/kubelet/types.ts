/** Shared shapes of the kubelet model: container instances, slots, the environment a pod worker runs in. */
import type { Actor } from 'xstate';
import type { DefaultedContainer, DefaultedPod } from '../../k8s/types.ts';
import type { Ms } from '../clock/types.ts';
import type { SimClock } from '../clock/simClock.ts';
import type { Recorder } from '../clock/recorder.ts';
import type { KubeletProfile } from '../profile.ts';
import type {
  ClusterNetwork,
  ContainerProcess,
  PodSandbox,
  RuntimeDiagnostic,
  RuntimeModel,
  SandboxContext,
} from '../runtime/types.ts';
import type { Cause, ContainerStatus } from '../trace/types.ts';
import type { Backoff } from './backoff.ts';
import type { containerMachine, ContainerEvent } from '../charts/containerMachine.ts';
import type { podMachine, PodEvent } from '../charts/podMachine.ts';
import type { ProbeManager } from './prober/proberManager.ts';
import type { Condition } from './status/generate.ts';
import type { Phase } from './status/getPhase.ts';
import type { Signal, TaskHandle } from './task.ts';

/** One container instance (one CRI container: a restart creates a new one). */
export interface Instance {
  id: string;
  restartCount: number;
  /** The image it was created from: a spec change (kubelet: the container hash) restarts it. */
  image: string;
  /** Which sandbox of the pod it ran in (PodWorker.sandboxGeneration when it was created). */
  sandboxGeneration: number;
  proc: ContainerProcess;
  startedAtMs: Ms;
  finishedAtMs?: Ms;
  exitCode?: number;
  reason?: string;
  message?: string;
  /** What the PLEG cache knows of it (seen exactly plegMs after each change). */
  seen: 'none' | 'running' | 'exited';
  exited: Signal;
  killing: boolean;
  /** The machine went down under it (a node reboot): the runtime reports exit 255, `Unknown`. */
  lostWithNode?: boolean;
}

/** `ephemeral`: added by `kubectl debug` (pods/ephemeralcontainers), started once, never restarted. */
export type SlotKind = 'init' | 'sidecar' | 'regular' | 'ephemeral';

/** A container of the spec, across all its instances. */
export interface Slot {
  name: string;
  kind: SlotKind;
  index: number;
  spec: DefaultedContainer;
  /** `spec.containers[0]` */
  base: string;
  instances: Instance[];
  /** kubelet reasonCache: the last start error (CrashLoopBackOff, ErrImagePull, …). */
  reasonCache?: { reason: string; message: string };
  actor: Actor<typeof containerMachine>;
  /** The API status last written: a view of the container chart's context. */
  readonly status: ContainerStatus | undefined;
  /** The status the status manager last recorded (a write is skipped when nothing changed). */
  written?: ContainerStatus;
  /** Why the next status record changes (consumed when it is recorded). */
  cause?: Cause;
  /** Set by TerminatePod for a container that never ran (pod-level R1.9). */
  lostAtMs?: Ms;
}

export interface KubeletEnv {
  clock: SimClock;
  recorder: Recorder;
  profile: KubeletProfile;
  runtime: RuntimeModel;
  network: ClusterNetwork;
  lookup: SandboxContext['lookup'];
  diagnostic(d: RuntimeDiagnostic): void;
  /** Images pulled on the node so far (by normalised ref). */
  nodeImages: Set<string>;
  imageBackoff: Backoff;
  crashBackoff: Backoff;
  allocatePodIP(): string;
  /** The Service link variables a container of `namespace` gets when it is created now. */
  serviceEnv(namespace: string, enableServiceLinks: boolean): Record<string, string>;
  /** A pod's API status changed (endpoints follow). */
  onPodStatus(pod: PodWorker): void;
  /** The pod object is gone from the API. */
  onPodDeleted(namespace: string, pod: string): void;
  /** The node is powered off (pod-level R10): the kubelet neither syncs, probes nor writes status. */
  nodeLost(): boolean;
}

export interface CondState extends Condition {
  lastTransitionTime: number;
}

/** The pod worker's state as the pod chart says it (pod_workers.go: SyncPod, TerminatingPod, TerminatedPod). */
export type Lifecycle = 'active' | 'terminating' | 'terminated' | 'deleted';

/**
 * The kubelet's view of one pod (implemented by podWorkers.ts). The sync, status, kill and hook
 * modules take this interface, not the class, so none of them imports the pod worker (no cycle).
 */
export interface PodWorker {
  readonly env: KubeletEnv;
  /** The API object as the kubelet last received it (a patch replaces it: updatePod). */
  readonly pod: DefaultedPod;
  readonly doc: number;
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly slots: Slot[];
  readonly probes: ProbeManager;
  readonly podActor: Actor<typeof podMachine>;
  sandbox: PodSandbox | undefined;
  /** How many sandboxes the pod has had (the CRI sandbox attempt + 1); 0 before the first. */
  sandboxGeneration: number;
  /**
   * The pause process of the current sandbox is dead (`died`), and the PLEG has seen it (`seen`):
   * the next sync finds the sandbox changed (kuberuntime_manager.go podSandboxChanged).
   */
  sandboxDead?: 'died' | 'seen';
  podIP: string | undefined;
  /** WaitForAttachAndMount succeeded once (volumeManager.ts); volumes then stay mounted. */
  volumesMounted: boolean;
  forcedPhase?: { phase: Phase; reason: string; message: string };
  deletion?: { timestampMs: number; graceS: number };
  /** activeDeadlineSeconds passed while the node was lost (checked when it comes back). */
  deadlinePassed?: number;
  readonly external: Map<string, Condition>;
  readonly conditions: Map<string, CondState>;
  readonly startTimeMs: number;
  /** The PLEG cache as the running sync saw it when it began. */
  syncSnapshot: Map<Instance, Instance['seen']> | undefined;
  /** Everything the termination task needs to cancel on deletion. */
  termination: TaskHandle | undefined;
  // views of the pod chart
  readonly lifecycle: Lifecycle;
  readonly phase: Phase;
  readonly phaseRecorded: boolean;
  readonly initialized: boolean;
  readonly sandboxReady: boolean;
  readonly sandboxStopped: boolean;
  // spec
  readonly restartPolicy: string;
  readonly graceS: number;
  readonly hasInitContainers: boolean;
  /** Any regular container has started (HasAnyActiveRegularContainerStarted). */
  readonly regularStarted: boolean;
  slot(name: string): Slot | undefined;
  latest(slot: Slot | undefined): Instance | undefined;
  runningInstance(slot: Slot | undefined): Instance | undefined;
  send(slot: Slot, e: ContainerEvent): void;
  sendPod(e: PodEvent): void;
  event(
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    slot?: Slot,
    cause?: Cause,
  ): void;
  admit(): void;
  requestSync(defer?: boolean): void;
  cancelSync(): void;
  snapshotCache(): void;
  seenForStatus(i: Instance): Instance['seen'];
  scheduleRelist(): void;
  markSeen(): boolean;
  onExit(): void;
  onAnyExit(check: () => void): () => void;
  writeStatus(mode: 'full' | 'patch', terminal?: boolean): void;
  condition(type: string): CondState | undefined;
  requestDelete(opts: { gracePeriodSeconds?: number; force?: boolean; cause?: Cause }): void;
  remove(cause: Cause): void;
  nodeResumed(): void;
  setExternalCondition(c: Condition): void;
  /** An accepted update of the Pod object reaches the kubelet (HandlePodUpdates → a sync). */
  updatePod(pod: DefaultedPod): void;
  /** (Re-)arm the activeDeadlineSeconds timer from the current spec. */
  armDeadline(): void;
  /** The pause process dies (a scenario kill of the sandbox); false when there is none to kill. */
  killSandbox(): boolean;
  /** A static pod's manifest was removed: the kubelet stops it (podLifecycle staticPodRemoved). */
  removeStatic(): void;
  /** Record the whole API status again (a new mirror pod: the status manager syncs it afresh). */
  republishStatus(): void;
  /** An ephemeral container was added to the pod (its slot; the next sync starts it). */
  addEphemeral(c: DefaultedContainer, index: number): void;
  /** The node rebooted: every container and the sandbox are gone; the kubelet re-creates them. */
  nodeRebooted(): void;
}
