/**
 * Zones and disruption modes of the node lifecycle controller (reference cluster.md N2.5–N2.6):
 * node_lifecycle_controller.go ComputeZoneState / setLimiterInZone / ReducedQPSFunc and
 * k8s.io/component-helpers/node/topology GetZoneKey.
 */
import type { ConditionStatus } from '../../trace/types.ts';

export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** The controller's tuning (kube-controller-manager flags and their defaults). */
export interface DisruptionTuning {
  /** --node-eviction-rate: NoExecute taints per second in a healthy zone (0.1). */
  evictionRate: number;
  /** --secondary-node-eviction-rate: the same in a partially disrupted large zone (0.01). */
  secondaryEvictionRate: number;
  /** --unhealthy-zone-threshold (0.55). */
  unhealthyZoneThreshold: number;
  /** --large-cluster-size-threshold (50): smaller zones stop tainting when partially disrupted. */
  largeClusterSizeThreshold: number;
}

export const DEFAULT_TUNING: DisruptionTuning = {
  evictionRate: 0.1,
  secondaryEvictionRate: 0.01,
  unhealthyZoneThreshold: 0.55,
  largeClusterSizeThreshold: 50,
};

/**
 * GetZoneKey: region and zone (the deprecated failure-domain.beta labels first); nodes without
 * either share the zone "".
 */
export function zoneKey(labels: Readonly<Record<string, string>> | undefined): string {
  if (!labels) return '';
  const zone =
    labels['failure-domain.beta.kubernetes.io/zone'] ?? labels['topology.kubernetes.io/zone'] ?? '';
  const region =
    labels['failure-domain.beta.kubernetes.io/region'] ??
    labels['topology.kubernetes.io/region'] ??
    '';
  if (region === '' && zone === '') return '';
  return `${region}:\x00:${zone}`;
}

/**
 * ComputeZoneState: no Ready node → FullDisruption; more than 2 not Ready and at least the
 * threshold of the zone → PartialDisruption; else Normal. Returns the unhealthy count too.
 */
export function computeZoneState(
  ready: readonly ConditionStatus[],
  threshold = DEFAULT_TUNING.unhealthyZoneThreshold,
): { unhealthy: number; state: ZoneState } {
  const readyNodes = ready.filter((s) => s === 'True').length;
  const notReady = ready.length - readyNodes;
  if (readyNodes === 0 && notReady > 0) return { unhealthy: notReady, state: 'FullDisruption' };
  if (notReady > 2 && notReady / (notReady + readyNodes) >= threshold)
    return { unhealthy: notReady, state: 'PartialDisruption' };
  return { unhealthy: notReady, state: 'Normal' };
}

/**
 * setLimiterInZone: Normal → the eviction rate; PartialDisruption → ReducedQPSFunc (0 up to the
 * large-cluster threshold, the secondary rate above); FullDisruption → HealthyQPSFunc (the normal
 * rate: one zone down while others are up is a real outage). The all-zones-down case is handled by
 * the caller (handleDisruption stops every queue).
 */
export function zoneRate(state: ZoneState, zoneSize: number, t = DEFAULT_TUNING): number {
  if (state === 'PartialDisruption')
    return zoneSize > t.largeClusterSizeThreshold ? t.secondaryEvictionRate : 0;
  return t.evictionRate;
}
