/**
 * The engine's only output (DESIGN.md §2.5): an append-only list of records. Every view is a pure
 * projection of it. Times are simulated seconds (float) from pod-admission t = 0.
 *
 * Status records (`pod.*`, `container.status`, `endpoints`) are stamped with the time the API
 * status would change (what a watch shows); runtime records (`process.*`, `signal`, `hook`,
 * `probe`, `log`) with the time they happened on the node.
 */
import type { DefaultedNode, FieldRef, Pod, Service, SourceObject } from '../../k8s/types.ts';
import type { WorkloadObject } from '../controller/types.ts';
export type * from '../controller/types.ts';

export type ProbeType = 'startup' | 'readiness' | 'liveness';
export type ContainerKind = 'init' | 'sidecar' | 'regular' | 'ephemeral';
export type ConditionStatus = 'True' | 'False' | 'Unknown';

/** Why something happened: the teaching line plus the spec field that drove it. */
export interface Cause {
  /** e.g. "livenessProbe failed 3 times in a row (failureThreshold 3)". */
  message: string;
  /** The field that drove it, e.g. {doc: 0, path: 'spec.containers[0].livenessProbe.failureThreshold'}. */
  field?: FieldRef;
}

export interface TerminatedState {
  exitCode: number;
  signal?: number;
  reason: string; // Completed | Error | OOMKilled | StartError | ContainerStatusUnknown
  message?: string;
  startedAt: number;
  finishedAt: number;
}

export type ContainerState =
  | { waiting: { reason: string; message?: string } }
  | { running: { startedAt: number } }
  | { terminated: TerminatedState };

/** Mirrors v1.ContainerStatus with times in seconds. */
export interface ContainerStatus {
  name: string;
  image: string;
  ready: boolean;
  started?: boolean;
  restartCount: number;
  state: ContainerState;
  lastState?: { terminated: TerminatedState };
  containerID?: string;
}

export interface EndpointRecord {
  pod: string;
  ip: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export type TraceRecord =
  // ---- objects -----------------------------------------------------------------------------
  | { t: number; type: 'object.applied'; source: SourceObject }
  | { t: number; type: 'object.deleted'; kind: string; name: string; namespace: string }
  /** A ReplicaSet or Deployment as the API holds it after a change (spec, annotations or status). */
  | { t: number; type: 'workload'; object: WorkloadObject }
  // ---- nodes (issue 10): the Node object when it registers or changes, and its conditions ------
  | {
      t: number;
      type: 'node';
      node: DefaultedNode;
      hostIP: string;
      podCIDR: string;
      kubeletVersion: string;
    }
  | {
      t: number;
      type: 'node.condition';
      node: string;
      condition: string;
      status: ConditionStatus;
      reason?: string;
      message?: string;
      lastTransitionTime: number;
      cause?: Cause;
    }
  // ---- pod API status ----------------------------------------------------------------------
  | {
      t: number;
      type: 'pod.phase';
      pod: string;
      namespace: string;
      phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
      reason?: string;
      message?: string;
      cause?: Cause;
    }
  | {
      t: number;
      type: 'pod.condition';
      pod: string;
      namespace: string;
      condition: string;
      status: ConditionStatus;
      reason?: string;
      message?: string;
      /** Changes only when status changes (reference pod-level R5.7). */
      lastTransitionTime: number;
      cause?: Cause;
    }
  | {
      t: number;
      type: 'pod.ip';
      pod: string;
      namespace: string;
      ip: string;
      hostIP: string;
      startTime: number;
    }
  | {
      t: number;
      type: 'pod.deleting';
      pod: string;
      namespace: string;
      deletionTimestamp: number;
      gracePeriodSeconds: number;
      cause?: Cause;
    }
  | { t: number; type: 'pod.deleted'; pod: string; namespace: string; cause?: Cause }
  | {
      t: number;
      type: 'container.status';
      pod: string;
      namespace: string;
      container: string;
      kind: ContainerKind;
      status: ContainerStatus;
      cause?: Cause;
    }
  // ---- node-side happenings ---------------------------------------------------------------
  | {
      t: number;
      type: 'probe';
      pod: string;
      namespace: string;
      container: string;
      probe: ProbeType;
      /** This attempt's outcome; `error` results are discarded by the kubelet (R7.2 step 9). */
      result: 'success' | 'failure' | 'warning' | 'error';
      output?: string;
      /** Set when this attempt changed the published result. */
      published?: 'Success' | 'Failure';
      cause?: Cause;
    }
  | {
      t: number;
      type: 'hook';
      pod: string;
      namespace: string;
      container: string;
      hook: 'postStart' | 'preStop';
      phase: 'start' | 'end';
      result?: 'success' | 'failure' | 'abandoned';
      output?: string;
      cause?: Cause;
    }
  | {
      t: number;
      type: 'signal';
      pod: string;
      namespace: string;
      container: string;
      signal: string;
      cause?: Cause;
    }
  | {
      t: number;
      type: 'process.exit';
      pod: string;
      namespace: string;
      container: string;
      exitCode: number;
      reason: string;
      cause?: Cause;
    }
  | {
      t: number;
      type: 'log';
      pod: string;
      namespace: string;
      container: string;
      /** restartCount of the instance that printed it (for `kubectl logs --previous`). */
      instance: number;
      stream: 'stdout' | 'stderr';
      line: string;
    }
  | {
      t: number;
      type: 'exec';
      pod: string;
      namespace: string;
      container: string;
      command: string[];
      exitCode: number;
      output: string;
    }
  // ---- services -----------------------------------------------------------------------------
  | {
      t: number;
      type: 'endpoints';
      service: string;
      namespace: string;
      endpoints: EndpointRecord[];
    }
  // ---- compact forms (trace/expand.ts turns them back into the records above) -------------
  | ProbeRunRecord
  | LogRunRecord
  | EndpointChangeRecord
  // ---- Kubernetes Events (before kubectl's aggregation; projections aggregate) ------------
  | {
      t: number;
      type: 'event';
      /** `pod/NAME`, as kubectl prints it; the namespace is beside it (involvedObject.namespace). */
      object: string;
      namespace: string;
      eventType: 'Normal' | 'Warning';
      reason: string;
      message: string;
      source: string; // kubelet | default-scheduler | ...
      fieldPath?: string; // spec.containers{app}
      cause?: Cause;
    }
  // ---- PodDisruptionBudget status (disruption controller), whenever it changes ---------------
  | {
      t: number;
      type: 'pdb.status';
      name: string;
      namespace: string;
      expectedPods: number;
      currentHealthy: number;
      desiredHealthy: number;
      disruptionsAllowed: number;
    }
  // ---- statechart view ----------------------------------------------------------------------
  | {
      t: number;
      type: 'machine';
      /** `pod/NAME` or `pod/NAME/CONTAINER` */
      actor: string;
      /** The pod's namespace (the actor names only the pod). */
      namespace: string;
      /** Dotted active state value, e.g. `running.probing` */
      state: string;
    }
  // ---- scenario actions (DESIGN §4 `actions`): what each one did ------------------------------
  | {
      t: number;
      type: 'action';
      /** `patch Pod/web`, `kill Pod/web`, `node Node/node-2` (namespace before the name outside default). */
      action: string;
      ok: boolean;
      /** kubectl's answer (`pod/web patched`) or the API server's refusal. */
      message?: string;
    };

/**
 * `n` hot-path probe attempts with one result and no output, the first at `t`, then every
 * `every` seconds (trace/expand.ts gives back one `probe` record each).
 */
export interface ProbeRunRecord {
  t: number;
  type: 'probe.run';
  pod: string;
  namespace: string;
  container: string;
  probe: ProbeType;
  result: 'success' | 'failure' | 'warning';
  every: number;
  n: number;
}

/**
 * `n` log lines that differ only in the time they print (an access log answering a probe):
 * `line` at `t`, then every `every` seconds `stamp[0] + <clf time of that second> + stamp[1]`.
 */
export interface LogRunRecord {
  t: number;
  type: 'log.run';
  pod: string;
  namespace: string;
  container: string;
  instance: number;
  stream: 'stdout' | 'stderr';
  line: string;
  stamp: [string, string];
  every: number;
  n: number;
}

/** One pod's entry of a Service's EndpointSlice changed (`endpoint` undefined: it left). */
export interface EndpointChangeRecord {
  t: number;
  type: 'endpoint';
  service: string;
  /** The Service's namespace, which is its pods' too. */
  namespace: string;
  pod: string;
  endpoint?: EndpointRecord;
}

export type TraceRecordType = TraceRecord['type'];

export interface SimDiagnostic {
  severity: 'error' | 'warning' | 'info';
  message: string;
  doc?: number;
  path?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface RunStop {
  /** The end the run was asked for, in seconds. */
  requested: number;
  /** Why it stopped: `more than 5000000 events (a runaway loop?)`, `after 8 s of wall time`. */
  reason: string;
}

/** What `simulate` returns. Serialisable (posted from the Web Worker as is). */
/** How a client's new connection ended (reference cluster.md K8.6). */
export type TrafficError = 'connection refused' | 'connection timed out' | 'no such host';

/** Failed requests of one second to one target: `pod` absent when the Service had no endpoint. */
export interface TrafficFailure {
  pod?: string;
  error: TrafficError;
  count: number;
  /** When the first and the last of them were sent (seconds, ms precision). */
  first: number;
  last: number;
}

/** One simulated second [t, t + 1) of the requests to one Service (DESIGN §4 `traffic`). */
export interface TrafficSecond {
  t: number;
  service: string;
  namespace: string;
  sent: number;
  ok: number;
  failed: number;
  /** Failed requests by error; empty when all were served. */
  errors: Partial<Record<TrafficError, number>>;
  failures: TrafficFailure[];
  /** Served requests per pod. */
  served: Record<string, number>;
}

export interface SimResult {
  /** Seconds simulated: the requested end, or the time reached when the run was stopped early. */
  until: number;
  /** Set when the run stopped before the requested end (event limit, wall-clock budget). */
  stopped?: RunStop;
  trace: TraceRecord[];
  diagnostics: SimDiagnostic[];
  /** The scenario declares its nodes (Node documents or `spec.nodes`): the JSON adds `nodes` and `node`. */
  cluster?: boolean;
  /** Per-second request outcomes of `spec.traffic`, by (t, namespace, service); absent without traffic. */
  traffic?: TrafficSecond[];
}

export type { Pod, Service };
