/**
 * The cluster's nodes: each Node object with its own kubelet environment (one kubelet per node:
 * its image cache, back-offs, pod CIDR and host IP), its Ready condition as the kubelet posts it at
 * registration, and the scheduler's view of it. Node i (in registration order) gets the profile's
 * host IP + (i − 1) and pod CIDR + (i − 1)·256, so the single default node keeps today's addresses.
 */
import type { Taint } from 'kubernetes-types/core/v1';
import type { DefaultedNode } from '../../k8s/types.ts';
import { Backoff } from '../kubelet/backoff.ts';
import type { KubeletEnv } from '../kubelet/types.ts';
import type { KubeletProfile } from '../profile.ts';
import { toSchedUnits } from '../scheduler/resources.ts';
import type { SchedNode } from '../scheduler/types.ts';
import type { ConditionStatus } from '../trace/types.ts';
import {
  UNSCHEDULABLE,
  reconcileNoSchedule,
  wantedNoScheduleTaints,
} from '../controller/nodelifecycle/taints.ts';

export interface ClusterNode {
  readonly name: string;
  object: DefaultedNode;
  readonly hostIP: string;
  readonly podCIDR: string;
  readonly env: KubeletEnv;
}

export function ipv4ToInt(ip: string): number {
  const p = ip.split('.').map((x) => parseInt(x, 10));
  return ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0;
}

export function intToIpv4(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function ipFrom(cidr: string, offset: number): string {
  const [base] = cidr.split('/');
  return intToIpv4(ipv4ToInt(base ?? '10.0.0.0') + offset);
}

/** The i-th node's pod CIDR (0-based): the profile's /24 moved on by i·256. */
export function nodePodCIDR(profileCIDR: string, i: number): string {
  const [base, bits] = profileCIDR.split('/');
  return `${intToIpv4(ipv4ToInt(base ?? '10.244.1.0') + i * 256)}/${bits ?? '24'}`;
}

/** A kubelet's own image cache and back-offs (kubelet.go: imageBackOff, crashloop backOff). */
export function kubeletCaches(
  profile: KubeletProfile,
): Pick<KubeletEnv, 'nodeImages' | 'imageBackoff' | 'crashBackoff'> {
  return {
    nodeImages: new Set(),
    imageBackoff: new Backoff(profile.imageBackOff.initialMs, profile.imageBackOff.maxMs),
    crashBackoff: new Backoff(
      profile.crashLoopBackOff.initialMs,
      profile.crashLoopBackOff.maxMs,
      (e, l) => e - l > profile.crashLoopResetMs,
    ),
  };
}

/** A kubelet environment for one node, sharing the cluster-wide parts of `base`. */
export function nodeEnv(
  base: KubeletEnv,
  name: string,
  hostIP: string,
  podCIDR: string,
  lost: () => boolean,
): KubeletEnv {
  const { profile } = base;
  let ips = 0;
  return {
    ...base,
    profile: { ...profile, nodeName: name, hostIP },
    ...kubeletCaches(profile),
    allocatePodIP: () => ipFrom(podCIDR, 2 + ips++),
    nodeLost: lost,
  };
}

export function schedNode(n: ClusterNode): SchedNode {
  const spec = n.object.spec;
  return {
    name: n.name,
    labels: n.object.metadata.labels,
    taints: (spec?.taints ?? []) as Taint[],
    unschedulable: spec?.unschedulable === true,
    allocatable: toSchedUnits(n.object.status.allocatable),
  };
}

export const UNSCHEDULABLE_TAINT = UNSCHEDULABLE;

/**
 * doNoScheduleTaintingPass (node_lifecycle_controller.go, N2.4): the controller's NoSchedule taints
 * follow the Ready condition (not-ready / unreachable) and `spec.unschedulable`, added and removed.
 * Returns the same object when nothing changes.
 */
export function withControllerTaints(
  node: DefaultedNode,
  ready: ConditionStatus = 'True',
): DefaultedNode {
  const taints = (node.spec?.taints ?? []) as Taint[];
  const next = reconcileNoSchedule(
    taints,
    wantedNoScheduleTaints(ready, node.spec?.unschedulable === true),
  );
  if (next === taints) return node;
  return { ...node, spec: { ...node.spec, taints: next } };
}

type NodeEvent = {
  type: 'event';
  object: string;
  /** Events about cluster-scoped objects live in `default` (client-go's recorder). */
  namespace: string;
  eventType: 'Normal';
  reason: string;
  message: string;
  source: string;
};

/** An event on a Node (cluster-scoped: recorded in `default`). */
export function nodeEvent(
  name: string,
  reason: string,
  message: string,
  source: string,
): NodeEvent {
  return {
    type: 'event',
    object: `node/${name}`,
    namespace: 'default',
    eventType: 'Normal',
    reason,
    message,
    source,
  };
}

/**
 * What a kubelet records when it starts and registers its node (kubelet.go initializeModules,
 * kubelet_node_status.go recordNodeStatusEvent), then the node controller's RegisteredNode
 * (reference cluster.md §10, derived wording).
 */
export function registrationEvents(name: string): NodeEvent[] {
  const ev = (reason: string, message: string, source = 'kubelet') =>
    nodeEvent(name, reason, message, source);
  const status = (s: string) => ev(s, `Node ${name} status is now: ${s}`);
  return [
    ev('Starting', 'Starting kubelet.'),
    status('NodeHasSufficientMemory'),
    status('NodeHasNoDiskPressure'),
    status('NodeHasSufficientPID'),
    ev('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods'),
    ev(
      'RegisteredNode',
      `Node ${name} event: Registered Node ${name} in Controller`,
      'node-controller',
    ),
  ];
}
