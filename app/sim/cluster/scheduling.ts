/**
 * kube-scheduler in the cluster (reference cluster.md §1): pods without `spec.nodeName` wait here
 * until a cycle binds them; a rejection records `FailedScheduling` and the PodScheduled=False /
 * Unschedulable condition (handleSchedulingFailure), and the queue decides when to try again.
 * Binding is synchronous (S1.2 assume + bind in the same instant), so the cache never holds assumed
 * pods apart from the bound ones.
 */
import type { DefaultedPod } from '../../k8s/types.ts';
import type { Recorder } from '../clock/recorder.ts';
import type { SimClock } from '../clock/simClock.ts';
import { truncateMessage } from '../scheduler/message.ts';
import { SchedulingQueue, type ClusterEvent } from '../scheduler/queue.ts';
import { schedulePod } from '../scheduler/schedulePod.ts';
import type { NodeInfo } from '../scheduler/types.ts';

export interface PendingPod {
  key: string;
  name: string;
  namespace: string;
  pod: DefaultedPod;
  doc: number;
}

export interface SchedulingHost {
  readonly clock: SimClock;
  readonly recorder: Recorder;
  snapshot(): NodeInfo[];
  bind(p: PendingPod, node: string): void;
}

export class ClusterScheduler {
  private readonly queue: SchedulingQueue;
  private readonly pending = new Map<string, PendingPod>();
  /** The PodScheduled condition last written per pod (status changes only, pod-level R5.7). */
  private readonly written = new Map<string, { message: string; since: number }>();

  constructor(private readonly host: SchedulingHost) {
    this.queue = new SchedulingQueue(host.clock, (k) => this.attempt(k));
  }

  add(p: PendingPod): void {
    this.pending.set(p.key, p);
    this.queue.add(p.key);
  }

  /** The pod was deleted before it was bound; false when it is not waiting here. */
  remove(key: string): boolean {
    if (!this.pending.delete(key)) return false;
    this.queue.remove(key);
    this.written.delete(key);
    return true;
  }

  has(key: string): boolean {
    return this.pending.has(key);
  }

  /** The pods waiting to be bound (what the workload controllers see as unassigned). */
  pendingPods(): Iterable<PendingPod & { createdS: number }> {
    return [...this.pending.values()].map((p) => ({ ...p, createdS: 0 }));
  }

  clusterEvent(e: ClusterEvent): void {
    if (this.pending.size > 0) this.queue.clusterEvent(e);
  }

  private attempt(key: string): ReadonlySet<string> | undefined {
    const p = this.pending.get(key);
    if (!p) return undefined;
    const snapshot = this.host.snapshot();
    const spec = p.pod.spec ?? { containers: [] };
    const r = schedulePod({ name: p.name, namespace: p.namespace, spec }, snapshot);
    if ('node' in r) {
      this.pending.delete(key);
      this.written.delete(key);
      this.host.bind(p, r.node);
      return undefined;
    }
    this.recordFailure(p, r.message);
    return new Set([...r.rejections.values()].map((x) => x.plugin));
  }

  private recordFailure(p: PendingPod, message: string): void {
    const rec = this.host.recorder;
    const now = rec.nowS();
    const prev = this.written.get(p.key);
    if (!prev)
      rec.add({ type: 'pod.phase', pod: p.name, namespace: p.namespace, phase: 'Pending' });
    rec.add({
      type: 'event',
      object: `pod/${p.name}`,
      namespace: p.namespace,
      eventType: 'Warning',
      reason: 'FailedScheduling',
      message: truncateMessage(message),
      source: 'default-scheduler',
    });
    if (prev?.message === message) return;
    const since = prev?.since ?? now;
    this.written.set(p.key, { message, since });
    rec.add({
      type: 'pod.condition',
      pod: p.name,
      namespace: p.namespace,
      condition: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message,
      lastTransitionTime: since,
    });
  }
}
