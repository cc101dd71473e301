/**
 * The cluster: an API store of Pods, Services, ConfigMaps and Secrets over time, the scheduler's
 * Scheduled event, the EndpointSlice controller (an `endpoints` record whenever a Service's list
 * changes), the network pods see, and the scenario actions applied at their times.
 */
import type {
  ConfigMap,
  ObjectKey,
  DefaultedPod,
  ScenarioAction,
  Secret,
  SourceObject,
} from '../../k8s/types.ts';
import type { SimClock } from '../clock/simClock.ts';
import type { Recorder } from '../clock/recorder.ts';
import type { KubeletProfile } from '../profile.ts';
import type { RuntimeModel, RuntimeDiagnostic } from '../runtime/types.ts';
import type { SimDiagnostic } from '../trace/types.ts';
import { Backoff } from '../kubelet/backoff.ts';
import { KubeletPodWorker } from '../kubelet/podWorkers.ts';
import type { PodWorker } from '../kubelet/types.ts';
import type { KubeletEnv } from '../kubelet/types.ts';
import {
  endpointFor,
  getEndpoints,
  sameEndpoints,
  withEndpoint,
  type PodView,
} from './endpoints.ts';
import { Network, type ServiceEntry } from './network.ts';
import { runAction } from './actions.ts';
import { NodeLifecycle } from './node.ts';
import { serviceEnv } from './serviceEnv.ts';
import type { ClusterApi } from './types.ts';

const key = (ns: string, name: string) => `${ns}/${name}`;

function ipFrom(cidr: string, offset: number): string {
  const [base] = cidr.split('/');
  const p = (base ?? '10.0.0.0').split('.').map((x) => parseInt(x, 10));
  const n = ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) + offset;
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
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
  readonly env: KubeletEnv;
  readonly node: NodeLifecycle = new NodeLifecycle(this);
  private podIPs = 0;
  private serviceIPs = 0;

  constructor(
    readonly clock: SimClock,
    readonly recorder: Recorder,
    readonly profile: KubeletProfile,
    runtime: RuntimeModel,
  ) {
    this.network = new Network({
      clusterDomain: 'cluster.local',
      defaultNamespace: profile.namespace,
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
          const ports = new Map<string, number>();
          for (const s of w.slots)
            for (const p of s.spec.ports ?? []) if (p.name) ports.set(p.name, p.containerPort);
          return { sandbox: w.sandbox, ports };
        }
        return undefined;
      },
    });
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
      nodeImages: new Set(),
      imageBackoff: new Backoff(profile.imageBackOff.initialMs, profile.imageBackOff.maxMs),
      crashBackoff: new Backoff(
        profile.crashLoopBackOff.initialMs,
        profile.crashLoopBackOff.maxMs,
        (e, l) => e - l > profile.crashLoopResetMs,
      ),
      allocatePodIP: () => ipFrom(profile.podCIDR, 2 + this.podIPs++),
      serviceEnv: (ns, links) => serviceEnv(this.services.values(), ns, links),
      onPodStatus: (w) => this.syncPodEndpoints(w),
      onPodDeleted: (name) => this.podDeleted(name),
      nodeLost: () => this.node.lost,
    };
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

  apply(src: SourceObject): void {
    const ns = src.namespace || this.profile.namespace;
    this.recorder.add({ type: 'object.applied', source: src });
    switch (src.kind) {
      case 'Pod': {
        if (this.pods.has(key(ns, src.name))) {
          this.diagnostic({
            severity: 'warning',
            message: `pod ${src.name} already exists`,
            doc: src.doc,
          });
          return;
        }
        const pod: DefaultedPod = {
          ...src.object,
          metadata: { ...src.object.metadata, name: src.name, namespace: ns },
        };
        const w = new KubeletPodWorker(this.env, pod, src.doc);
        this.pods.set(key(ns, src.name), w);
        // A pod with spec.nodeName set bypasses the scheduler: no Scheduled event.
        if (!src.object.spec?.nodeName)
          this.recorder.add({
            type: 'event',
            object: `pod/${src.name}`,
            eventType: 'Normal',
            reason: 'Scheduled',
            message: `Successfully assigned ${ns}/${src.name} to ${this.profile.nodeName}`,
            source: 'default-scheduler',
          });
        w.admit();
        return;
      }
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
        this.recorder.add({ type: 'endpoints', service: e.name, endpoints: e.endpoints });
        return;
      }
      case 'ConfigMap':
        this.configMaps.set(key(ns, src.name), src.object);
        return;
      case 'Secret':
        this.secrets.set(key(ns, src.name), src.object);
        return;
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
      this.recorder.add({ type: 'endpoints', service: e.name, endpoints: eps });
    }
  }

  /**
   * One pod's status was written: only its entry in each Service can have changed (the
   * endpointslice controller's pod update handler queues just the Services selecting the pod).
   */
  private syncPodEndpoints(w: PodWorker): void {
    if (this.services.size === 0) return;
    const view = w.lifecycle === 'deleted' ? undefined : podView(w);
    for (const e of this.services.values()) {
      const entry = view && e.service.spec?.selector ? endpointFor(e.service, view) : undefined;
      const eps = withEndpoint(e.endpoints, w.name, entry);
      if (eps === e.endpoints) continue;
      e.endpoints = eps;
      // The change, not the list: 1000 pods would otherwise store 1000 entries per change.
      this.recorder.add({
        type: 'endpoint',
        service: e.name,
        pod: w.name,
        ...(entry ? { endpoint: entry } : {}),
      });
    }
  }

  private podDeleted(name: string): void {
    for (const [k, w] of this.pods) {
      if (w.name !== name || w.lifecycle !== 'deleted') continue;
      this.pods.delete(k);
      this.recorder.add({ type: 'object.deleted', kind: 'Pod', name, namespace: w.namespace });
    }
    this.syncEndpoints();
  }

  findPod(name: string, ns?: string): PodWorker | undefined {
    return this.pods.get(key(ns ?? this.profile.namespace, name));
  }

  actionError(a: ScenarioAction, message: string): void {
    this.diagnostic({ severity: 'warning', message, doc: a.doc, path: a.path });
  }

  delete(
    a: ScenarioAction & { delete: ObjectKey & { gracePeriodSeconds?: number; force?: boolean } },
  ): void {
    const d = a.delete;
    const ns = d.namespace ?? this.profile.namespace;
    if (d.kind === 'Pod') {
      const w = this.findPod(d.name, ns);
      if (!w) return this.actionError(a, `pods "${d.name}" not found`);
      w.requestDelete({
        ...(d.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: d.gracePeriodSeconds } : {}),
        ...(d.force ? { force: true } : {}),
      });
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
    this.recorder.add({ type: 'object.deleted', kind: d.kind, name: d.name, namespace: ns });
  }

  runAction(a: ScenarioAction, deferred: Map<string, SourceObject>): void {
    runAction(this, a, deferred);
  }
}
