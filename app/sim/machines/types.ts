/** Shared shapes of the kubelet model: container instances, slots, the environment a pod worker runs in. */
import type { Actor } from 'xstate';
import type { DefaultedContainer } from '../../k8s/types.ts';
import type { Ms } from '../clock/types.ts';
import type { SimClock } from '../clock/simClock.ts';
import type { Recorder } from '../clock/recorder.ts';
import type { KubeletProfile } from '../profile.ts';
import type {
  ClusterNetwork,
  ContainerProcess,
  RuntimeDiagnostic,
  RuntimeModel,
  SandboxContext,
} from '../runtime/types.ts';
import type { Cause, ContainerStatus } from '../trace/types.ts';
import type { Backoff } from './backoff.ts';
import type { containerMachine } from './containerMachine.ts';
import type { Signal } from './task.ts';

/** One container instance (one CRI container: a restart creates a new one). */
export interface Instance {
  id: string;
  restartCount: number;
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
}

export type SlotKind = 'init' | 'sidecar' | 'regular';

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
  status?: ContainerStatus;
  statusJson?: string;
  /** Why the next status record changes (consumed when it is recorded). */
  cause?: Cause;
  /** Set by TerminatePod for a container that never ran (pod-level R1.9). */
  lostAtMs?: Ms;
  /** Instance id that already got its manual readiness trigger (reference §12). */
  readinessTriggered?: string;
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
  onPodStatus(pod: string): void;
  /** The pod object is gone from the API. */
  onPodDeleted(pod: string): void;
  /** The node is powered off (pod-level R10): the kubelet neither syncs, probes nor writes status. */
  nodeLost(): boolean;
}
