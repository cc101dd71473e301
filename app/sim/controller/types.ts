/**
 * The objects the workload controllers keep (the API store's ReplicaSets and Deployments, with the
 * fields the controllers read and write) and what they see of pods and of the cluster. Times are
 * simulated seconds.
 */
import type { DefaultedPod, DefaultedTemplate } from '../../k8s/types.ts';
import type { Taint } from 'kubernetes-types/core/v1';

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface OwnerRef {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller: true;
  blockOwnerDeletion: true;
}

export interface WorkloadCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastUpdateTime: number;
  lastTransitionTime: number;
}

interface ObjectBase {
  name: string;
  namespace: string;
  uid: string;
  /** Document of the scenario that defines it (a Deployment's RS: the Deployment's). */
  doc: number;
  creationTimestamp: number;
  generation: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The GC's background deletion reached it: it is gone from the API. */
  deleted?: boolean;
}

export interface ReplicaSetObject extends ObjectBase {
  kind: 'ReplicaSet';
  ownerReferences?: OwnerRef[];
  spec: {
    replicas: number;
    minReadySeconds: number;
    selector: LabelSelector;
    template: DefaultedTemplate;
  };
  status: {
    replicas: number;
    fullyLabeledReplicas: number;
    readyReplicas: number;
    availableReplicas: number;
    observedGeneration: number;
  };
}

export interface RollingUpdate {
  maxSurge: number | string;
  maxUnavailable: number | string;
}

export interface DeploymentObject extends ObjectBase {
  kind: 'Deployment';
  spec: {
    replicas: number;
    minReadySeconds: number;
    selector: LabelSelector;
    template: DefaultedTemplate;
    strategy: { type: 'RollingUpdate' | 'Recreate'; rollingUpdate?: RollingUpdate };
    revisionHistoryLimit: number;
    progressDeadlineSeconds: number;
  };
  status: {
    observedGeneration: number;
    replicas: number;
    updatedReplicas: number;
    readyReplicas: number;
    availableReplicas: number;
    unavailableReplicas: number;
    conditions: WorkloadCondition[];
    collisionCount?: number;
  };
}

export interface JobCondition {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
  lastProbeTime: number;
  lastTransitionTime: number;
}

export interface PodFailurePolicyRule {
  action: 'FailJob' | 'Ignore' | 'Count' | 'FailIndex';
  onExitCodes?: { containerName?: string; operator: 'In' | 'NotIn'; values: number[] };
  onPodConditions?: { type: string; status: string }[];
}

export interface JobObject extends ObjectBase {
  kind: 'Job';
  spec: {
    parallelism: number;
    completions?: number;
    backoffLimit: number;
    activeDeadlineSeconds?: number;
    completionMode: 'NonIndexed' | 'Indexed';
    selector: LabelSelector;
    template: DefaultedTemplate;
    podFailurePolicy?: { rules: PodFailurePolicyRule[] };
  };
  status: {
    active: number;
    ready: number;
    succeeded: number;
    failed: number;
    terminating?: number;
    startTime?: number;
    completionTime?: number;
    completedIndexes?: string;
    conditions: JobCondition[];
  };
}

export interface StatefulSetObject extends ObjectBase {
  kind: 'StatefulSet';
  spec: {
    replicas: number;
    minReadySeconds: number;
    selector: LabelSelector;
    template: DefaultedTemplate;
    serviceName?: string;
    podManagementPolicy: 'OrderedReady' | 'Parallel';
    updateStrategy: { type: 'RollingUpdate' | 'OnDelete'; rollingUpdate?: { partition: number } };
    ordinals?: { start?: number };
    revisionHistoryLimit: number;
    persistentVolumeClaimRetentionPolicy?: { whenDeleted?: string; whenScaled?: string };
    volumeClaimTemplates?: { metadata?: { name?: string } }[];
  };
  status: {
    observedGeneration: number;
    replicas: number;
    readyReplicas: number;
    currentReplicas: number;
    updatedReplicas: number;
    availableReplicas: number;
    currentRevision: string;
    updateRevision: string;
    collisionCount: number;
  };
}

export interface DaemonSetObject extends ObjectBase {
  kind: 'DaemonSet';
  spec: {
    minReadySeconds: number;
    selector: LabelSelector;
    template: DefaultedTemplate;
    updateStrategy: {
      type: 'RollingUpdate' | 'OnDelete';
      rollingUpdate?: { maxUnavailable: number | string; maxSurge: number | string };
    };
    revisionHistoryLimit: number;
  };
  status: {
    observedGeneration: number;
    desiredNumberScheduled: number;
    currentNumberScheduled: number;
    numberMisscheduled: number;
    numberReady: number;
    updatedNumberScheduled: number;
    numberAvailable: number;
    numberUnavailable: number;
  };
}

export type WorkloadObject =
  ReplicaSetObject | DeploymentObject | JobObject | StatefulSetObject | DaemonSetObject;

/** A Node as the DaemonSet controller's informer sees it. */
export interface CtlNode {
  name: string;
  labels: Readonly<Record<string, string>>;
  taints: readonly Taint[];
}

/** A pod as the controllers' informers see it. */
export interface CtlPod {
  name: string;
  namespace: string;
  uid: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The controller owner's UID. */
  ownerUid?: string;
  node?: string;
  /**
   * The node a pod not yet bound is pinned to by `matchFields metadata.name` (daemonset util.go
   * GetTargetNodeName); absent when bound (then `node`) or not pinned.
   */
  targetNode?: string;
  phase: string;
  ready: boolean;
  /** The Ready condition's lastTransitionTime, when Ready. */
  readySince?: number;
  restarts: number;
  creationTimestamp: number;
  deleting: boolean;
  /** What the Job controller reads of the status (absent for a pod no kubelet runs yet). */
  job?: PodJobView;
}

/** A pod's status as the Job controller reads it (job_controller.go, backoff_utils.go). */
export interface PodJobView {
  /** getFinishedTime: the last container finishedAt, else Ready=False's transition time. */
  finishedAt?: number;
  /** Sum of the restartCounts of init and regular containers (pastBackoffLimitOnFailure). */
  restartSum: number;
  /** Terminated containers (regular first, then init) with their exit codes. */
  terminated: { name: string; exitCode: number }[];
  conditions: { type: string; status: string }[];
  /** Seconds of grace the deletion gave (deletionTimestamp − grace). */
  deletedAt?: number;
}

/** What the controllers use of the cluster (cluster/workloadHost.ts). */
export interface ControllerHost {
  now(): number;
  /** The Kubernetes minor version simulated (1.34 → 34). */
  readonly minor: number;
  /** Every Node the API holds, in registration order. */
  nodes(): CtlNode[];
  /** Every pod of the namespace the API holds (terminating ones included). */
  pods(namespace: string): CtlPod[];
  createPod(pod: DefaultedPod, doc: number): void;
  /** A delete with the pod's own grace period (the controllers' DeletePod). */
  deletePod(namespace: string, name: string): void;
  event(
    object: string,
    namespace: string,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: string,
  ): void;
  /** The object changed: a `workload` trace record. */
  record(o: WorkloadObject): void;
  /** The object is gone from the API. */
  deleted(o: WorkloadObject): void;
  /** `fn` runs `seconds` from now (a controller's AddAfter). */
  after(seconds: number, fn: () => void): void;
  /** A name no pod of the namespace has had in this run. */
  nameInUse(namespace: string, name: string): boolean;
}
