/**
 * The `node` action's states and what the control plane does about them (reference cluster.md §2,
 * pod-level R10): `Lost` powers the machine off (the kubelet stops: no sync, probe, relist, status
 * write or Lease renewal), `Ready` powers it on and uncordons, `Cordoned` sets spec.unschedulable,
 * `Drained` cordons and evicts (drain.ts). The node lifecycle controller
 * (controller/nodelifecycle) and the taint-eviction controller (controller/tainteviction) run on
 * the hosts this class gives them.
 */
import type { Taint } from 'kubernetes-types/core/v1';
import type { Ms } from '../clock/types.ts';
import { NodeLifecycleController } from '../controller/nodelifecycle/controller.ts';
import {
  TaintEvictionController,
  type EvictablePod,
} from '../controller/tainteviction/controller.ts';
import { setCondition } from '../kubelet/status/statusManager.ts';
import type { PodWorker } from '../kubelet/types.ts';
import { formatTaint } from '../scheduler/taints.ts';
import { admittedTolerations } from '../trace/admission.ts';
import type { Cause, ConditionStatus } from '../trace/types.ts';
import { drainNode } from './drain.ts';
import { nodeEvent } from './nodeStore.ts';
import type { ClusterApi, NodeAction } from './types.ts';

/** The kubelet renews its Lease every 10 s of its uptime (nodelease controller, renewInterval). */
const LEASE_RENEW_MS = 10_000;

const podKey = (w: PodWorker) => `${w.namespace}/${w.name}`;

export class NodeLifecycle {
  /** Powered-off nodes and when each went down. */
  private readonly lostAt = new Map<string, Ms>();
  private readonly registeredAt = new Map<string, Ms>();
  private readonly ready = new Map<string, ConditionStatus>();
  /** Why each lost node went Unknown (the Lost action), for the records it causes. */
  private readonly causes = new Map<string, Cause>();
  readonly controller: NodeLifecycleController;
  readonly taintEviction: TaintEvictionController;

  constructor(private readonly c: ClusterApi) {
    // Getters: the cluster creates this object before its own constructor has set its fields.
    this.controller = new NodeLifecycleController({
      get clock() {
        return c.clock;
      },
      get periodMs() {
        return c.profile.nodeMonitorPeriodMs;
      },
      get graceMs() {
        return c.profile.nodeMonitorGraceMs;
      },
      nodeNames: () => c.nodeNames(),
      labels: (n) => c.nodeObject(n)?.metadata.labels,
      taints: (n) => this.taints(n),
      setTaints: (n, taints) => this.setTaints(n, taints),
      readyStatus: (n) => this.readyStatus(n),
      lastRenewalMs: (n) => this.lastRenewalMs(n),
      markUnknown: (n) => this.markUnknown(n),
      nodeNotReady: (n) => this.nodeNotReady(n),
    });
    this.taintEviction = new TaintEvictionController({
      get clock() {
        return c.clock;
      },
      podsOn: (n) => this.podsOn(n).map(evictable),
      taints: (n) => this.taints(n),
      event: (p, message) =>
        c.recorder.add({
          type: 'event',
          object: `pod/${p.name}`,
          namespace: p.namespace,
          eventType: 'Normal',
          reason: 'TaintManagerEviction',
          message,
          source: 'taint-eviction-controller',
        }),
      evict: (p, taints, ms) => this.taintEvict(p, taints, ms),
    });
  }

  /** A node registered (its Lease renewals count from now). */
  nodeAdded(name: string): void {
    this.registeredAt.set(name, this.c.clock.now());
    this.ready.set(name, 'True');
  }

  /** A Node object was written (any update: a patch, a cordon, a controller taint). */
  nodeUpdated(name: string): void {
    this.taintEviction.nodeUpdated(name);
  }

  podBound(w: PodWorker, node: string): void {
    this.taintEviction.podBound(evictable(w), node);
  }

  podGone(namespace: string, name: string): void {
    this.taintEviction.podDeleted(`${namespace}/${name}`);
  }

  readyStatus(name: string): ConditionStatus {
    return this.ready.get(name) ?? 'True';
  }

  isLost(name: string): boolean {
    return this.lostAt.has(name);
  }

  setState(a: NodeAction): void {
    const c = this.c;
    const name = a.node.name;
    if (!c.hasNode(name)) {
      const names = c.nodeNames();
      const which =
        names.length === 1 ? `the node is ${names[0]}` : `the nodes are ${names.join(', ')}`;
      return c.actionError(a, `nodes "${name}" not found (${which})`);
    }
    switch (a.node.state) {
      case 'Lost':
        return this.powerOff(a);
      case 'Cordoned':
        return c.actionResult(this.cordon(name, true));
      case 'Drained':
        return drainNode(c, a, this.cordon(name, true));
      default:
        this.powerOn(name);
        c.actionResult(this.cordon(name, false));
    }
  }

  /** `kubectl cordon|uncordon` (RunCordonOrUncordon): its one output line. */
  private cordon(name: string, on: boolean): string {
    const node = this.c.nodeObject(name);
    const verb = on ? 'cordoned' : 'uncordoned';
    if (!node || (node.spec?.unschedulable === true) === on) return `node/${name} already ${verb}`;
    // The patch; the controller's NoSchedule pass adds or removes the taint in the same instant.
    this.c.updateNode({ ...node, spec: { ...node.spec, unschedulable: on } });
    return `node/${name} ${verb}`;
  }

  private powerOff(a: NodeAction): void {
    const name = a.node.name;
    if (this.lostAt.has(name)) return;
    const now = this.c.clock.now();
    this.lostAt.set(name, now);
    const { nodeMonitorGraceMs: grace, nodeMonitorPeriodMs: period } = this.c.profile;
    const renewal = this.lastRenewalMs(name) ?? now;
    this.causes.set(name, {
      message: `the node was powered off at ${now / 1000}s: its last Lease renewal was at ${renewal / 1000}s; no heartbeat for more than ${grace / 1000}s (node-monitor-grace-period), checked every ${period / 1000}s`,
      field: { doc: a.doc, path: a.path },
    });
    this.controller.wake();
  }

  /** The kubelet is back (N2.7): it posts Ready at once; heartbeats resume; it syncs every pod. */
  private powerOn(name: string): void {
    const c = this.c;
    if (!this.lostAt.delete(name)) return;
    this.causes.delete(name);
    if (this.readyStatus(name) !== 'True') {
      this.ready.set(name, 'True');
      c.postNodeStatus(name, 'healthy');
      // The kubelet's Ready setter records the transition (setters.go ReadyCondition).
      c.recorder.add(
        nodeEvent(name, 'NodeReady', `Node ${name} status is now: NodeReady`, 'kubelet'),
      );
      this.refreshNode(name);
    }
    for (const w of [...c.pods.values()]) if (c.nodeOf(w) === name) w.nodeResumed();
    c.syncEndpoints();
    this.controller.wake();
  }

  private lastRenewalMs(name: string): Ms | undefined {
    const lost = this.lostAt.get(name);
    if (lost === undefined) return undefined;
    const reg = this.registeredAt.get(name) ?? 0;
    return reg + Math.floor((lost - reg) / LEASE_RENEW_MS) * LEASE_RENEW_MS;
  }

  private taints(name: string): readonly Taint[] {
    return (this.c.nodeObject(name)?.spec?.taints ?? []) as Taint[];
  }

  private setTaints(name: string, taints: Taint[]): void {
    const node = this.c.nodeObject(name);
    if (node) this.c.updateNode({ ...node, spec: { ...node.spec, taints } });
  }

  /** The Node is written again: the NoSchedule pass sees the new Ready status. */
  private refreshNode(name: string): void {
    const node = this.c.nodeObject(name);
    if (node) this.c.updateNode(node);
  }

  private podsOn(name: string): PodWorker[] {
    const out: PodWorker[] = [];
    for (const w of this.c.pods.values())
      if (w.lifecycle !== 'deleted' && this.c.nodeOf(w) === name) out.push(w);
    return out;
  }

  private markUnknown(name: string): void {
    this.ready.set(name, 'Unknown');
    this.c.postNodeStatus(name, 'unknown', this.causes.get(name));
    this.refreshNode(name);
  }

  /** RecordNodeStatusChange and MarkPodsNotReady (controller_utils.go), pod-level R10.2. */
  private nodeNotReady(name: string): void {
    const c = this.c;
    const cause = this.causes.get(name) ?? { message: 'the node is not ready' };
    c.recorder.add({
      ...nodeEvent(
        name,
        'NodeNotReady',
        `Node ${name} status is now: NodeNotReady`,
        'node-controller',
      ),
      cause,
    });
    for (const w of this.podsOn(name)) {
      // Only Ready (reason and message not set); ContainersReady and container statuses stay.
      if (w.condition('Ready')?.status === 'False') continue;
      setCondition(w, { type: 'Ready', status: 'False' }, cause);
      c.recorder.add({
        type: 'event',
        object: `pod/${w.name}`,
        namespace: w.namespace,
        eventType: 'Warning',
        reason: 'NodeNotReady',
        message: 'Node is not ready',
        source: 'node-controller',
        cause,
      });
    }
    c.syncEndpoints();
  }

  /** addConditionAndDeletePod (taint_eviction.go). */
  private taintEvict(p: EvictablePod, taints: readonly Taint[], tolMs: number): void {
    const c = this.c;
    const w = c.findPod(p.name, p.namespace);
    if (!w || w.lifecycle === 'deleted' || w.deletion) return;
    const node = c.nodeOf(w);
    const lost = node ? this.causes.get(node) : undefined;
    const list = taints.map(formatTaint).join(', ');
    const cause: Cause = {
      message:
        tolMs > 0
          ? `the ${list} taint is tolerated for ${tolMs / 1000}s (tolerationSeconds): the pod is deleted`
          : `the pod does not tolerate ${list}: the pod is deleted at once`,
      ...(lost?.field ? { field: lost.field } : {}),
    };
    setCondition(
      w,
      {
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint',
      },
      cause,
    );
    w.requestDelete({ cause });
    c.syncEndpoints();
  }
}

function evictable(w: PodWorker): EvictablePod {
  return {
    key: podKey(w),
    namespace: w.namespace,
    name: w.name,
    tolerations: admittedTolerations(w.pod.spec?.tolerations ?? []),
  };
}
