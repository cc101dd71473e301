/** The shapes of the trace index (see traceIndex.ts). */
import type { DefaultedNode, Pod, Service } from '../../k8s/types.ts';
import type {
  ConditionStatus,
  ContainerKind,
  ContainerStatus,
  EndpointRecord,
  SimResult,
} from './types.ts';
import type { Series } from './series.ts';
import type { EventIndex } from './eventCorrelator.ts';

export interface PhaseValue {
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  reason?: string;
  message?: string;
}

export interface ConditionValue {
  type: string;
  status: ConditionStatus;
  reason?: string;
  message?: string;
  lastTransitionTime: number;
}

export interface ContainerTrack {
  name: string;
  kind: ContainerKind;
  status: Series<ContainerStatus>;
}

export interface LogLine {
  t: number;
  instance: number;
  stream: 'stdout' | 'stderr';
  line: string;
}

export interface ChangePoint {
  t: number;
  seq: number;
  writer: 'api' | 'kubelet';
}

export interface PodTrack {
  name: string;
  namespace: string;
  doc: number;
  /** creationTimestamp (the object.applied time). */
  createdAt: number;
  /** When the object left the API (pod.deleted), if it did. */
  deletedAt?: number;
  spec: Series<Pod>;
  phase: Series<PhaseValue>;
  conditions: Map<string, Series<ConditionValue>>;
  /** Condition types in the order they first appeared. */
  conditionOrder: string[];
  ip: Series<{ ip: string; hostIP: string; startTime: number }>;
  deleting: Series<{ deletionTimestamp: number; gracePeriodSeconds: number }>;
  /** spec.nodeName as bound by the scheduler (from its `Scheduled` event). */
  node: Series<string>;
  containers: Map<string, ContainerTrack>;
  logs: Map<string, LogLine[]>;
  /**
   * Points where what `kubectl get pods` reads may change: one per API write, i.e. per run of
   * records of one writer (API server: apply/delete; kubelet: status) at the same time, as
   * (t, seq of the run's last record).
   */
  changePoints: ChangePoint[];
}

export interface ServiceTrack {
  name: string;
  namespace: string;
  createdAt: number;
  deletedAt?: number;
  spec: Series<Service>;
  endpoints: Series<EndpointRecord[]>;
}

/** A Node over time (issue 10): its object as registered or changed, and its conditions. */
export interface NodeTrack {
  name: string;
  createdAt: number;
  spec: Series<{ node: DefaultedNode; hostIP: string; podCIDR: string; kubeletVersion: string }>;
  conditions: Map<string, Series<ConditionValue>>;
  /** Condition types in the order the kubelet first posted them. */
  conditionOrder: string[];
}

export interface TraceIndex {
  result: SimResult;
  nodes: Map<string, NodeTrack>;
  /** Incarnations per pod key (`objectKey`: NAME in default, NAMESPACE/NAME elsewhere); a pod
   * deleted and applied again gets a new one. */
  pods: Map<string, PodTrack[]>;
  /** Per Service key, as pods. */
  services: Map<string, ServiceTrack[]>;
  events: EventIndex;
  /** Memo for derived per-pod data (watch rows), filled lazily. */
  memo: Map<string, unknown>;
}
