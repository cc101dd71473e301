/**
 * The objects the workload controllers keep (the API store's ReplicaSets and Deployments, with the
 * fields the controllers read and write) and what they see of pods and of the cluster. Times are
 * simulated seconds.
 */
import type { DefaultedPod, DefaultedTemplate } from '../../k8s/types.ts';

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

export type WorkloadObject = ReplicaSetObject | DeploymentObject;

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
  phase: string;
  ready: boolean;
  /** The Ready condition's lastTransitionTime, when Ready. */
  readySince?: number;
  restarts: number;
  creationTimestamp: number;
  deleting: boolean;
}

/** What the controllers use of the cluster (cluster/workloadHost.ts). */
export interface ControllerHost {
  now(): number;
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
