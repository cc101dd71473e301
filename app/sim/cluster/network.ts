/**
 * What pods see of the cluster network (implements the runtime's ClusterNetwork): Service DNS in
 * all its forms (pod-level R9.8: a ClusterIP name resolves while the Service exists; a headless one
 * only to ready endpoints), and traffic to a ClusterIP routed to a ready endpoint, else to a
 * serving+terminating one, else refused (R9.5) — round-robin by request count, deterministic.
 */
import type { Ms } from '../clock/types.ts';
import type {
  ClusterNetwork,
  HttpRequest,
  HttpResult,
  PodSandbox,
  TcpResult,
} from '../runtime/types.ts';
import type { DefaultedService as Service } from '../../k8s/types.ts';
import type { EndpointRecord } from '../trace/types.ts';
import { targetPortOf, trafficTargets } from './endpoints.ts';

export interface ServiceEntry {
  service: Service;
  name: string;
  namespace: string;
  clusterIP: string;
  endpoints: EndpointRecord[];
  requests: number;
}

export interface NetworkState {
  clusterDomain: string;
  defaultNamespace: string;
  services(): Iterable<ServiceEntry>;
  /** Pods with an IP, for pod DNS records (`a-b-c-d.ns.pod`, `hostname.subdomain.ns.svc`). */
  podRecords?(): Iterable<{ namespace: string; ip: string; hostname?: string; subdomain?: string }>;
  /** The sandbox and container ports of the pod with this IP, if it runs. */
  podByIP(ip: string): { sandbox: PodSandbox; ports: Map<string, number> } | undefined;
}

const isIP = (h: string) => /^\d+\.\d+\.\d+\.\d+$/.test(h);

export class Network implements ClusterNetwork {
  constructor(private readonly state: NetworkState) {}

  private findService(name: string, namespace: string): ServiceEntry | undefined {
    const n = name.toLowerCase().replace(/\.$/, '');
    const suffix = `.svc.${this.state.clusterDomain}`;
    let svc: string;
    let ns = namespace;
    const trimmed = n.endsWith(suffix)
      ? n.slice(0, -suffix.length)
      : n.endsWith('.svc')
        ? n.slice(0, -4)
        : n;
    const parts = trimmed.split('.');
    if (parts.length === 1) svc = parts[0]!;
    else if (parts.length === 2) [svc, ns] = parts as [string, string];
    else return undefined;
    for (const e of this.state.services()) if (e.name === svc && e.namespace === ns) return e;
    return undefined;
  }

  /**
   * Pod A records (CoreDNS `pods insecure`): `10-244-1-2.ns.pod[.cluster.local]`, and
   * `hostname.subdomain.ns.svc[.cluster.local]` when a headless Service named `subdomain` exists.
   */
  private podRecord(n: string, namespace: string): string | undefined {
    const pods = this.state.podRecords?.();
    if (!pods) return undefined;
    const domain = this.state.clusterDomain;
    const strip = (x: string, suffix: string) =>
      x.endsWith(suffix) ? x.slice(0, -suffix.length) : undefined;
    const podPart = strip(n, `.pod.${domain}`) ?? strip(n, '.pod');
    if (podPart) {
      const [dashed, ns] = podPart.split('.');
      const ip = dashed?.replace(/-/g, '.');
      if (ip && isIP(ip) && ns)
        for (const p of pods) if (p.ip === ip && p.namespace === ns) return ip;
      return undefined;
    }
    const parts = (strip(n, `.svc.${domain}`) ?? strip(n, '.svc') ?? n).split('.');
    if (parts.length < 2 || parts.length > 3) return undefined;
    const [host, sub, ns = namespace] = parts as [string, string, string?];
    const headless = [...this.state.services()].some(
      (e) => e.name === sub && e.namespace === ns && e.clusterIP === 'None',
    );
    if (!headless) return undefined;
    for (const p of pods)
      if (p.hostname === host && p.subdomain === sub && p.namespace === ns) return p.ip;
    return undefined;
  }

  resolve(name: string, namespace: string): string[] | undefined {
    if (isIP(name)) return [name];
    const n = name.toLowerCase().replace(/\.$/, '');
    if (n === 'localhost') return ['127.0.0.1'];
    const pod = this.podRecord(n, namespace);
    if (pod) return [pod];
    const e = this.findService(n, namespace);
    if (!e) {
      const k = n.split('.');
      if (k[0] === 'kubernetes' && (k.length === 1 ? namespace === 'default' : k[1] === 'default'))
        return ['10.96.0.1'];
      return undefined;
    }
    if (e.clusterIP === 'None') {
      const pnra = e.service.spec?.publishNotReadyAddresses === true;
      const ips = e.endpoints.filter((x) => pnra || x.ready).map((x) => x.ip);
      return ips.length > 0 ? ips : undefined;
    }
    return [e.clusterIP];
  }

  /** Route (host, port) to a pod sandbox and container port. */
  private route(
    host: string,
    port: number,
  ): { sandbox: PodSandbox; ip: string; port: number } | { error: string; timeout?: boolean } {
    const ips = this.resolve(host, this.state.defaultNamespace);
    if (!ips) return { error: `dial tcp: lookup ${host}: no such host` };
    const ip = ips[0]!;
    const pod = this.state.podByIP(ip);
    if (pod) return { sandbox: pod.sandbox, ip, port };
    for (const e of this.state.services()) {
      if (e.clusterIP !== ip) continue;
      const sp = (e.service.spec?.ports ?? []).find((p) => p.port === port);
      if (!sp) return { error: `dial tcp ${ip}:${port}: connect: connection refused` };
      const targets = trafficTargets(e.endpoints);
      if (targets.length === 0)
        return { error: `dial tcp ${ip}:${port}: connect: connection refused` };
      const ep = targets[e.requests++ % targets.length]!;
      const target = this.state.podByIP(ep.ip);
      if (!target) return { error: `dial tcp ${ip}:${port}: connect: connection refused` };
      const tport = targetPortOf(sp.targetPort, target.ports);
      if (tport === undefined)
        return { error: `dial tcp ${ip}:${port}: connect: connection refused` };
      return { sandbox: target.sandbox, ip: ep.ip, port: tport };
    }
    return { error: `dial tcp ${ip}:${port}: i/o timeout`, timeout: true };
  }

  httpGet(req: HttpRequest): HttpResult {
    const r = this.route(req.host, req.port);
    if ('error' in r) return { ok: false, error: r.error, ...(r.timeout ? { timeout: true } : {}) };
    return r.sandbox.httpGet({ ...req, host: r.ip, port: r.port });
  }

  tcpConnect(host: string, port: number, timeoutMs?: Ms): TcpResult {
    const r = this.route(host, port);
    if ('error' in r) return { ok: false, error: r.error, ...(r.timeout ? { timeout: true } : {}) };
    return r.sandbox.tcpConnect(r.port, timeoutMs);
  }
}
