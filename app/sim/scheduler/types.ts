/** What the scheduler sees: nodes and the pods already bound (or assumed) on them. */
import type { PodSpec, Taint } from 'kubernetes-types/core/v1';

/** Resource amounts in the scheduler's units: milli-CPU, bytes, counts. */
export type Resources = Record<string, number>;

export interface SchedNode {
  name: string;
  labels: Readonly<Record<string, string>>;
  taints: readonly Taint[];
  unschedulable: boolean;
  allocatable: Resources;
}

export interface SchedPod {
  name: string;
  namespace: string;
  spec: PodSpec;
}

/** A node plus the pods the scheduler's cache holds on it (terminating ones included). */
export interface NodeInfo {
  node: SchedNode;
  pods: readonly SchedPod[];
}

/**
 * A filter's rejection (framework.Status): `U` is UnschedulableAndUnresolvable (preemption cannot
 * help), `S` is Unschedulable.
 */
export interface Rejection {
  plugin: string;
  code: 'U' | 'S';
  reasons: string[];
}
