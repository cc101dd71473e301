/**
 * A pod sandbox: one network namespace (pod IP, one port table shared by all its containers, which
 * reach each other on localhost) and the pod's volumes. createContainer builds a container
 * instance from image + spec: env, argv, filesystem with mounts, memory limit.
 */
import type { Container, FieldRef, Volume } from '../../k8s/types.ts';
import type {
  CreateContainerResult,
  GrpcResult,
  HttpRequest,
  HttpResult,
  PodSandbox,
  SandboxContext,
  TcpResult,
  ContainerCallbacks,
  ContainerProcess,
} from './types.ts';
import type { Dir, File } from './fs/vfs.ts';
import { Vfs, graftMount, newDir, newFile, normalizePath, overlay } from './fs/vfs.ts';
import type { Listener, NetView } from './process/types.ts';
import { ContainerRuntime } from './container.ts';
import { PidNamespace } from './pidNamespace.ts';
import type { SandboxPort } from './container.ts';
import { imageLayer, resolveImage } from './images/index.ts';
import { buildEnv, resolveArgv } from './env.ts';
import { parseQuantity } from './quantity.ts';
import { buildProjected, serviceAccountVolume, subPathNode } from './fs/volumes.ts';
import { hostsFile, podHostname, resolvConf } from './fs/podFiles.ts';

const SA_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

export interface HostPaths {
  /** The node's filesystem tree for hostPath volumes (shared by all pods on the node). */
  nodeRoot(nodeName: string): Dir;
}

export class Sandbox implements PodSandbox {
  readonly podIP: string;
  private ports = new Map<number, { l: Listener; owner: ContainerRuntime }>();
  private containers = new Set<ContainerRuntime>();
  private emptyDirs = new Map<string, Dir>();
  private saVolume: Dir;
  private etc: { hosts: File; resolv: File; hostname: File };
  private reported = new Set<string>();
  private readonly port: SandboxPort;
  /** shareProcessNamespace: the pod's one PID namespace, pause as its init. */
  private readonly pids: PidNamespace | undefined;
  /**
   * Mounts whose content comes from the pod object (downwardAPI, or projected with a downwardAPI
   * source), without subPath: the kubelet rewrites them when the pod's labels or annotations change.
   */
  private podFieldMounts: { root: Dir; path: string; vol: Volume; readOnly: boolean }[] = [];

  constructor(
    private ctx: SandboxContext,
    private readonly hostPaths: HostPaths,
  ) {
    this.podIP = ctx.podIP;
    const pod = ctx.pod;
    this.pids =
      pod.spec?.shareProcessNamespace === true
        ? PidNamespace.shared(ctx.scheduler, () => ctx.onPauseExit?.())
        : undefined;
    this.saVolume = serviceAccountVolume(pod);
    this.etc = {
      hosts: newFile(hostsFile(pod, ctx.podIP)),
      resolv: newFile(resolvConf(pod)),
      hostname: newFile(podHostname(pod) + '\n'),
    };
    const ns = pod.metadata?.namespace ?? 'default';
    const local = (h: string) =>
      h === 'localhost' || h === '127.0.0.1' || h === '0.0.0.0' || h === '::1' || h === ctx.podIP;
    const net: NetView = {
      resolve: (name) => (name === 'localhost' ? ['127.0.0.1'] : ctx.network.resolve(name, ns)),
      httpGet: (req) => (local(req.host) ? this.localHttp(req) : ctx.network.httpGet(req)),
      tcpConnect: (host, port, t) =>
        local(host) ? this.localTcp(host, port) : ctx.network.tcpConnect(host, port, t),
    };
    this.port = {
      scheduler: ctx.scheduler,
      podIP: ctx.podIP,
      hostname: podHostname(pod),
      namespace: ns,
      net,
      listen: (p, l, owner) => {
        if (this.ports.has(p)) return 'Address already in use';
        this.ports.set(p, { l, owner });
        return undefined;
      },
      unlisten: (owner, pid) => {
        for (const [p, e] of this.ports)
          if (e.owner === owner && (pid === undefined || e.l.pid === pid)) this.ports.delete(p);
      },
      gone: (owner) => this.containers.delete(owner),
      diag: (message, field) => this.diag(message, field),
    };
  }

  private diag(message: string, field: FieldRef | undefined): void {
    const key = `${field?.path ?? ''}|${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.ctx.diagnostic(
      field ? { severity: 'warning', message, field } : { severity: 'warning', message },
    );
  }

  createContainer(
    spec: Container,
    where: { kind: 'init' | 'regular' | 'ephemeral'; index: number; target?: ContainerProcess },
    callbacks: ContainerCallbacks,
  ): CreateContainerResult {
    const { ctx } = this;
    const base = `spec.${where.kind === 'init' ? 'initContainers' : where.kind === 'ephemeral' ? 'ephemeralContainers' : 'containers'}[${where.index}]`;
    const img = resolveImage(spec.image ?? '');
    if (!img.ok)
      return {
        ok: false,
        reason: img.lookup.reason ?? 'ErrImagePull',
        message: img.lookup.message,
      };
    const config = img.family.config(img.tag);

    // The image's tree is built once per family and tag and shared copy-on-write (fs/vfs.ts).
    const root = overlay(imageLayer(img.family, img.tag));
    const mountErr = this.mountVolumes(root, spec, base);
    if (mountErr)
      return {
        ok: false,
        reason: 'CreateContainerConfigError',
        message: mountErr.message,
        failedMount: mountErr,
      };

    const envRes = buildEnv(spec, ctx);
    if (!envRes.ok)
      return { ok: false, reason: 'CreateContainerConfigError', message: envRes.message };
    const kubeEnv = new Map(envRes.vars);
    const env = new Map<string, string>(Object.entries(config.env));
    env.set('HOSTNAME', podHostname(ctx.pod));
    for (const [k, v] of kubeEnv) env.set(k, v);
    if (!env.has('HOME')) env.set('HOME', '/root');

    const argv = resolveArgv(spec, config, kubeEnv);
    if (argv.length === 0)
      return {
        ok: false,
        reason: 'CreateContainerError',
        message: 'failed to generate container spec: no command specified',
      };

    const workingDir = normalizePath(spec.workingDir ?? config.workingDir ?? '/');
    new Vfs(root).mkdir(workingDir, true);
    const vfs = new Vfs(root, spec.securityContext?.readOnlyRootFilesystem === true);
    const limit = parseQuantity(spec.resources?.limits?.memory);
    const field: FieldRef = {
      doc: ctx.doc,
      path: spec.command ? `${base}.command` : spec.args ? `${base}.args` : `${base}.image`,
    };
    const c = new ContainerRuntime(
      this.port,
      argv,
      env,
      workingDir,
      vfs,
      img.family.userland(img.tag),
      limit,
      callbacks,
      config.stopSignal ?? 'SIGTERM',
      field,
      // An ephemeral container's targetContainerName: it joins the target's PID namespace.
      where.target instanceof ContainerRuntime ? where.target.pids : this.pids,
      spec.stdin === true && spec.tty === true,
    );
    this.containers.add(c);
    return { ok: true, container: c };
  }

  private mountVolumes(
    root: Dir,
    spec: Container,
    base: string,
  ): { volume: string; message: string } | undefined {
    const { ctx } = this;
    graftMount(root, '/etc/hosts', this.etc.hosts, false);
    graftMount(root, '/etc/resolv.conf', this.etc.resolv, false);
    graftMount(root, '/etc/hostname', this.etc.hostname, false);
    const mounts = spec.volumeMounts ?? [];
    const volumes = ctx.pod.spec?.volumes ?? [];
    const saMounted = mounts.some((m) => normalizePath(m.mountPath) === SA_PATH);
    if (ctx.pod.spec?.automountServiceAccountToken !== false && !saMounted)
      graftMount(root, SA_PATH, this.saVolume, true);
    for (const [i, m] of mounts.entries()) {
      const vol = volumes.find((v) => v.name === m.name);
      if (!vol) return { volume: m.name, message: `volume "${m.name}" not found in pod spec` };
      const built = this.volumeRoot(vol, `${base}.volumeMounts[${i}]`);
      if (!built.ok) return { volume: vol.name, message: built.message };
      let target: Dir | File | undefined = built.root;
      if (m.subPath) target = subPathNode(built.root, m.subPath, !built.readOnly);
      if (!target)
        return {
          volume: vol.name,
          message: `failed to prepare subPath for volumeMount "${m.name}" of container "${spec.name}"`,
        };
      const readOnly = built.readOnly || m.readOnly === true;
      graftMount(root, normalizePath(m.mountPath), target, readOnly);
      const fromPod = vol.downwardAPI || vol.projected?.sources?.some((x) => x.downwardAPI);
      if (fromPod && !m.subPath)
        this.podFieldMounts.push({ root, path: normalizePath(m.mountPath), vol, readOnly });
    }
    return undefined;
  }

  private volumeRoot(
    vol: Volume,
    path: string,
  ): { ok: true; root: Dir; readOnly: boolean } | { ok: false; message: string } {
    if (vol.emptyDir || vol.hostPath) {
      if (vol.hostPath) {
        const v = new Vfs(this.hostPaths.nodeRoot(this.ctx.nodeName));
        const p = normalizePath(vol.hostPath.path);
        if (!v.stat(p)) v.mkdir(p, true);
        const n = v.stat(p);
        if (n?.kind === 'dir') return { ok: true, root: n, readOnly: false };
      }
      let d = this.emptyDirs.get(vol.name);
      if (!d) this.emptyDirs.set(vol.name, (d = newDir()));
      return { ok: true, root: d, readOnly: false };
    }
    if (vol.configMap || vol.secret || vol.downwardAPI || vol.projected)
      return buildProjected(vol, this.ctx);
    this.diag(
      `Volume "${vol.name}": this volume type is not simulated; Podlab mounts an empty, writable directory instead.`,
      { doc: this.ctx.doc, path },
    );
    let d = this.emptyDirs.get(vol.name);
    if (!d) this.emptyDirs.set(vol.name, (d = newDir()));
    return { ok: true, root: d, readOnly: false };
  }

  /**
   * The pod object changed (a patch of its labels or annotations): the kubelet's volume manager
   * remounts the downward API volumes (downwardapi.go RequiresRemount), atomically; a subPath mount
   * keeps what it had. Environment variables never change.
   */
  updatePod(pod: SandboxContext['pod']): void {
    this.ctx = { ...this.ctx, pod };
    for (const m of this.podFieldMounts) {
      const built = buildProjected(m.vol, this.ctx);
      if (built.ok) graftMount(m.root, m.path, built.root, m.readOnly);
    }
  }

  private localHttp(req: HttpRequest): HttpResult {
    const e = this.ports.get(req.port);
    if (!e)
      return { ok: false, error: `dial tcp ${req.host}:${req.port}: connect: connection refused` };
    if (!e.l.http) return { ok: false, error: 'EOF' };
    const https = req.scheme === 'HTTPS';
    if (https && !e.l.tls)
      return { ok: false, error: 'http: server gave HTTP response to HTTPS client' };
    if (!https && e.l.tls)
      return { ok: true, status: 400, body: 'Client sent an HTTP request to an HTTPS server.\n' };
    return e.l.http(req);
  }

  private localTcp(host: string, port: number): TcpResult {
    return this.ports.has(port)
      ? { ok: true }
      : { ok: false, error: `dial tcp ${host}:${port}: connect: connection refused` };
  }

  httpGet(req: HttpRequest): HttpResult {
    const host = req.host || this.podIP;
    const r = host === req.host ? req : { ...req, host };
    if (host === this.podIP || host === 'localhost' || host === '127.0.0.1')
      return this.localHttp(r);
    return this.ctx.network.httpGet(r);
  }

  tcpConnect(port: number): TcpResult {
    return this.localTcp(this.podIP, port);
  }

  grpcCheck(port: number, service: string | undefined): GrpcResult {
    const e = this.ports.get(port);
    // Nothing listening, or a listener that does not speak HTTP/2 gRPC (the server preface is
    // wrong): the client channel keeps reconnecting and never becomes READY.
    if (!e || !e.l.grpc)
      return {
        ok: false,
        connecting: true,
        error: e
          ? 'connection error: desc = "error reading server preface: http2: frame too large"'
          : `connection error: desc = "transport: Error while dialing: dial tcp ${this.podIP}:${port}: connect: connection refused"`,
      };
    return { ok: true, status: e.l.grpc(service) };
  }

  /** The pause process died: in a shared PID namespace every process dies with it. */
  pauseDied(): void {
    this.pids?.pauseExit();
  }

  destroy(): void {
    for (const c of [...this.containers]) c.destroy();
    this.containers.clear();
    this.ports.clear();
  }
}
