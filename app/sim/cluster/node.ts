/**
 * Node failure (pod-level R10.1–R10.6): the node is powered off by a scenario action. The kubelet
 * stops (PodWorker gates: no sync, probe, relist or status write); the node lifecycle controller
 * marks the pods NotReady once the grace period passed (MarkPodsNotReady), and the taint-eviction
 * controller deletes them tolerationSeconds after the NoExecute taint. Pods then stay Terminating
 * until the node comes back.
 */
import type { NodeState, ScenarioAction } from '../../k8s/types.ts';
import type { TimerId } from '../clock/types.ts';
import { setCondition } from '../kubelet/status/statusManager.ts';
import type { Cause } from '../trace/types.ts';
import type { PodWorker } from '../kubelet/types.ts';
import type { ClusterApi } from './types.ts';

export class NodeLifecycle {
  /** The node is powered off: no kubelet. */
  lost = false;
  /** Which node is powered off (one at a time, as before nodes were modelled). */
  private lostNode: string | undefined;
  private markedUnknown = false;
  private timers: TimerId[] = [];
  private cause: Cause | undefined;

  constructor(private readonly c: ClusterApi) {}

  setState(a: ScenarioAction & { node: { name: string; state: NodeState } }): void {
    const c = this.c;
    if (!c.hasNode(a.node.name)) {
      const names = c.nodeNames();
      const which =
        names.length === 1 ? `the node is ${names[0]}` : `the nodes are ${names.join(', ')}`;
      return c.actionError(a, `nodes "${a.node.name}" not found (${which})`);
    }
    if (this.lost && this.lostNode !== a.node.name)
      return c.actionError(a, `only one node can be powered off at a time (${this.lostNode} is)`);
    if (a.node.state === 'Lost') {
      if (this.lost) return;
      this.lost = true;
      this.lostNode = a.node.name;
      const now = c.clock.now();
      const { nodeMonitorGraceMs: grace, nodeMonitorPeriodMs: period } = c.profile;
      // The simulator's choice: the last heartbeat is the power-off instant; the controller sees the
      // grace expire on its next monitor tick (every period from t = 0).
      const notReadyAt = Math.ceil((now + grace) / period) * period;
      this.cause = {
        message: `the node was powered off at ${now / 1000}s: no heartbeat for ${grace / 1000}s (node-monitor-grace-period), checked every ${period / 1000}s`,
        field: { doc: a.doc, path: a.path },
      };
      this.timers.push(c.clock.at(notReadyAt, () => this.markPodsNotReady(a)));
      return;
    }
    if (!this.lost) return;
    this.lost = false;
    this.lostNode = undefined;
    for (const t of this.timers) c.clock.cancel(t);
    // The kubelet posts its status again (N2.7): the conditions the controller set go back.
    if (this.markedUnknown) c.postNodeStatus(a.node.name, 'healthy');
    this.markedUnknown = false;
    this.timers = [];
    // The kubelet is back (R10.6): heartbeats resume, taints go, the kubelet syncs every pod.
    for (const w of [...c.pods.values()]) if (c.nodeOf(w) === a.node.name) w.nodeResumed();
    c.syncEndpoints();
  }

  isLost(name: string): boolean {
    return this.lost && this.lostNode === name;
  }

  private onLostNode(w: PodWorker): boolean {
    return this.lostNode !== undefined && this.c.nodeOf(w) === this.lostNode;
  }

  /** Node lifecycle controller: Ready Unknown, taints, MarkPodsNotReady (R10.2). */
  private markPodsNotReady(a: ScenarioAction): void {
    const c = this.c;
    const cause = this.cause ?? { message: 'node lost' };
    // monitorNodeHealth: Ready and the pressure conditions become Unknown (N2.2).
    if (this.lostNode) c.postNodeStatus(this.lostNode, 'unknown', cause);
    this.markedUnknown = true;
    for (const w of c.pods.values()) {
      if (w.lifecycle === 'deleted' || !this.onLostNode(w)) continue;
      // Only Ready (reason and message not set); ContainersReady and container statuses stay.
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
    const tol = c.profile.tolerationSecondsMs;
    this.timers.push(c.clock.after(tol, () => this.evict(a, tol)));
  }

  /** Taint-eviction controller: the default 300 s toleration of unreachable:NoExecute ran out (R10.5). */
  private evict(a: ScenarioAction, tolMs: number): void {
    const c = this.c;
    const cause: Cause = {
      message: `the node.kubernetes.io/unreachable:NoExecute taint is tolerated for ${tolMs / 1000}s (DefaultTolerationSeconds): the pod is deleted`,
      field: { doc: a.doc, path: a.path },
    };
    for (const w of [...c.pods.values()]) {
      if (w.lifecycle === 'deleted' || w.deletion || !this.onLostNode(w)) continue;
      c.recorder.add({
        type: 'event',
        object: `pod/${w.name}`,
        namespace: w.namespace,
        eventType: 'Normal',
        reason: 'TaintManagerEviction',
        message: `Marking for deletion Pod ${w.namespace}/${w.name}`,
        source: 'taint-eviction-controller',
        cause,
      });
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
    }
    c.syncEndpoints();
  }
}
