/**
 * The DaemonSet controller (k/k pkg/controller/daemon/daemon_controller.go): one pod per node that
 * should run it. syncDaemonSet = manage (podsShouldBeOnNode for every node, syncNodes with
 * slow-start creates and burst-limited deletes), then — once the expectations of that manage are
 * met, i.e. in a sync where manage had nothing to do — the rolling update (update.go), then
 * updateDaemonSetStatus. Nodes are visited in name order (upstream iterates an informer list and
 * a map; the order is Podlab's, derived).
 */
import { Backoff } from '../../kubelet/backoff.ts';
import { selectorMatches } from '../../../k8s/workloads.ts';
import {
  isPodAvailable,
  NameSequence,
  slowStartBatch,
  SLOW_START_INITIAL_BATCH_SIZE,
} from '../controller_utils.ts';
import type { ControllerHost, CtlNode, CtlPod, DaemonSetObject } from '../types.ts';
import { scaledValue } from '../deployment/util.ts';
import { rollingUpdate } from './update.ts';
import {
  daemonHash,
  isPodUpdated,
  newDaemonPod,
  nodeShouldRunDaemonPod,
  templateGeneration,
} from './util.ts';

const SOURCE = 'daemonset-controller';
/** daemon_controller.go BurstReplicas: at most this many creates or deletes per sync. */
const BURST_REPLICAS = 250;

/** podByCreationTimestampAndPhase: scheduled pods first, then oldest, then by name. */
export function byCreationAndPhase(a: CtlPod, b: CtlPod): number {
  if (!!a.node !== !!b.node) return a.node ? -1 : 1;
  if (a.creationTimestamp !== b.creationTimestamp) return a.creationTimestamp - b.creationTimestamp;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * getNodesToDaemonPods: the pods the DaemonSet owns and selects, by the node they are on or
 * pinned to; terminal pods already being deleted are left out (nothing more to do with them).
 */
export function nodesToDaemonPods(ds: DaemonSetObject, pods: readonly CtlPod[]) {
  const out = new Map<string, CtlPod[]>();
  for (const p of pods) {
    if (p.ownerUid !== ds.uid || !selectorMatches(ds.spec.selector, p.labels)) continue;
    if (p.deleting && (p.phase === 'Succeeded' || p.phase === 'Failed')) continue;
    const node = p.node ?? p.targetNode;
    if (node === undefined) continue;
    const list = out.get(node) ?? [];
    list.push(p);
    out.set(node, list);
  }
  return out;
}

/** util.AllowsSurge: a RollingUpdate whose maxSurge scales to more than 0 of 1 node. */
export function allowsSurge(ds: DaemonSetObject): boolean {
  const ru = ds.spec.updateStrategy.rollingUpdate;
  return (
    ds.spec.updateStrategy.type === 'RollingUpdate' && scaledValue(ru?.maxSurge ?? 0, 1, true) !== 0
  );
}

export const sortedNodes = (nodes: readonly CtlNode[]) =>
  [...nodes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

export class DaemonSetsController {
  private readonly names: NameSequence;
  /** failedPodsBackoff: flowcontrol.NewBackOff(1 s, 15 min) (controllermanager's daemon set setup). */
  private readonly failedBackoff = new Backoff(1000, 15 * 60 * 1000);

  constructor(
    private readonly host: ControllerHost,
    private readonly requeue: (ds: DaemonSetObject, seconds: number) => void,
  ) {
    this.names = new NameSequence((ns, name) => host.nameInUse(ns, name));
  }

  /** One syncDaemonSet; true when the status changed. */
  sync(ds: DaemonSetObject): boolean {
    const nodes = sortedNodes(this.host.nodes());
    const hash = daemonHash(ds);
    const acted = this.manage(ds, nodes, hash);
    if (acted) this.requeue(ds, 0);
    else if (ds.spec.updateStrategy.type === 'RollingUpdate') {
      const plan = rollingUpdate(ds, nodes, this.pods(ds), hash, this.host.now());
      if (this.syncNodes(ds, plan.toDelete, plan.toCreate, hash)) this.requeue(ds, 0);
    }
    return this.updateStatus(ds, nodes, hash, !acted);
  }

  private pods(ds: DaemonSetObject): Map<string, CtlPod[]> {
    return nodesToDaemonPods(ds, this.host.pods(ds.namespace));
  }

  /** manage: which nodes need a pod, which pods must go; then syncNodes. True when it acted. */
  private manage(ds: DaemonSetObject, nodes: readonly CtlNode[], hash: string): boolean {
    const byNode = this.pods(ds);
    const create: string[] = [];
    const del: string[] = [];
    for (const node of nodes) {
      const r = this.podsShouldBeOnNode(node, byNode.get(node.name), ds, hash);
      create.push(...r.create);
      del.push(...r.del);
    }
    // getUnscheduledPodsWithoutNode: unbound pods pinned to a node that no longer exists.
    const known = new Set(nodes.map((n) => n.name));
    for (const [node, pods] of [...byNode].sort(([a], [b]) => (a < b ? -1 : 1)))
      if (!known.has(node)) for (const p of pods) if (!p.node) del.push(p.name);
    return this.syncNodes(ds, del, create, hash);
  }

  private podsShouldBeOnNode(
    node: CtlNode,
    pods: CtlPod[] | undefined,
    ds: DaemonSetObject,
    hash: string,
  ): { create: string[]; del: string[] } {
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
    if (shouldRun && !pods) return { create: [node.name], del: [] };
    if (!pods) return { create: [], del: [] };
    if (!shouldContinueRunning)
      return { create: [], del: pods.filter((p) => !p.deleting).map((p) => p.name) };
    const del: string[] = [];
    const running: CtlPod[] = [];
    for (const p of pods) {
      if (p.deleting) continue;
      if (p.phase === 'Failed') {
        if (this.failedPodBackedOff(ds, node.name, p)) continue;
        del.push(p.name);
      } else if (p.phase === 'Succeeded') {
        const msg = `Found succeeded daemon pod ${p.namespace}/${p.name} on node ${node.name}, will try to delete it`;
        this.host.event(
          `daemonset/${ds.name}`,
          ds.namespace,
          'Normal',
          'SucceededDaemonPod',
          msg,
          SOURCE,
        );
        del.push(p.name);
      } else running.push(p);
    }
    const extra = this.excess(ds, running, shouldRun, node.name, hash);
    return { create: extra.create, del: [...del, ...extra.del] };
  }

  /**
   * A failed daemon pod is deleted at most once per back-off window per node (the kubelet may keep
   * rejecting it): true while the window holds, with a requeue when it ends.
   */
  private failedPodBackedOff(ds: DaemonSetObject, node: string, p: CtlPod): boolean {
    const key = `${ds.uid}/${ds.status.observedGeneration}/${node}`;
    const now = this.host.now() * 1000;
    if (this.failedBackoff.isInBackOffSinceUpdate(key, now)) {
      this.requeue(ds, (this.failedBackoff.get(key) ?? 0) / 1000);
      return true;
    }
    this.failedBackoff.next(key, now, now);
    const msg = `Found failed daemon pod ${p.namespace}/${p.name} on node ${node}, will try to kill it`;
    this.host.event(
      `daemonset/${ds.name}`,
      ds.namespace,
      'Warning',
      'FailedDaemonPod',
      msg,
      SOURCE,
    );
    return false;
  }

  /**
   * More than one live pod on a node: without surge every pod but the oldest goes; with surge an
   * old and a new pod may overlap until the new one is available (or the old one is not ready).
   */
  private excess(
    ds: DaemonSetObject,
    running: CtlPod[],
    shouldRun: boolean,
    node: string,
    hash: string,
  ): { create: string[]; del: string[] } {
    const sorted = [...running].sort(byCreationAndPhase);
    if (!allowsSurge(ds)) return { create: [], del: sorted.slice(1).map((p) => p.name) };
    // Surging: a node needs at least one live pod.
    if (sorted.length === 0) return { create: shouldRun ? [node] : [], del: [] };
    if (sorted.length === 1) return { create: [], del: [] };
    const del: string[] = [];
    let oldestNew: CtlPod | undefined;
    let oldestOld: CtlPod | undefined;
    const gen = templateGeneration(ds);
    for (const p of sorted) {
      if (isPodUpdated(p, hash, gen) && !oldestNew) oldestNew = p;
      else if (!isPodUpdated(p, hash, gen) && !oldestOld) oldestOld = p;
      else del.push(p.name);
    }
    if (oldestNew && oldestOld) {
      if (!oldestOld.ready) del.push(oldestOld.name);
      else if (isPodAvailable(oldestNew, ds.spec.minReadySeconds, this.host.now()))
        del.push(oldestOld.name);
    }
    return { create: [], del };
  }

  /** syncNodes: slow-start creates pinned to their nodes, then the deletes; true when it acted. */
  private syncNodes(ds: DaemonSetObject, del: string[], nodes: string[], hash: string): boolean {
    const h = this.host;
    const object = `daemonset/${ds.name}`;
    const creates = Math.min(nodes.length, BURST_REPLICAS);
    let i = 0;
    slowStartBatch(creates, SLOW_START_INITIAL_BATCH_SIZE, () => {
      const name = this.nextName(ds);
      h.event(object, ds.namespace, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, SOURCE);
      h.createPod(newDaemonPod(ds, nodes[i++] ?? '', name, hash), ds.doc);
      return true;
    });
    const deletes = del.slice(0, BURST_REPLICAS);
    for (const name of deletes) {
      h.deletePod(ds.namespace, name);
      h.event(object, ds.namespace, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`, SOURCE);
    }
    return creates + deletes.length > 0;
  }

  private nextName(ds: DaemonSetObject): string {
    return this.names.next(ds.namespace, `${ds.name}-`);
  }

  /** updateDaemonSetStatus / storeDaemonSetStatus; true when anything changed. */
  private updateStatus(
    ds: DaemonSetObject,
    nodes: readonly CtlNode[],
    hash: string,
    observe: boolean,
  ): boolean {
    const byNode = this.pods(ds);
    const now = this.host.now();
    const gen = templateGeneration(ds);
    const s = { desired: 0, current: 0, mis: 0, ready: 0, updated: 0, available: 0 };
    for (const node of nodes) {
      const pods = byNode.get(node.name);
      if (!nodeShouldRunDaemonPod(node, ds).shouldRun) {
        if (pods) s.mis++;
        continue;
      }
      s.desired++;
      const oldest = pods && [...pods].sort(byCreationAndPhase)[0];
      if (!oldest) continue;
      s.current++;
      if (oldest.ready) {
        s.ready++;
        if (isPodAvailable(oldest, ds.spec.minReadySeconds, now)) s.available++;
      }
      if (isPodUpdated(oldest, hash, gen)) s.updated++;
    }
    const next: DaemonSetObject['status'] = {
      observedGeneration: observe ? ds.generation : ds.status.observedGeneration,
      desiredNumberScheduled: s.desired,
      currentNumberScheduled: s.current,
      numberMisscheduled: s.mis,
      numberReady: s.ready,
      updatedNumberScheduled: s.updated,
      numberAvailable: s.available,
      numberUnavailable: s.desired - s.available,
    };
    // Resync after minReadySeconds: no pod event marks the moment a pod becomes available.
    const mrs = ds.spec.minReadySeconds;
    if (mrs > 0 && s.ready !== s.available) this.requeue(ds, mrs);
    const changed = (Object.keys(next) as (keyof typeof next)[]).some(
      (k) => next[k] !== ds.status[k],
    );
    ds.status = next;
    return changed;
  }
}
