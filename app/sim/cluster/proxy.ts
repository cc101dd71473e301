/**
 * kube-proxy on every node, as the clients of `spec.traffic` see it. A real proxy rewrites its rules at
 * most once per minSyncPeriod = 1 s after the EndpointSlice watch fires (pkg/proxy/iptables/proxier.go
 * syncProxyRules, driven by pkg/util/async/bounded_frequency_runner.go); Podlab applies every slice
 * change exactly 1 s later on every node (reference cluster.md K8.2–K8.3), so until then the old
 * endpoint list keeps receiving new connections — the rolling-update race (K8.7).
 */
import type { SimClock } from '../clock/simClock.ts';
import type { EndpointRecord } from '../trace/types.ts';
import { trafficTargets } from './endpoints.ts';

/** Lane 1: applied after the instant's lane-0 work, before that instant's requests (lane 2). */
const PROXY_LANE = 1;

export class KubeProxy {
  /**
   * Service key → where the programmed rules send a new connection (pkg/proxy/topology.go
   * CategorizeEndpoints: the ready endpoints, else the serving+terminating ones); absent: no rules yet.
   */
  private readonly programmed = new Map<string, readonly EndpointRecord[]>();
  private readonly lagMs: number;

  constructor(
    private readonly clock: SimClock,
    lagS = 1,
  ) {
    this.lagMs = Math.round(lagS * 1000);
  }

  /** Service `key`'s slice now lists `eps` (undefined: the Service was deleted). */
  sliceChanged(key: string, eps: readonly EndpointRecord[] | undefined): void {
    this.clock.at(
      this.clock.now() + this.lagMs,
      () => {
        if (eps) this.programmed.set(key, trafficTargets([...eps]));
        else this.programmed.delete(key);
      },
      PROXY_LANE,
    );
  }

  /** The endpoints a new connection to the Service may go to; undefined: no rules yet. */
  targets(key: string): readonly EndpointRecord[] | undefined {
    return this.programmed.get(key);
  }
}
