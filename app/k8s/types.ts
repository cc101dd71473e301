/**
 * Public types of the Kubernetes object layer: what `parseScenario` returns.
 * Objects are the kubernetes-types shapes after API-server defaulting (reference §1).
 */
import type { FeatureGates, KubernetesVersion } from './features.ts';
import type { Pod, Service, ConfigMap, Secret, Node } from 'kubernetes-types/core/v1';

export type { Pod, Service, ConfigMap, Secret, Node };
export type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
export type {
  Container,
  Probe,
  Lifecycle,
  LifecycleHandler,
  PodSpec,
  ServiceSpec,
  Volume,
  VolumeMount,
  EnvVar,
  ContainerPort,
  EphemeralContainer,
} from 'kubernetes-types/core/v1';
import type { DefaultedPod, DefaultedService } from './defaulted.ts';
import type { DefaultedNode } from './nodes.ts';
import type { DefaultedDeployment, DefaultedReplicaSet } from './workloads.ts';
import type { DefaultedJob } from './jobs.ts';
export type { DefaultedJob } from './jobs.ts';
import type { DefaultedStatefulSet } from './statefulSets.ts';
export type { DefaultedStatefulSet } from './statefulSets.ts';
import type { DefaultedDaemonSet } from './daemonSets.ts';
export type { DefaultedDaemonSet } from './daemonSets.ts';
export type { DefaultedDeployment, DefaultedReplicaSet, DefaultedTemplate } from './workloads.ts';
export type { DefaultedNode } from './nodes.ts';
export type * from './defaulted.ts';

/** 1-based line and column, as Monaco and editors count them. End is exclusive. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic extends SourceRange {
  severity: Severity;
  message: string;
  /** Object path inside the document, e.g. `spec.containers[0].livenessProbe`. */
  path?: string;
  /** Index of the YAML document (0-based) the diagnostic belongs to. */
  doc?: number;
  /** Stable machine-readable code: `yaml-syntax`, `unknown-field`, `required`, `invalid-value`, `duplicate`, `not-simulated`, ... */
  code?: string;
}

/** A reference to the spec field that caused something: resolvable to a YAML range with `locate`. */
export interface FieldRef {
  doc: number;
  path: string;
}

export type SimulatedKind =
  | 'Pod'
  | 'Service'
  | 'ConfigMap'
  | 'Secret'
  | 'Node'
  | 'PodDisruptionBudget'
  | 'ReplicaSet'
  | 'Deployment'
  | 'Job'
  | 'StatefulSet'
  | 'DaemonSet';

export interface SourceObjectBase<K extends string, T> {
  kind: K;
  name: string;
  namespace: string;
  /** Document index in the scenario text. */
  doc: number;
  /**
   * Where the object sits inside its document when it is not the whole document: `items[2]` for an item
   * of a `kind: List`. Prefix it to FieldRef paths given to `locate`. Absent for a top-level object.
   */
  path?: string;
  /** The defaulted object (status/managedFields/resourceVersion stripped). */
  object: T;
}

export type SourceObject =
  | SourceObjectBase<'Pod', DefaultedPod>
  | SourceObjectBase<'Service', DefaultedService>
  | SourceObjectBase<'ConfigMap', ConfigMap>
  | SourceObjectBase<'Secret', Secret>
  | SourceObjectBase<'Node', DefaultedNode>
  | SourceObjectBase<'PodDisruptionBudget', PodDisruptionBudget>
  | SourceObjectBase<'ReplicaSet', DefaultedReplicaSet>
  | SourceObjectBase<'Deployment', DefaultedDeployment>
  | SourceObjectBase<'Job', DefaultedJob>
  | SourceObjectBase<'StatefulSet', DefaultedStatefulSet>
  | SourceObjectBase<'DaemonSet', DefaultedDaemonSet>;

/** Seconds (float) in every scenario contract. */
export type Seconds = number;

export interface ObjectKey {
  kind: SimulatedKind;
  name: string;
  namespace?: string;
}

export type ScenarioAction =
  | { at: Seconds; doc: number; path: string; apply: ObjectKey }
  | {
      at: Seconds;
      doc: number;
      path: string;
      delete: ObjectKey & { gracePeriodSeconds?: number; force?: boolean };
    }
  | {
      at: Seconds;
      doc: number;
      path: string;
      /** `command` is run as `sh -c command` when a string, as argv when a list. */
      exec: { pod: string; container?: string; namespace?: string; command: string | string[] };
    }
  | {
      at: Seconds;
      doc: number;
      path: string;
      /**
       * Kill the container's process: `signal` (default SIGKILL) or make it exit with `exitCode`.
       * `sandbox: true` kills the pod's pause process instead (`container` is then empty).
       */
      kill: {
        pod: string;
        container: string;
        sandbox?: boolean;
        namespace?: string;
        signal?: string;
        exitCode?: number;
      };
    }
  | {
      at: Seconds;
      doc: number;
      path: string;
      setCondition: {
        pod: string;
        namespace?: string;
        type: string;
        status: 'True' | 'False' | 'Unknown';
        reason?: string;
        message?: string;
      };
    }
  | {
      at: Seconds;
      doc: number;
      path: string;
      /**
       * Power the node off (`Lost`: the kubelet stops, nothing is observed or written) or back on
       * (`Ready`, which also uncordons), `kubectl cordon` it (`Cordoned`), `kubectl drain` it
       * (`Drained`), or reboot it (`Rebooted`). The control plane reacts per cluster.md §2.
       */
      node: { name: string; state: NodeState };
    }
  | { at: Seconds; doc: number; path: string; patch: PatchTarget }
  | { at: Seconds; doc: number; path: string; debug: DebugTarget }
  | { at: Seconds; doc: number; path: string; staticPod: StaticPodRef & { present: boolean } }
  /** `kubectl scale KIND/NAME --replicas=N`. */
  | { at: Seconds; doc: number; path: string; scale: ObjectKey & { replicas: number } }
  /** `kubectl rollout undo|restart KIND/NAME` (undo: `toRevision`, 0 = the previous one). */
  | {
      at: Seconds;
      doc: number;
      path: string;
      rollout: ObjectKey & { do: 'undo' | 'restart'; toRevision?: number };
    };

/** A Pod document placed in a node's staticPodPath (`spec.staticPods`, the `staticPod` action). */
export interface StaticPodRef {
  node: string;
  pod: string;
  namespace?: string;
}

/**
 * `spec.traffic`: a client inside the cluster opening `rate` new connections per second to a
 * Service port from `from` to `to` (DESIGN §3; reference cluster.md K8).
 */
export interface TrafficSpec {
  service: string;
  namespace?: string;
  /** Requests (new connections) per second; the k-th is sent at from + k / rate. */
  rate: number;
  from: Seconds;
  /** Exclusive end; undefined: the run's end. */
  to?: Seconds;
  /** A Service port (number or name); undefined: the Service's first port. */
  port?: number | string;
  doc: number;
  path: string;
}

/** `kubectl debug -it POD --image=IMAGE [--target=C] [-c NAME] [-- COMMAND]` (an ephemeral container). */
export interface DebugTarget {
  pod: string;
  namespace?: string;
  image: string;
  target?: string;
  name?: string;
  /** A string runs as `sh -c`; absent: the image's default command on an open terminal. */
  command?: string | string[];
}

export type PatchAction = ScenarioAction & { patch: PatchTarget };

/** A strategic merge patch of one object (`kubectl patch KIND NAME -p PATCH`). */
export interface PatchTarget {
  kind: string;
  name: string;
  namespace?: string;
  patch: Record<string, unknown>;
}

export const NODE_STATES = ['Lost', 'Ready', 'Rebooted', 'Cordoned', 'Drained'] as const;
export type NodeState = (typeof NODE_STATES)[number];

export interface ScenarioSpec {
  name: string;
  /** How much simulated time to run (default 600 s). */
  until: Seconds;
  /** Raw KubeletProfile overrides, durations already converted to seconds. Interpreted by app/sim. */
  profile: Record<string, unknown>;
  actions: ScenarioAction[];
  /** `spec.nodes`: node-1..node-N (DESIGN §3); undefined when not given. */
  nodes?: number;
  /** Objects not applied at t=0 because an `apply` action creates them later. */
  deferred: ObjectKey[];
  /**
   * `spec.staticPods`: Pod documents that are manifest files on a node at t = 0 (run by that
   * node's kubelet, seen through mirror pods), not created through the API.
   */
  staticPods?: (StaticPodRef & { doc: number; path: string })[];
  /** `spec.traffic`: clients calling Services (kube-proxy and traffic, cluster.md K8). */
  traffic?: TrafficSpec[];
  /** Document index of the Scenario document, if any. */
  doc?: number;
  /**
   * `spec.kubernetesVersion` (or the `--kubernetes-version` / page override) when one is given;
   * undefined: the default version (features.ts DEFAULT_KUBERNETES_VERSION).
   */
  kubernetesVersion?: KubernetesVersion;
  /** The feature gates of that version with `spec.profile.featureGates` applied. */
  featureGates?: FeatureGates;
}

export interface ParsedScenario {
  /** Every simulated object, in document order (including deferred ones). */
  objects: SourceObject[];
  /** Namespaces the scenario declares (valid Namespace documents), in document order. */
  namespaces: string[];
  scenario: ScenarioSpec;
  diagnostics: Diagnostic[];
  /** Maps an object path of document `doc` to its YAML range (the value node; the key for `key: true`). */
  locate(ref: FieldRef, opts?: { key?: boolean }): SourceRange | undefined;
}
