/**
 * The taint-eviction controller (reference cluster.md N2.9–N2.11), after
 * pkg/controller/tainteviction/taint_eviction.go: on every change of a node's NoExecute taints,
 * processPodOnNode for each pod bound to it —
 * - no NoExecute taint left: cancelWorkWithEvent ("Cancelling deletion of Pod ns/name");
 * - a taint the pod does not tolerate: deleted now;
 * - all tolerated without tolerationSeconds: never (a scheduled deletion is cancelled);
 * - otherwise at startTime + min(tolerationSeconds), startTime being when the work was first
 *   queued (an existing work item keeps its time unless the new one would fire sooner).
 * The deletion (addConditionAndDeletePod): `Marking for deletion Pod ns/name`, DisruptionTarget
 * `DeletionByTaintManager`, then a plain DELETE with the pod's own grace.
 * The tolerations are the pod's as admission stored them (DefaultTolerationSeconds' 300 s pair).
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import type { SimClock } from '../../clock/simClock.ts';
import type { Ms, TimerId } from '../../clock/types.ts';
import { matchingTolerations, minTolerationMs } from './tolerations.ts';

export interface EvictablePod {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  /** The tolerations as the API stores them (after admission). */
  readonly tolerations: readonly Toleration[];
}

export interface TaintEvictionHost {
  readonly clock: SimClock;
  podsOn(node: string): EvictablePod[];
  taints(node: string): readonly Taint[];
  /** The TaintManagerEviction event on the pod. */
  event(pod: EvictablePod, message: string): void;
  /** addConditionAndDeletePod: `taints` is what the pod did not tolerate long enough. */
  evict(pod: EvictablePod, taints: readonly Taint[], tolerationMs: number): void;
}

interface Work {
  createdAt: Ms;
  fireAt: Ms;
  timer: TimerId;
}

export class TaintEvictionController {
  private readonly work = new Map<string, Work>();
  /** The NoExecute taints last seen per node, to react to changes only (handleNodeUpdate). */
  private readonly seen = new Map<string, string>();

  constructor(private readonly h: TaintEvictionHost) {}

  private noExecute(node: string): Taint[] {
    return this.h.taints(node).filter((t) => t.effect === 'NoExecute');
  }

  /** A Node was created or updated. */
  nodeUpdated(node: string): void {
    const taints = this.noExecute(node);
    const sig = JSON.stringify(taints.map((t) => [t.key, t.value ?? '']));
    if ((this.seen.get(node) ?? '[]') === sig) return;
    this.seen.set(node, sig);
    for (const pod of this.h.podsOn(node)) this.processPodOnNode(pod, taints);
  }

  /** A pod was bound to a node (handlePodUpdate for a new nodeName). */
  podBound(pod: EvictablePod, node: string): void {
    const taints = this.noExecute(node);
    if (taints.length > 0) this.processPodOnNode(pod, taints);
  }

  /** A pod left the API: its work goes silently. */
  podDeleted(key: string): void {
    const w = this.work.get(key);
    if (w) this.h.clock.cancel(w.timer);
    this.work.delete(key);
  }

  private cancelWorkWithEvent(pod: EvictablePod): void {
    const w = this.work.get(pod.key);
    if (!w) return;
    this.h.clock.cancel(w.timer);
    this.work.delete(pod.key);
    this.h.event(pod, `Cancelling deletion of Pod ${pod.namespace}/${pod.name}`);
  }

  private processPodOnNode(pod: EvictablePod, taints: Taint[]): void {
    if (taints.length === 0) return this.cancelWorkWithEvent(pod);
    const now = this.h.clock.now();
    const { all, used } = matchingTolerations(taints, pod.tolerations);
    if (!all) {
      this.cancelWorkWithEvent(pod);
      return this.addWork(pod, now, now, taints, 0);
    }
    const min = minTolerationMs(used);
    if (min < 0) return this.cancelWorkWithEvent(pod);
    let start = now;
    const existing = this.work.get(pod.key);
    if (existing) {
      start = existing.createdAt;
      if (start + min < now + min) return;
      this.cancelWorkWithEvent(pod);
    }
    this.addWork(pod, start, start + min, taints, min);
  }

  private addWork(pod: EvictablePod, createdAt: Ms, fireAt: Ms, taints: Taint[], tolMs: number) {
    const timer = this.h.clock.at(Math.max(fireAt, this.h.clock.now()), () => {
      this.work.delete(pod.key);
      this.h.event(pod, `Marking for deletion Pod ${pod.namespace}/${pod.name}`);
      this.h.evict(pod, taints, tolMs);
    });
    this.work.set(pod.key, { createdAt, fireAt, timer });
  }
}
