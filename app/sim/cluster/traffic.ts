/**
 * `spec.traffic` clients: the k-th request of a client is a new connection sent at from + k / rate,
 * after everything else of that instant; kube-proxy's programmed list picks the endpoint (round
 * robin over the list sorted by pod name, one counter per Service: Podlab's deterministic stand-in
 * for iptables' `-m statistic --mode random`, reference cluster.md K8.4), and the target pod answers
 * as it really is at that instant (K8.6): listening → ok; process gone or port closed → refused;
 * its node gone → timed out. Counts are kept per Service and second, with every failure attributed.
 */
import type { SimClock } from '../clock/simClock.ts';
import type { TrafficSpec } from '../../k8s/types.ts';
import type { PodSandbox } from '../runtime/types.ts';
import { dict } from '../trace/dict.ts';
import type { SimDiagnostic, TrafficError, TrafficSecond } from '../trace/types.ts';
import type { ServiceEntry } from './network.ts';
import type { KubeProxy } from './proxy.ts';
import { targetPortOf } from './endpoints.ts';

/** Requests run after the instant's other timers (lane 0) and proxy syncs (lane 1). */
const REQUEST_LANE = 2;

export interface TrafficPod {
  name: string;
  sandbox: PodSandbox | undefined;
  /** Container port names → numbers (a Service's named targetPort). */
  ports: ReadonlyMap<string, number>;
  nodeLost: boolean;
}

export interface TrafficHost {
  clock: SimClock;
  proxy: KubeProxy;
  defaultNamespace: string;
  service(namespace: string, name: string): ServiceEntry | undefined;
  /** The live pod with this IP, if any. */
  podAt(ip: string): TrafficPod | undefined;
  diagnostic(d: SimDiagnostic): void;
}

type Outcome = { ok: true; pod: string } | { ok: false; pod?: string; error: TrafficError };

type ServicePort = NonNullable<NonNullable<ServiceEntry['service']['spec']>['ports']>[number];

export class TrafficClients {
  private readonly done: TrafficSecond[] = [];
  /** The second being counted, per Service key. */
  private readonly open = new Map<string, TrafficSecond>();
  /** Clients whose port is missing on their Service, reported once each. */
  private readonly reported = new Set<TrafficSpec>();

  constructor(private readonly host: TrafficHost) {}

  /** Schedules the client's requests in [from, min(to, until)). */
  start(spec: TrafficSpec, untilS: number): void {
    const clock = this.host.clock;
    const fromMs = Math.round(spec.from * 1000);
    const toMs = Math.round(Math.min(spec.to ?? untilS, untilS) * 1000);
    const ns = spec.namespace ?? this.host.defaultNamespace;
    const dueOf = (k: number) => fromMs + Math.floor((k * 1000) / spec.rate);
    const send = (k: number) => {
      this.count(spec, ns, this.request(spec, ns));
      if (dueOf(k + 1) < toMs) clock.at(dueOf(k + 1), () => send(k + 1), REQUEST_LANE);
    };
    if (dueOf(0) < toMs) clock.at(dueOf(0), () => send(0), REQUEST_LANE);
  }

  /** Every second counted, sorted by time, namespace and Service. */
  finish(): TrafficSecond[] {
    for (const b of this.open.values()) this.done.push(b);
    this.open.clear();
    const ord = (a: TrafficSecond) => `${a.namespace}/${a.service}`;
    return this.done.sort((a, b) => a.t - b.t || (ord(a) < ord(b) ? -1 : ord(a) > ord(b) ? 1 : 0));
  }

  private request(spec: TrafficSpec, ns: string): Outcome {
    const e = this.host.service(ns, spec.service);
    if (!e) return { ok: false, error: 'no such host' };
    const sp = this.servicePort(spec, e);
    // A headless Service has no proxy rules: the client dials the ready pod IPs DNS returns.
    const targets =
      e.clusterIP === 'None'
        ? e.endpoints.filter((x) => x.ready)
        : this.host.proxy.targets(`${ns}/${spec.service}`);
    // No rule for the virtual IP yet: nothing answers the SYN (derived).
    if (!targets) return { ok: false, error: 'connection timed out' };
    // No usable endpoint: the proxy's REJECT rule (K8.6).
    if (targets.length === 0 || !sp) return { ok: false, error: 'connection refused' };
    const ep = targets[e.requests++ % targets.length]!;
    const pod = this.host.podAt(ep.ip);
    if (pod?.nodeLost) return { ok: false, pod: ep.pod, error: 'connection timed out' };
    if (!pod?.sandbox) return { ok: false, pod: ep.pod, error: 'connection refused' };
    const port = targetPortOf(sp.targetPort, pod.ports);
    if (port === undefined) return { ok: false, pod: ep.pod, error: 'connection refused' };
    const r = pod.sandbox.tcpConnect(port);
    if (r.ok) return { ok: true, pod: ep.pod };
    return {
      ok: false,
      pod: ep.pod,
      error: r.timeout ? 'connection timed out' : 'connection refused',
    };
  }

  /** The Service port the client calls; a missing one is reported once, at the client's line. */
  private servicePort(spec: TrafficSpec, e: ServiceEntry): ServicePort | undefined {
    const ports = e.service.spec?.ports ?? [];
    const p =
      spec.port === undefined
        ? ports[0]
        : ports.find((x) => (typeof spec.port === 'number' ? x.port : x.name) === spec.port);
    if (!p && !this.reported.has(spec)) {
      this.reported.add(spec);
      const what = spec.port === undefined ? 'no ports' : `no port ${JSON.stringify(spec.port)}`;
      this.host.diagnostic({
        severity: 'warning',
        message: `Service "${spec.service}" has ${what}: every request is refused`,
        doc: spec.doc,
        path: spec.port === undefined ? `${spec.path}.service` : `${spec.path}.port`,
      });
    }
    return p;
  }

  private count(spec: TrafficSpec, ns: string, r: Outcome): void {
    const now = this.host.clock.now() / 1000;
    const b = this.bucket(ns, spec.service, Math.floor(now));
    b.sent++;
    if (r.ok) {
      b.ok++;
      b.served[r.pod] = (b.served[r.pod] ?? 0) + 1;
      return;
    }
    b.failed++;
    b.errors[r.error] = (b.errors[r.error] ?? 0) + 1;
    const f = b.failures.find((x) => x.pod === r.pod && x.error === r.error);
    if (f) {
      f.count++;
      f.last = now;
    } else
      b.failures.push({
        ...(r.pod ? { pod: r.pod } : {}),
        error: r.error,
        count: 1,
        first: now,
        last: now,
      });
  }

  private bucket(namespace: string, service: string, t: number): TrafficSecond {
    const key = `${namespace}/${service}`;
    const b = this.open.get(key);
    if (b && b.t === t) return b;
    if (b) this.done.push(b);
    const fresh: TrafficSecond = {
      t,
      service,
      namespace,
      sent: 0,
      ok: 0,
      failed: 0,
      errors: {},
      failures: [],
      served: dict<number>(),
    };
    this.open.set(key, fresh);
    return fresh;
  }
}
