/**
 * Test helpers for the runtime: the engine's deterministic clock and a fake ClusterNetwork whose
 * DNS names and HTTP answers a test can change, so runtime tests run without the engine.
 */
import type { Ms } from '../clock/types.ts';
import { SimClock } from '../clock/simClock.ts';
import type { ClusterNetwork, HttpRequest, HttpResult, TcpResult } from './types.ts';
import type { ConfigMap, Container, Pod, Secret } from '../../k8s/types.ts';
import type { ContainerProcess, ExecResult, PodSandbox, RuntimeDiagnostic } from './types.ts';
import { createRuntimeModel } from './index.ts';

/** The engine's own clock, plus `advance` for tests that step by a duration. */
export class TestScheduler extends SimClock {
  advance(ms: Ms): void {
    this.runUntil(this.now() + ms);
  }
}

/** A ClusterNetwork a test scripts: DNS records and HTTP/TCP handlers per `host:port`. */
export class FakeNetwork implements ClusterNetwork {
  readonly dns = new Map<string, string[]>();
  readonly http = new Map<string, (req: HttpRequest) => HttpResult>();
  readonly resolved: string[] = [];

  resolve(name: string, namespace: string): string[] | undefined {
    this.resolved.push(name);
    const short = name.replace(/\.$/, '');
    for (const candidate of [
      short,
      short.replace(`.${namespace}.svc.cluster.local`, ''),
      short.replace(/\.svc\.cluster\.local$/, '').replace(`.${namespace}`, ''),
    ]) {
      const hit = this.dns.get(candidate);
      if (hit) return hit;
    }
    return undefined;
  }

  httpGet(req: HttpRequest): HttpResult {
    const host = this.dns.get(req.host)?.[0] ?? req.host;
    const h = this.http.get(`${host}:${req.port}`);
    if (!h)
      return { ok: false, error: `dial tcp ${host}:${req.port}: connect: connection refused` };
    return h(req);
  }

  tcpConnect(host: string, port: number): TcpResult {
    const ip = this.dns.get(host)?.[0] ?? host;
    return this.http.has(`${ip}:${port}`)
      ? { ok: true }
      : { ok: false, error: `dial tcp ${ip}:${port}: connect: connection refused` };
  }
}

// ---------------------------------------------------------------------------------------------
// A pod harness: one sandbox on the TestScheduler, containers started by name, logs and exits kept.

export interface Started {
  container: ContainerProcess;
  logs: string[];
  exits: { code: number; reason: string; message?: string; t: number }[];
}

export interface Harness {
  scheduler: TestScheduler;
  network: FakeNetwork;
  sandbox: PodSandbox;
  diagnostics: RuntimeDiagnostic[];
  configMaps: Map<string, ConfigMap>;
  secrets: Map<string, Secret>;
  /** How often the pause process exited from inside the pod (the kubelet's onPauseExit). */
  pauseExits: { count: number };
  /** Create and start a container of the pod (regular by default); throws if creation fails. */
  start(name: string): Started;
  /** Run a command in a container; returns the result once simulated time has passed enough. */
  exec(c: ContainerProcess, argv: string[], timeoutMs?: number): ExecResult;
}

export function podOf(
  spec: Pod['spec'],
  meta: Pod['metadata'] = { name: 'pod', namespace: 'default' },
): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec };
}

export function createHarness(pod: Pod): Harness {
  const scheduler = new TestScheduler();
  const network = new FakeNetwork();
  const diagnostics: RuntimeDiagnostic[] = [];
  const configMaps = new Map<string, ConfigMap>();
  const secrets = new Map<string, Secret>();
  const pauseExits = { count: 0 };
  const sandbox = createRuntimeModel().createSandbox({
    scheduler,
    network,
    pod,
    doc: 0,
    podIP: '10.244.0.5',
    hostIP: '192.168.49.2',
    nodeName: 'node-1',
    lookup: {
      configMap: (_ns, name) => configMaps.get(name),
      secret: (_ns, name) => secrets.get(name),
    },
    diagnostic: (d) => diagnostics.push(d),
    onPauseExit: () => pauseExits.count++,
  });
  return {
    scheduler,
    network,
    sandbox,
    diagnostics,
    configMaps,
    secrets,
    pauseExits,
    start(name) {
      const init = pod.spec?.initContainers ?? [];
      const regular = pod.spec?.containers ?? [];
      let spec: Container | undefined = regular.find((c) => c.name === name);
      let where: { kind: 'init' | 'regular'; index: number } = {
        kind: 'regular',
        index: regular.findIndex((c) => c.name === name),
      };
      if (!spec) {
        spec = init.find((c) => c.name === name);
        where = { kind: 'init', index: init.findIndex((c) => c.name === name) };
      }
      if (!spec) throw new Error(`no container ${name}`);
      const logs: string[] = [];
      const exits: Started['exits'] = [];
      const r = sandbox.createContainer(spec, where, {
        onExit: (code, reason, message) =>
          exits.push(
            message === undefined
              ? { code, reason, t: scheduler.now() }
              : { code, reason, message, t: scheduler.now() },
          ),
        onLog: (_s, line) => logs.push(line),
      });
      if (!r.ok) throw new Error(`${r.reason}: ${r.message}`);
      r.container.start();
      return { container: r.container, logs, exits };
    },
    exec(c, argv, timeoutMs) {
      let res: ExecResult | undefined;
      c.exec(argv, timeoutMs === undefined ? {} : { timeoutMs }, (r) => (res = r));
      if (!res)
        throw new Error(
          'exec did not finish at once; advance the scheduler and use ContainerProcess.exec',
        );
      return res;
    },
  };
}
