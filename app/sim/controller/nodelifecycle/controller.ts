/**
 * The node lifecycle controller (reference cluster.md N2.1–N2.7), after
 * pkg/controller/nodelifecycle/node_lifecycle_controller.go:
 *
 * - monitorNodeHealth runs every --node-monitor-period (5 s, passes at multiples of it). Per node,
 *   tryUpdateNodeHealth turns Ready and the pressure conditions Unknown at the first pass with
 *   now > probeTimestamp + grace (strictly: `nc.now().After(probeTimestamp.Add(gracePeriod))`);
 *   probeTimestamp is the pass that saw the kubelet's last Lease renewal.
 * - processTaintBaseEviction is given the Ready condition as the pass *found* it
 *   (observedReadyCondition, the copy taken before the update): in the pass that writes Unknown it
 *   still sees True, so the NoExecute taint is queued one pass later — reference C3 says the taint
 *   comes with the Unknown write; the code puts it a period after.
 * - handleDisruption computes zone states; if every zone is in FullDisruption it removes the
 *   NoExecute taints of every node and stops every tainting queue (rate 0): a one-node cluster
 *   whose node is lost evicts nothing.
 * - doNoExecuteTaintingPass (every 100 ms upstream) takes the zone queues through their token
 *   buckets; Podlab tries right after each pass and when the next token is due.
 *
 * The loop only runs while there is something to watch (a silent kubelet, a node not Ready, a
 * controller taint, a queued node, a zone not Normal); a healthy cluster costs nothing.
 */
import type { Taint } from 'kubernetes-types/core/v1';
import type { SimClock } from '../../clock/simClock.ts';
import type { Ms, TimerId } from '../../clock/types.ts';
import type { ConditionStatus } from '../../trace/types.ts';
import { RateLimitedQueue } from './rateLimitedQueue.ts';
import { NOT_READY, UNREACHABLE, swapNoExecute, withoutNoExecute } from './taints.ts';
import {
  DEFAULT_TUNING,
  computeZoneState,
  zoneKey,
  zoneRate,
  type DisruptionTuning,
  type ZoneState,
} from './zones.ts';

export interface NodeLifecycleHost {
  readonly clock: SimClock;
  readonly periodMs: Ms;
  readonly graceMs: Ms;
  nodeNames(): string[];
  labels(node: string): Readonly<Record<string, string>> | undefined;
  taints(node: string): readonly Taint[];
  /** A Node update with these taints (the API write; watchers react in the same instant). */
  setTaints(node: string, taints: Taint[]): void;
  /** The Ready condition's status as the API holds it. */
  readyStatus(node: string): ConditionStatus;
  /** When the kubelet last renewed its Lease, or undefined while it renews normally. */
  lastRenewalMs(node: string): Ms | undefined;
  /** tryUpdateNodeHealth's write: Ready and the pressure conditions Unknown. */
  markUnknown(node: string): void;
  /** RecordNodeStatusChange(NodeNotReady) and MarkPodsNotReady. */
  nodeNotReady(node: string): void;
}

const EXCLUDED = 'node.kubernetes.io/exclude-disruption';

export class NodeLifecycleController {
  private readonly probe = new Map<string, Ms>();
  readonly zoneStates = new Map<string, ZoneState>();
  private readonly queues = new Map<string, RateLimitedQueue>();
  private passTimer: TimerId | undefined;
  private tainterTimer: TimerId | undefined;

  constructor(
    private readonly h: NodeLifecycleHost,
    private readonly tuning: DisruptionTuning = DEFAULT_TUNING,
  ) {}

  /** Something changed (a kubelet stopped or resumed): make sure passes run. */
  wake(): void {
    if (this.passTimer !== undefined) return;
    const { clock, periodMs } = this.h;
    const at = Math.ceil(clock.now() / periodMs) * periodMs;
    this.passTimer = clock.at(at, () => this.pass());
  }

  private queue(zone: string): RateLimitedQueue {
    let q = this.queues.get(zone);
    if (!q) this.queues.set(zone, (q = new RateLimitedQueue(this.tuning.evictionRate)));
    return q;
  }

  /** monitorNodeHealth. */
  private pass(): void {
    this.passTimer = undefined;
    const h = this.h;
    const now = h.clock.now();
    const zoneReady = new Map<string, ConditionStatus[]>();
    for (const name of h.nodeNames()) {
      const observed = h.readyStatus(name);
      const current = this.tryUpdateNodeHealth(name, observed, now);
      const labels = h.labels(name);
      if (!labels?.[EXCLUDED]) {
        const z = zoneKey(labels);
        zoneReady.set(z, [...(zoneReady.get(z) ?? []), current]);
      }
      this.processTaintBaseEviction(name, observed);
      if (current !== 'True' && observed === 'True') h.nodeNotReady(name);
    }
    this.handleDisruption(zoneReady, now);
    this.doNoExecuteTaintingPass();
    if (this.needed()) this.passTimer = h.clock.at(now + h.periodMs, () => this.pass());
  }

  private tryUpdateNodeHealth(name: string, observed: ConditionStatus, now: Ms): ConditionStatus {
    const { periodMs, graceMs } = this.h;
    const renewal = this.h.lastRenewalMs(name);
    // A renewing kubelet is seen by every pass; a silent one last by the first pass at or after
    // its last renewal (the probe timestamp is the controller's clock, not the Lease's).
    const seen = renewal === undefined ? now : Math.ceil(renewal / periodMs) * periodMs;
    const probe = Math.max(this.probe.get(name) ?? seen, seen);
    this.probe.set(name, probe);
    if (!(now > probe + graceMs) || observed === 'Unknown') return observed;
    this.h.markUnknown(name);
    return 'Unknown';
  }

  private processTaintBaseEviction(name: string, observed: ConditionStatus): void {
    if (observed === 'True') return this.markNodeAsReachable(name);
    const key = observed === 'False' ? NOT_READY : UNREACHABLE;
    const opposite = key === NOT_READY ? UNREACHABLE : NOT_READY;
    const taints = this.h.taints(name);
    const has = (k: string) => taints.some((t) => t.key === k && t.effect === 'NoExecute');
    // "We want to update the taint straight away if Node is already tainted with" the opposite.
    if (has(opposite)) return this.h.setTaints(name, swapNoExecute(taints, key));
    // markNodeForTainting: an untainted node is queued anew (Remove + Add).
    const q = this.queue(zoneKey(this.h.labels(name)));
    if (!has(key)) q.remove(name);
    q.add(name);
  }

  private markNodeAsReachable(name: string): void {
    const taints = this.h.taints(name);
    const next = withoutNoExecute(taints);
    if (next !== taints) this.h.setTaints(name, next);
    this.queue(zoneKey(this.h.labels(name))).remove(name);
  }

  private setLimiterInZone(zone: string, size: number, state: ZoneState, now: Ms): void {
    this.queue(zone).swapLimiter(zoneRate(state, size, this.tuning), now);
  }

  private handleDisruption(zoneReady: Map<string, ConditionStatus[]>, now: Ms): void {
    const next = new Map<string, ZoneState>();
    let allAre = true;
    for (const [zone, list] of zoneReady) {
      const { state } = computeZoneState(list, this.tuning.unhealthyZoneThreshold);
      if (state !== 'FullDisruption') allAre = false;
      next.set(zone, state);
      if (!this.zoneStates.has(zone)) this.zoneStates.set(zone, 'Initial');
    }
    let allWas = true;
    for (const [zone, v] of this.zoneStates) {
      if (!zoneReady.has(zone)) {
        this.zoneStates.delete(zone);
        continue;
      }
      if (v !== 'FullDisruption') {
        allWas = false;
        break;
      }
    }
    if (allAre && allWas) return;
    if (allAre) {
      // "Controller detected that all Nodes are not-Ready. Entering master disruption mode"
      for (const name of this.h.nodeNames()) this.markNodeAsReachable(name);
      for (const zone of this.zoneStates.keys()) {
        this.queue(zone).swapLimiter(0, now);
        this.zoneStates.set(zone, 'FullDisruption');
      }
      return;
    }
    if (allWas) {
      // "Exiting master disruption mode": every node's probe timestamp is reset to now.
      for (const name of this.h.nodeNames()) this.probe.set(name, now);
      for (const zone of this.zoneStates.keys()) {
        const state = next.get(zone) ?? 'Normal';
        this.setLimiterInZone(zone, zoneReady.get(zone)?.length ?? 0, state, now);
        this.zoneStates.set(zone, state);
      }
      return;
    }
    for (const [zone, v] of this.zoneStates) {
      const state = next.get(zone) ?? 'Normal';
      if (v === state) continue;
      this.setLimiterInZone(zone, zoneReady.get(zone)?.length ?? 0, state, now);
      this.zoneStates.set(zone, state);
    }
  }

  /** doNoExecuteTaintingPass: each zone's queue through its token bucket. */
  private doNoExecuteTaintingPass(): void {
    const h = this.h;
    const now = h.clock.now();
    if (this.tainterTimer !== undefined) h.clock.cancel(this.tainterTimer);
    this.tainterTimer = undefined;
    let wakeAt: Ms | undefined;
    for (const zone of [...this.zoneStates.keys()].sort()) {
      const q = this.queue(zone);
      q.try(now, (name) => {
        const ready = h.readyStatus(name);
        // "Node was in a taint queue, but it's ready now. Ignoring taint request."
        if (ready === 'True') return true;
        const next = swapNoExecute(h.taints(name), ready === 'False' ? NOT_READY : UNREACHABLE);
        if (next !== h.taints(name)) h.setTaints(name, next);
        return true;
      });
      const at = q.size > 0 ? q.limiter.nextTokenAt(now) : undefined;
      if (at !== undefined) wakeAt = wakeAt === undefined ? at : Math.min(wakeAt, at);
    }
    if (wakeAt !== undefined)
      this.tainterTimer = h.clock.at(wakeAt, () => this.doNoExecuteTaintingPass());
  }

  private needed(): boolean {
    const h = this.h;
    for (const name of h.nodeNames()) {
      if (h.lastRenewalMs(name) !== undefined || h.readyStatus(name) !== 'True') return true;
      if (withoutNoExecute(h.taints(name)) !== h.taints(name)) return true;
    }
    for (const q of this.queues.values()) if (q.size > 0) return true;
    for (const s of this.zoneStates.values()) if (s !== 'Normal') return true;
    return false;
  }
}
