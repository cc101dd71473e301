/**
 * One probe attempt (kubelet `prober/prober.go` + `pkg/probe/{http,tcp,exec,grpc}`): runs the
 * handler against the runtime and reports success / failure / warning / error with the kubelet's
 * output text (pod-level R3.5). Errors (e.g. an unresolvable named port) are discarded by the worker.
 */
import type {
  DefaultedContainer as Container,
  DefaultedProbe as Probe,
} from '../../../k8s/types.ts';
import type { FieldRef } from '../../../k8s/types.ts';
import type { Ms, Scheduler } from '../../clock/types.ts';
import type { ContainerProcess, PodSandbox } from '../../runtime/types.ts';
import { goDuration } from '../format.ts';

/**
 * pkg/probe/http NewRequestForHTTPGetAction: `kube-probe/<major>.<minor>` of the kubelet (1.34 until
 * versions are modelled, DESIGN §3).
 */
const KUBE_PROBE_UA = 'kube-probe/1.34';

export interface ProbeOutcome {
  result: 'success' | 'failure' | 'warning' | 'error';
  output: string;
}

export interface ProbeTarget {
  container: Container;
  process: ContainerProcess | undefined;
  sandbox: PodSandbox | undefined;
  podIP: string;
  scheduler: Scheduler;
  field: FieldRef;
}

/**
 * The probe's port (`pkg/probe/util.go` ResolveContainerPort): a number, or a named port of the
 * container; a name the container does not declare falls through to `strconv.Atoi` and the probe
 * errors with Atoi's text (1.29–1.36; kubernetes/kubernetes#139791 changes it to
 * `port "NAME" not found` after 1.36).
 */
export function resolveProbePort(
  port: number | string | undefined,
  container: Container,
): { port: number } | { error: string } {
  let n: number;
  if (typeof port === 'number') n = port;
  else if (port === undefined)
    n = 0; // Go's zero IntOrString
  else {
    const found = (container.ports ?? []).find((p) => p.name === port);
    if (found) n = found.containerPort;
    else if (/^[+-]?\d+$/.test(port)) n = parseInt(port, 10);
    else return { error: `strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax` };
  }
  if (n > 0 && n < 65536) return { port: n };
  return { error: `invalid port number: ${n}` };
}

/** Deliver a result after `delayMs` (a hanging endpoint fails at tick + timeout, reference R7.8). */
function later(s: Scheduler, delayMs: Ms, done: (o: ProbeOutcome) => void, o: ProbeOutcome) {
  if (delayMs > 0) s.after(delayMs, () => done(o));
  else done(o);
}

/**
 * A prepared probe handler: port names, paths, headers and URLs are resolved once per worker (the
 * hot path of a playground with 1 s probes), then `run` performs one attempt.
 */
export class ProbeRunner {
  private readonly timeoutMs: Ms;
  private readonly port: { port: number } | { error: string } | undefined;
  private readonly path: string;
  private readonly headers: Record<string, string> | undefined;
  private urlFor = '';
  private url = '';
  private readonly execField: FieldRef | undefined;

  constructor(
    private readonly probe: Probe,
    container: Container,
    field: FieldRef,
  ) {
    this.timeoutMs = probe.timeoutSeconds * 1000;
    const g = probe.httpGet;
    this.port = g
      ? resolveProbePort(g.port, container)
      : probe.tcpSocket
        ? resolveProbePort(probe.tcpSocket.port, container)
        : undefined;
    this.path = g?.path ? (g.path.startsWith('/') ? g.path : `/${g.path}`) : '/';
    if (g) {
      this.headers = { 'User-Agent': KUBE_PROBE_UA, Accept: '*/*' };
      for (const h of g.httpHeaders ?? []) this.headers[h.name] = h.value;
    }
    this.execField = probe.exec ? { ...field, path: `${field.path}.exec.command` } : undefined;
  }

  /** One attempt (prober.go runProbe): the handler the probe names. */
  run(t: ProbeTarget, done: (o: ProbeOutcome) => void): void {
    const probe = this.probe;
    if (probe.exec) return this.runExec(probe.exec.command ?? [], t, done);
    const sandbox = t.sandbox;
    if (!sandbox) return done({ result: 'error', output: 'pod sandbox not ready' });
    if (probe.httpGet) return this.runHttp(probe.httpGet, sandbox, t, done);
    if (probe.tcpSocket) return this.runTcp(probe.tcpSocket.host, sandbox, t, done);
    if (probe.grpc) return this.runGrpc(probe.grpc, sandbox, t, done);
    done({ result: 'error', output: 'missing probe handler' });
  }

  private runExec(argv: string[], t: ProbeTarget, done: (o: ProbeOutcome) => void): void {
    if (!t.process) return done({ result: 'error', output: 'container not running' });
    const proc = t.process;
    const opts = {
      timeoutMs: this.timeoutMs,
      ...(this.execField ? { field: this.execField } : {}),
    };
    // prober.go runProbeWithRetries: an exec that cannot start (binary missing, container stopped:
    // an error from the CRI, not an exit status — pkg/probe/exec returns probe.Unknown + err) is
    // retried at once, up to maxProbeRetries = 3 attempts; a remaining error is then discarded.
    let attempt = 0;
    const once = () => {
      attempt++;
      proc.exec(argv, opts, (r) => {
        if (r.startError) {
          if (attempt < MAX_PROBE_RETRIES) return once();
          // The CRI client (remote_runtime.go ExecSync) hands the kubelet containerd's error as
          // a gRPC status: not an exit code, so pkg/probe/exec returns it as an error (Unknown).
          return done({ result: 'error', output: `rpc error: code = Unknown desc = ${r.output}` });
        }
        if (r.timedOut)
          done({
            result: 'failure',
            output: `command ${JSON.stringify(argv.join(' '))} timed out`,
          });
        else done({ result: r.exitCode === 0 ? 'success' : 'failure', output: r.output });
      });
    };
    once();
  }

  private runHttp(
    g: NonNullable<Probe['httpGet']>,
    sandbox: PodSandbox,
    t: ProbeTarget,
    done: (o: ProbeOutcome) => void,
  ): void {
    const p = this.port;
    if (!p || 'error' in p) return done({ result: 'error', output: p ? p.error : 'no port' });
    const host = g.host || t.podIP;
    if (this.urlFor !== host) {
      this.urlFor = host;
      this.url = `${g.scheme.toLowerCase()}://${host}:${p.port}${this.path}`;
    }
    const timeoutMs = this.timeoutMs;
    const r = sandbox.httpGet({
      host,
      port: p.port,
      path: this.path,
      scheme: g.scheme === 'HTTPS' ? 'HTTPS' : 'HTTP',
      ...(this.headers ? { headers: this.headers } : {}),
      timeoutMs,
    });
    if (!r.ok) {
      const output = r.timeout
        ? `Get "${this.url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`
        : `Get "${this.url}": ${r.error}`;
      return later(t.scheduler, r.timeout ? timeoutMs : 0, done, { result: 'failure', output });
    }
    // pkg/probe/http: 200 ≤ code < 400 is success; a 3xx that ends the chain is a Warning.
    if (r.status >= 200 && r.status < 300) return done(SUCCESS);
    if (r.status >= 300 && r.status < 400)
      return done({
        result: 'warning',
        output: `Probe terminated redirects, Response body: ${r.body}`,
      });
    done({ result: 'failure', output: `HTTP probe failed with statuscode: ${r.status}` });
  }

  private runTcp(
    hostField: string | undefined,
    sandbox: PodSandbox,
    t: ProbeTarget,
    done: (o: ProbeOutcome) => void,
  ): void {
    const p = this.port;
    if (!p || 'error' in p) return done({ result: 'error', output: p ? p.error : 'no port' });
    const host = hostField || t.podIP;
    const r = sandbox.tcpConnect(p.port, this.timeoutMs);
    if (r.ok) return done(SUCCESS);
    // pkg/probe/tcp DoTCPProbe returns the dialer's error as it prints: `dial tcp IP:PORT: …`.
    const output = r.timeout ? `dial tcp ${host}:${p.port}: i/o timeout` : r.error;
    later(t.scheduler, r.timeout ? this.timeoutMs : 0, done, { result: 'failure', output });
  }

  private runGrpc(
    g: NonNullable<Probe['grpc']>,
    sandbox: PodSandbox,
    t: ProbeTarget,
    done: (o: ProbeOutcome) => void,
  ): void {
    const timeoutMs = this.timeoutMs;
    const r = sandbox.grpcCheck(g.port, g.service, timeoutMs);
    if (!r.ok) {
      // pkg/probe/grpc Probe dials WithBlock: a channel that never becomes READY (refused, or
      // not a gRPC server) waits out the whole timeout and ends as context.DeadlineExceeded.
      const within = goDuration(timeoutMs);
      const output = r.connecting
        ? `timeout: failed to connect service "${t.podIP}:${g.port}" within ${within}: context deadline exceeded`
        : r.timeout
          ? `timeout: health rpc did not complete within ${within}`
          : `error: health rpc probe failed: ${r.error}`;
      const wait = r.connecting || r.timeout ? timeoutMs : 0;
      return later(t.scheduler, wait, done, { result: 'failure', output });
    }
    if (r.status === 'SERVING') return done(SUCCESS);
    done({ result: 'failure', output: `service unhealthy (responded with "${r.status}")` });
  }
}

/** prober.go maxProbeRetries. */
const MAX_PROBE_RETRIES = 3;

const SUCCESS: ProbeOutcome = { result: 'success', output: '' };
