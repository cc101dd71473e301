/**
 * The cluster: an API store of Nodes, Pods, Services, ConfigMaps and Secrets over time, one kubelet
 * environment per node, the scheduler (scheduling.ts), the EndpointSlice controller (an `endpoints` record whenever a Service's list
 * changes), the network pods see, and the scenario actions applied at their times.
 */
import type {
  ConfigMap,
  DefaultedNode,
  ObjectKey,
  DefaultedPod,
  ScenarioAction,
  Secret,
  SourceObject,
  TrafficSpec,
} from '../../k8s/types.ts';
import type { SimClock } from '../clock/simClock.ts';
import type { Recorder } from '../clock/recorder.ts';
import type { KubeletProfile } from '../profile.ts';
import type { RuntimeModel, RuntimeDiagnostic } from '../runtime/types.ts';
import type { Cause, SimDiagnostic, TrafficSecond } from '../trace/types.ts';
import { podUID } from '../kubelet/format.ts';
import { KubeletPodWorker } from '../kubelet/podWorkers.ts';
import type { PodWorker } from '../kubelet/types.ts';
import type { KubeletEnv } from '../kubelet/types.ts';
import {
  endpointFor,
  getEndpoints,
  portNames,
  sameEndpoints,
  withEndpoint,
  type PodView,
} from './endpoints.ts';
import { Network, type ServiceEntry } from './network.ts';
import { actionLabel, runAction } from './actions.ts';
import { NodeLifecycle } from './node.ts';
import { serviceEnv } from './serviceEnv.ts';
import type { ClusterApi } from './types.ts';
import type { BudgetView } from './eviction.ts';
import { DisruptionController } from '../controller/disruption/controller.ts';
import type { BudgetPod, BudgetSpec } from '../controller/disruption/budget.ts';
import type { NodeInfo, SchedPod } from '../scheduler/types.ts';
import {
  intToIpv4,
  ipFrom,
  ipv4ToInt,
  kubeletCaches,
  nodeEnv,
  nodePodCIDR,
  registrationEvents,
  schedNode,
  withControllerTaints,
  type ClusterNode,
} from './nodeStore.ts';
import { ClusterScheduler, type PendingPod } from './scheduling.ts';
import { kubeletAdmit } from './kubeletAdmission.ts';
import { StaticPods } from './staticPods.ts';
import { WorkloadHost } from './workloadHost.ts';
import { WORKLOAD_KINDS } from '../../k8s/workloads.ts';
import { KubeProxy } from './proxy.ts';
import { TrafficClients, type TrafficPod } from './traffic.ts';

const key = (ns: string, name: string) => `${ns}/${name}`;

/** The conditions a healthy kubelet posts at registration (kubelet_node_status.go setters). */
const NODE_CONDITIONS = [
  [
    'MemoryPressure',
    'False',
    'KubeletHasSufficientMemory',
    'kubelet has sufficient memory available',
  ],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
] as const;

function budgetPod(w: PodWorker): BudgetPod {
  return {
    name: w.name,
    labels: w.pod.metadata?.labels ?? {},
    ready: w.condition('Ready')?.status === 'True',
    deleting: w.deletion !== undefined,
    controlled: (w.pod.metadata?.ownerReferences ?? []).some((o) => o.controller === true),
  };
}

function podView(w: PodWorker): PodView {
  return {
    name: w.name,
    namespace: w.namespace,
    labels: w.pod.metadata?.labels ?? {},
    ip: w.podIP,
    phase: w.phase,
    readyCondition: w.condition('Ready')?.status === 'True',
    terminating: w.deletion !== undefined,
  };
}

export class Cluster implements ClusterApi {
  readonly pods = new Map<string, PodWorker>();
  readonly services = new Map<string, ServiceEntry>();
  readonly configMaps = new Map<string, ConfigMap>();
  readonly secrets = new Map<string, Secret>();
  readonly diagnostics: SimDiagnostic[] = [];
  readonly network: Network;
  /** The cluster-wide part of every kubelet's environment (each node adds its own, nodeStore.ts). */
  private readonly env: KubeletEnv;
  readonly node: NodeLifecycle = new NodeLifecycle(this);
  readonly disruption: DisruptionController = this.newDisruption();
  readonly nodes = new Map<string, ClusterNode>();
  /** The node each pod with a kubelet runs on. */
  private readonly podNode = new Map<string, string>();
  /** Pods whose spec.nodeName names no node: in the API, run by no kubelet. */
  private readonly orphans = new Set<string>();
  readonly scheduler: ClusterScheduler;
  /** Manifests in the nodes' staticPodPath and their mirror pods. */
  readonly statics: StaticPods;
  private serviceIPs = 0;
  /** How many times each Pod key was created (a re-created Pod gets a new UID). */
  private podsCreated = new Map<string, number>();
  /** The ReplicaSet and Deployment controllers and their objects (controller/manager.ts). */
  readonly workloads: WorkloadHost;
  /** kube-proxy and the `spec.traffic` clients, when the scenario has any. */
  private proxy: KubeProxy | undefined;
  private traffic: TrafficClients | undefined;

  constructor(
    readonly clock: SimClock,
    readonly recorder: Recorder,
    readonly profile: KubeletProfile,
    runtime: RuntimeModel,
  ) {
    this.network = this.newNetwork();
    this.env = {
      clock,
      recorder,
      profile,
      runtime,
      network: this.network,
      lookup: {
        configMap: (ns, name) => this.configMaps.get(key(ns, name)),
        secret: (ns, name) => this.secrets.get(key(ns, name)),
      },
      diagnostic: (d) => this.runtimeDiagnostic(d),
      ...kubeletCaches(profile),
      // The template of every node's environment (nodeStore.ts nodeEnv), which replaces these two.
      allocatePodIP: () => {
        throw new Error('a pod IP comes from its node: no kubelet runs outside a node');
      },
      serviceEnv: (ns, links) => serviceEnv(this.services.values(), ns, links),
      onPodStatus: (w) => {
        this.syncPodEndpoints(w);
        this.workloads.podChanged(w);
      },
      onPodDeleted: (ns, name) => this.podDeleted(ns, name),
      nodeLost: () => false,
    };
    this.scheduler = new ClusterScheduler({
      clock,
      recorder,
      snapshot: () => this.snapshot(),
      bind: (p, node) => this.bind(p, node),
    });
    this.workloads = new WorkloadHost({
      clock,
      recorder,
      version: profile.version,
      workers: () => this.pods.values(),
      unbound: () => this.scheduler.pendingPods(),
      nodeOf: (w) => this.nodeOf(w),
      nodeViews: () =>
        [...this.nodes.values()].map((n) => {
          const { name, labels, taints } = schedNode(n);
          return { name, labels, taints };
        }),
      apply: (src) => this.apply(src),
      deletePod: (ns, name) => this.deletePod(ns, name),
      actionError: (a, m) => this.actionError(a, m),
      actionResult: (m) => this.actionResult(m),
    });
    this.statics = new StaticPods({
      clock,
      recorder,
      nodeUID: (n) =>
        this.nodes.has(n) ? (this.nodes.get(n)?.object.metadata.uid ?? '') : undefined,
      pod: (k) => this.pods.get(k),
      run: (p, node) => this.run(p, node),
    });
  }

  /** The cluster's DNS and pod network, read from the live pods and Services. */
  private newNetwork(): Network {
    return new Network({
      clusterDomain: 'cluster.local',
      defaultNamespace: this.profile.namespace,
      services: () => this.services.values(),
      podRecords: () => {
        const out: { namespace: string; ip: string; hostname?: string; subdomain?: string }[] = [];
        for (const w of this.pods.values()) {
          if (!w.podIP || w.lifecycle === 'deleted') continue;
          const spec = w.pod.spec;
          out.push({
            namespace: w.namespace,
            ip: w.podIP,
            ...(spec?.hostname ? { hostname: spec.hostname } : {}),
            ...(spec?.subdomain ? { subdomain: spec.subdomain } : {}),
          });
        }
        return out;
      },
      podByIP: (ip) => {
        for (const w of this.pods.values()) {
          if (w.podIP !== ip || !w.sandbox) continue;
          return { sandbox: w.sandbox, ports: portNames(w.slots) };
        }
        return undefined;
      },
    });
  }

  /** `spec.staticPods` at t = 0 and the `staticPod` action: a manifest appears or goes. */
  staticPod(
    ref: { node: string; pod: string; namespace?: string; present: boolean },
    src: SourceObject | undefined,
    report: (severity: 'error' | 'warning', message: string) => void,
  ): void {
    const ns = ref.namespace ?? this.profile.namespace;
    if (!ref.present) {
      const err = this.statics.remove(ref.pod, ns, ref.node);
      if (err) report('error', err);
      return;
    }
    if (!src) return report('error', `no Pod named ${ref.pod} in the scenario`);
    const r = this.statics.place(src, ref.node);
    if (r.error) report('error', r.error);
    else if (r.warning) report('warning', r.warning);
  }

  /** A node registers: its object, its kubelet, the conditions it posts; the scheduler may retry. */
  addNode(object: DefaultedNode): void {
    const name = object.metadata.name;
    const existing = this.nodes.get(name);
    if (existing) {
      existing.object = withControllerTaints(object, this.node.readyStatus(name));
      this.recordNode(existing);
      this.scheduler.clusterEvent('NodeUpdate');
      this.node.nodeUpdated(name);
      this.workloads.nodesChanged();
      return;
    }
    const i = this.nodes.size;
    const hostIP = intToIpv4(ipv4ToInt(this.profile.hostIP) + i);
    const podCIDR = nodePodCIDR(this.profile.podCIDR, i);
    const env = nodeEnv(this.env, name, hostIP, podCIDR, () => this.node.isLost(name));
    // The node lifecycle controller's NoSchedule pass runs in the instant of the registration
    // (N2.4): what any watcher sees first already has its taint.
    const n: ClusterNode = { name, object: withControllerTaints(object), hostIP, podCIDR, env };
    this.nodes.set(name, n);
    this.node.nodeAdded(name);
    this.recordNode(n);
    this.postNodeStatus(name, 'healthy');
    const now = this.recorder.nowS();
    // A node that joins during the run: its kubelet starts and registers (nodes present at t = 0
    // registered before the scenario began, so their events are not part of it).
    if (now > 0) for (const e of registrationEvents(name)) this.recorder.add(e);
    this.scheduler.clusterEvent('NodeAdd');
    this.workloads.nodesChanged();
  }

  postNodeStatus(node: string, state: 'healthy' | 'unknown', cause?: Cause): void {
    const now = this.recorder.nowS();
    for (const [condition, status, reason, message] of NODE_CONDITIONS)
      this.recorder.add({
        type: 'node.condition',
        node,
        condition,
        lastTransitionTime: now,
        ...(state === 'healthy'
          ? { status, reason, message }
          : {
              status: 'Unknown',
              reason: 'NodeStatusUnknown',
              message: 'Kubelet stopped posting node status.',
            }),
        ...(cause ? { cause } : {}),
      });
  }

  private recordNode(n: ClusterNode): void {
    this.recorder.add({
      type: 'node',
      node: n.object,
      hostIP: n.hostIP,
      podCIDR: n.podCIDR,
      kubeletVersion: `v${this.profile.version}.0`,
    });
  }

  hasNode(name: string): boolean {
    return this.nodes.has(name);
  }

  nodeNames(): string[] {
    return [...this.nodes.keys()];
  }

  nodeOf(w: PodWorker): string | undefined {
    return this.podNode.get(key(w.namespace, w.name));
  }

  /** The scheduler's cache: every node with the pods bound to it (terminating ones included). */
  private snapshot(): NodeInfo[] {
    const byNode = new Map<string, SchedPod[]>();
    for (const [k, w] of this.pods) {
      const n = this.podNode.get(k);
      if (!n || w.lifecycle === 'deleted') continue;
      const list = byNode.get(n) ?? [];
      list.push({ name: w.name, namespace: w.namespace, spec: w.pod.spec ?? { containers: [] } });
      byNode.set(n, list);
    }
    return [...this.nodes.values()].map((n) => ({
      node: schedNode(n),
      pods: byNode.get(n.name) ?? [],
    }));
  }

  /** Binding (S1.8): the Scheduled event, then that node's kubelet admits the pod. */
  private bind(p: PendingPod, node: string): void {
    this.recorder.add({
      type: 'event',
      object: `pod/${p.name}`,
      namespace: p.namespace,
      eventType: 'Normal',
      reason: 'Scheduled',
      message: `Successfully assigned ${p.namespace}/${p.name} to ${node}`,
      source: 'default-scheduler',
    });
    this.run(p, node);
  }

  /**
   * A pod created with spec.nodeName: that node's kubelet admits it or rejects it (Failed,
   * `Pod was rejected: …`, kubelet.go rejectPod); a rejected pod holds no resources.
   */
  private admitPinned(p: PendingPod, node: string): void {
    const info = this.snapshot().find((i) => i.node.name === node);
    const spec = p.pod.spec ?? { containers: [] };
    const rejected = info && kubeletAdmit({ name: p.name, namespace: p.namespace, spec }, info);
    if (!rejected) return this.run(p, node);
    this.orphans.add(p.key);
    this.recorder.add({
      type: 'event',
      object: `pod/${p.name}`,
      namespace: p.namespace,
      eventType: 'Warning',
      reason: rejected.reason,
      message: rejected.message,
      source: 'kubelet',
    });
    this.recorder.add({
      type: 'pod.phase',
      pod: p.name,
      namespace: p.namespace,
      phase: 'Failed',
      reason: rejected.reason,
      message: `Pod was rejected: ${rejected.message}`,
    });
  }

  private run(p: PendingPod, node: string): void {
    const n = this.nodes.get(node);
    if (!n) return;
    const w = new KubeletPodWorker(n.env, p.pod, p.doc);
    this.pods.set(p.key, w);
    this.podNode.set(p.key, node);
    w.admit();
    this.node.podBound(w, node);
  }

  private runtimeDiagnostic(d: RuntimeDiagnostic): void {
    const dup = this.diagnostics.some(
      (x) => x.message === d.message && x.doc === d.field?.doc && x.path === d.field?.path,
    );
    if (dup) return;
    this.diagnostics.push({
      severity: d.severity,
      message: d.message,
      ...(d.field ? { doc: d.field.doc, path: d.field.path } : {}),
    });
  }

  diagnostic(d: SimDiagnostic): void {
    this.diagnostics.push(d);
  }

  apply(src: SourceObject, action?: ScenarioAction): void {
    const ns = src.namespace || this.profile.namespace;
    this.recorder.add({ type: 'object.applied', source: src });
    switch (src.kind) {
      case 'Pod':
        this.createPod(src, ns, action);
        return;
      case 'Node':
        this.addNode(src.object);
        return;
      case 'Service': {
        const headless = src.object.spec?.clusterIP === 'None';
        const clusterIP = headless
          ? 'None'
          : src.object.spec?.clusterIP || ipFrom(this.profile.serviceCIDR, 10 + this.serviceIPs++);
        const e: ServiceEntry = {
          service: src.object,
          name: src.name,
          namespace: ns,
          clusterIP,
          endpoints: getEndpoints(src.object, this.podViews()),
          requests: 0,
        };
        this.services.set(key(ns, src.name), e);
        this.proxy?.sliceChanged(key(ns, src.name), e.endpoints);
        this.recorder.add({
          type: 'endpoints',
          service: e.name,
          namespace: e.namespace,
          endpoints: e.endpoints,
        });
        return;
      }
      case 'ConfigMap':
        this.configMaps.set(key(ns, src.name), src.object);
        return;
      case 'PodDisruptionBudget':
        this.disruption.add(src.name, ns, (src.object.spec ?? {}) as BudgetSpec);
        return;
      case 'Secret':
        this.secrets.set(key(ns, src.name), src.object);
        return;
      case 'ReplicaSet':
      case 'Deployment':
      case 'Job':
      case 'StatefulSet':
      case 'DaemonSet':
        this.workloads.apply(src);
        return;
    }
  }

  /** registry/core/pod: create a Pod, then hand it to the scheduler or to the node it names. */
  private createPod(
    src: Extract<SourceObject, { kind: 'Pod' }>,
    ns: string,
    action?: ScenarioAction,
  ): void {
    const k = key(ns, src.name);
    const existing = this.pods.get(k);
    if (existing || this.scheduler.has(k) || this.orphans.has(k)) {
      // registry/generic/registry/store.go (Store.Create): AlreadyExists, and over an object
      // with a deletionTimestamp the message is prefixed "object is being deleted: ".
      const exists = `pods "${src.name}" already exists`;
      const message = existing?.deletion ? `object is being deleted: ${exists}` : exists;
      if (action) this.actionError(action, message);
      else this.diagnostic({ severity: 'warning', message, doc: src.doc });
      return;
    }
    // The apiserver gives every created object a fresh UID (rest.FillObjectMetaSystemFields):
    // a Pod created again under the same name is a different Pod.
    const generation = this.podsCreated.get(k) ?? 0;
    this.podsCreated.set(k, generation + 1);
    const metadata = { ...src.object.metadata, name: src.name, namespace: ns };
    if (generation > 0) metadata.uid = podUID(ns, src.name, generation);
    const pod: DefaultedPod = { ...src.object, metadata };
    const p: PendingPod = { key: k, name: src.name, namespace: ns, pod, doc: src.doc };
    // A pod with spec.nodeName set bypasses the scheduler (S1.19): that node's kubelet runs it,
    // or nobody when no such node exists (it stays Pending).
    const nodeName = src.object.spec?.nodeName;
    if (!nodeName) this.scheduler.add(p);
    else if (this.nodes.has(nodeName)) this.admitPinned(p, nodeName);
    else {
      // The API server creates it Pending; no kubelet will ever write its status.
      this.orphans.add(p.key);
      this.recorder.add({
        type: 'pod.phase',
        pod: p.name,
        namespace: p.namespace,
        phase: 'Pending',
      });
    }
  }

  private podViews(): PodView[] {
    const out: PodView[] = [];
    for (const w of this.pods.values()) if (w.lifecycle !== 'deleted') out.push(podView(w));
    return out;
  }

  /** The EndpointSlice controller, reacting at once (R9.7): every pod of every Service. */
  syncEndpoints(): void {
    if (this.services.size === 0) return;
    const pods = this.podViews();
    for (const e of this.services.values()) {
      const eps = getEndpoints(e.service, pods);
      if (sameEndpoints(eps, e.endpoints)) continue;
      e.endpoints = eps;
      this.proxy?.sliceChanged(key(e.namespace, e.name), eps);
      this.recorder.add({
        type: 'endpoints',
        service: e.name,
        namespace: e.namespace,
        endpoints: eps,
      });
    }
  }

  /**
   * One pod's status was written: only its entry in each Service can have changed (the
   * endpointslice controller's pod update handler queues just the Services selecting the pod).
   */
  private syncPodEndpoints(w: PodWorker): void {
    if (this.disruption.size > 0) this.disruption.sync();
    if (this.services.size === 0) return;
    const view = w.lifecycle === 'deleted' ? undefined : podView(w);
    for (const e of this.services.values()) {
      if (e.namespace !== w.namespace) continue; // a Service selects pods of its own namespace
      const entry = view && e.service.spec?.selector ? endpointFor(e.service, view) : undefined;
      const eps = withEndpoint(e.endpoints, w.name, entry);
      if (eps === e.endpoints) continue;
      e.endpoints = eps;
      this.proxy?.sliceChanged(key(e.namespace, e.name), eps);
      // The change, not the list: 1000 pods would otherwise store 1000 entries per change.
      this.recorder.add({
        type: 'endpoint',
        service: e.name,
        namespace: e.namespace,
        pod: w.name,
        ...(entry ? { endpoint: entry } : {}),
      });
    }
  }

  private podDeleted(ns: string, name: string): void {
    const k = key(ns, name);
    const w = this.pods.get(k);
    const freed = w?.lifecycle === 'deleted';
    if (w && freed) this.workloads.podChanged(w);
    if (freed) {
      this.pods.delete(k);
      this.podNode.delete(k);
      this.node.podGone(ns, name);
      this.recorder.add({ type: 'object.deleted', kind: 'Pod', name, namespace: ns });
    }
    this.syncEndpoints();
    if (this.disruption.size > 0) this.disruption.sync();
    if (freed) this.scheduler.clusterEvent('AssignedPodDelete');
  }

  /** A controller's delete (DeletePod): the pod's own grace; a pod not yet bound goes at once. */
  deletePod(ns: string, name: string): void {
    const k = key(ns, name);
    if (this.scheduler.remove(k) || this.orphans.delete(k)) {
      this.recorder.add({ type: 'object.deleted', kind: 'Pod', name, namespace: ns });
      return;
    }
    const w = this.pods.get(k);
    if (!w || w.deletion) return;
    w.requestDelete({});
    this.workloads.podChanged(w);
  }

  findPod(name: string, ns?: string): PodWorker | undefined {
    return this.pods.get(key(ns ?? this.profile.namespace, name));
  }

  actionError(a: ScenarioAction, message: string): void {
    this.diagnostic({ severity: 'warning', message, doc: a.doc, path: a.path });
    if (this.outcome && this.outcome.ok) this.outcome = { ok: false, message };
  }

  /** The outcome of the scenario action being run (the `actions` series, DESIGN §4). */
  private outcome: { ok: boolean; message?: string } | undefined;

  actionResult(message: string): void {
    if (this.outcome?.ok) this.outcome = { ok: true, message };
  }

  nodeObject(name: string): DefaultedNode | undefined {
    return this.nodes.get(name)?.object;
  }

  updateNode(node: DefaultedNode): void {
    this.addNode(node);
  }

  budgetsFor(w: PodWorker): BudgetView[] {
    if (this.disruption.size === 0) return [];
    this.disruption.sync();
    return this.disruption.budgetsFor(w.namespace, w.pod.metadata?.labels ?? {});
  }

  private newDisruption(): DisruptionController {
    // Getters: this runs before the constructor has set `recorder`.
    const pods = (ns: string) => {
      const out: BudgetPod[] = [];
      for (const w of this.pods.values())
        if (w.namespace === ns && w.lifecycle !== 'deleted') out.push(budgetPod(w));
      return out;
    };
    const self = () => this.recorder;
    return new DisruptionController({
      get recorder() {
        return self();
      },
      pods,
    });
  }

  delete(
    a: ScenarioAction & { delete: ObjectKey & { gracePeriodSeconds?: number; force?: boolean } },
  ): void {
    const d = a.delete;
    const ns = d.namespace ?? this.profile.namespace;
    if (d.kind === 'Pod') {
      if (this.statics.mirrorDeleted(ns, d.name))
        return this.actionResult(`pod "${d.name}" deleted`);
      const w = this.findPod(d.name, ns);
      // A pod no kubelet runs is deleted at once (podStrategy.CheckGracefulDelete: no node, grace 0).
      if (!w && (this.scheduler.remove(key(ns, d.name)) || this.orphans.delete(key(ns, d.name)))) {
        this.recorder.add({ type: 'object.deleted', kind: 'Pod', name: d.name, namespace: ns });
        return;
      }
      if (!w) return this.actionError(a, `pods "${d.name}" not found`);
      w.requestDelete({
        ...(d.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: d.gracePeriodSeconds } : {}),
        ...(d.force ? { force: true } : {}),
      });
      this.workloads.podChanged(w);
      return;
    }
    if (WORKLOAD_KINDS.includes(d.kind)) return this.workloads.delete(a, d);
    if (d.kind === 'Node') return this.actionError(a, 'deleting a Node is not simulated yet');
    if (d.kind === 'PodDisruptionBudget') {
      if (!this.disruption.remove(d.name, ns))
        return this.actionError(a, `poddisruptionbudgets.policy "${d.name}" not found`);
      this.recorder.add({ type: 'object.deleted', kind: d.kind, name: d.name, namespace: ns });
      return;
    }
    const store =
      d.kind === 'Service'
        ? this.services
        : d.kind === 'ConfigMap'
          ? this.configMaps
          : this.secrets;
    if (!store.delete(key(ns, d.name)))
      return this.actionError(a, `${d.kind} "${d.name}" not found`);
    if (d.kind === 'Service') this.proxy?.sliceChanged(key(ns, d.name), undefined);
    this.recorder.add({ type: 'object.deleted', kind: d.kind, name: d.name, namespace: ns });
  }

  /** `spec.traffic`: kube-proxy starts following the Services, and the clients their schedule. */
  startTraffic(specs: readonly TrafficSpec[], untilS: number): void {
    if (specs.length === 0) return;
    const proxy = new KubeProxy(this.clock);
    this.proxy = proxy;
    this.traffic = new TrafficClients({
      clock: this.clock,
      proxy,
      defaultNamespace: this.profile.namespace,
      service: (ns, name) => this.services.get(key(ns, name)),
      podAt: (ip) => this.podAt(ip),
      diagnostic: (d) => this.diagnostic(d),
    });
    for (const s of specs) this.traffic.start(s, untilS);
  }

  /** The per-second request counts, once the run is over. */
  finishTraffic(): TrafficSecond[] | undefined {
    return this.traffic?.finish();
  }

  /** The live pod with each IP (checked on use: a cached worker may have gone). */
  private readonly byIP = new Map<string, PodWorker>();
  private readonly portNames = new WeakMap<PodWorker, Map<string, number>>();

  private podAt(ip: string): TrafficPod | undefined {
    let w = this.byIP.get(ip);
    const live = (x: PodWorker) =>
      x.podIP === ip && x.lifecycle !== 'deleted' && this.pods.get(key(x.namespace, x.name)) === x;
    if (!w || !live(w)) {
      w = undefined;
      for (const x of this.pods.values()) if (live(x)) w = x;
      if (w) this.byIP.set(ip, w);
      else return undefined;
    }
    let ports = this.portNames.get(w);
    if (!ports) {
      ports = portNames(w.slots);
      this.portNames.set(w, ports);
    }
    const node = this.nodeOf(w);
    return { name: w.name, sandbox: w.sandbox, ports, nodeLost: !!node && this.node.isLost(node) };
  }

  runAction(a: ScenarioAction, deferred: ReadonlyMap<string, SourceObject>): void {
    this.outcome = { ok: true };
    runAction(this, a, deferred);
    const { ok, message } = this.outcome;
    this.outcome = undefined;
    this.recorder.add({
      type: 'action',
      action: actionLabel(a, this.profile.namespace),
      ok,
      ...(message !== undefined ? { message } : {}),
    });
  }
}
