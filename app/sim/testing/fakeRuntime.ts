/**
 * A scripted RuntimeModel for engine tests: each container's behaviour is a small script keyed by
 * container name (when it exits, how it answers SIGTERM, exec and HTTP), so kubelet timelines can
 * be asserted without the shell interpreter. Also the engine's fallback until a real runtime is passed.
 */
import type { Container } from '../../k8s/types.ts';
import type { Scheduler } from '../clock/types.ts';
import type {
  ContainerCallbacks,
  ContainerProcess,
  CreateContainerResult,
  ExecHandle,
  ExecResult,
  GrpcResult,
  HttpRequest,
  HttpResult,
  ImageLookup,
  PodSandbox,
  RuntimeModel,
  SandboxContext,
  Signal,
  TcpResult,
} from '../runtime/types.ts';

export interface FakeCtx {
  /** Simulated seconds. */
  now: number;
  startedAt: number;
  restartCount: number;
  /** Files shared by the pod's containers (a stand-in for volumes). */
  files: Set<string>;
}

export interface FakeBehaviour {
  /** The entrypoint exits by itself this many seconds after start (number or per-instance). */
  exitAfter?: number | ((ctx: FakeCtx) => number | undefined);
  exitCode?: number | ((ctx: FakeCtx) => number);
  exitReason?: string;
  /** SIGTERM (or the stop signal): ignored (default: `sh` as PID 1), or exit after N seconds. */
  onTerm?: 'ignore' | { after: number; exitCode?: number };
  stopSignal?: Signal;
  exec?: (
    argv: string[],
    ctx: FakeCtx,
  ) => { exitCode: number; output?: string; durationS?: number };
  http?: (path: string, port: number, ctx: FakeCtx) => number | 'refused' | 'timeout' | undefined;
  tcp?: (port: number, ctx: FakeCtx) => boolean | undefined;
  grpc?: (port: number, ctx: FakeCtx) => 'SERVING' | 'NOT_SERVING' | undefined;
  createError?: { reason: string; message: string };
}

export interface FakeImage {
  found?: boolean;
  presentOnNode?: boolean;
  pullS?: number;
  sizeBytes?: number;
  message?: string;
}

export interface FakeRuntimeOptions {
  behaviours?: Record<string, FakeBehaviour>;
  images?: Record<string, FakeImage>;
}

class FakeProcess implements ContainerProcess {
  running = false;
  private timers: number[] = [];
  private startedAtMs = 0;
  readonly stopSignal: Signal;

  constructor(
    private readonly s: Scheduler,
    private readonly b: FakeBehaviour,
    private readonly cb: ContainerCallbacks,
    private readonly ctxBase: { files: Set<string>; restartCount: number },
    readonly spec: Container,
  ) {
    this.stopSignal = b.stopSignal ?? 'SIGTERM';
  }

  ctx(): FakeCtx {
    return {
      now: this.s.now() / 1000,
      startedAt: this.startedAtMs / 1000,
      restartCount: this.ctxBase.restartCount,
      files: this.ctxBase.files,
    };
  }

  start(): void {
    this.running = true;
    this.startedAtMs = this.s.now();
    const after =
      typeof this.b.exitAfter === 'function' ? this.b.exitAfter(this.ctx()) : this.b.exitAfter;
    if (after !== undefined) {
      this.timers.push(
        this.s.after(after * 1000, () => {
          const code =
            typeof this.b.exitCode === 'function'
              ? this.b.exitCode(this.ctx())
              : (this.b.exitCode ?? 0);
          this.exit(code, this.b.exitReason);
        }),
      );
    }
  }

  exit(code: number, reason?: string): void {
    if (!this.running) return;
    this.running = false;
    for (const t of this.timers) this.s.cancel(t);
    this.timers = [];
    this.cb.onExit(code, reason ?? (code === 0 ? 'Completed' : 'Error'));
  }

  signal(sig: Signal): void {
    if (!this.running) return;
    if (sig === 'SIGKILL') return this.exit(137, 'Error');
    const t = this.b.onTerm ?? 'ignore';
    if (t === 'ignore') return;
    this.timers.push(this.s.after(t.after * 1000, () => this.exit(t.exitCode ?? 143)));
  }

  exec(argv: string[], opts: { timeoutMs?: number }, done: (r: ExecResult) => void): ExecHandle {
    if (!this.running) {
      done({ exitCode: 126, output: 'container not running' });
      return { cancel() {} };
    }
    const r = this.b.exec ? this.b.exec(argv, this.ctx()) : { exitCode: 0, output: '' };
    const dur = (r.durationS ?? 0) * 1000;
    const timeout = opts.timeoutMs && opts.timeoutMs > 0 ? opts.timeoutMs : undefined;
    const result = { exitCode: r.exitCode, output: r.output ?? '' };
    if (timeout !== undefined && dur > timeout) {
      const id = this.s.after(timeout, () => done({ exitCode: -1, output: '', timedOut: true }));
      return { cancel: () => this.s.cancel(id) };
    }
    if (dur <= 0) {
      done(result);
      return { cancel() {} };
    }
    const id = this.s.after(dur, () => done(result));
    return { cancel: () => this.s.cancel(id) };
  }

  memoryBytes(): number {
    return 1 << 20;
  }
}

class FakeSandbox implements PodSandbox {
  readonly files = new Set<string>();
  readonly procs: FakeProcess[] = [];
  private counts = new Map<string, number>();

  constructor(
    private readonly ctx: SandboxContext,
    private readonly behaviours: Record<string, FakeBehaviour>,
  ) {}

  get podIP(): string {
    return this.ctx.podIP;
  }

  createContainer(
    spec: Container,
    _where: unknown,
    callbacks: ContainerCallbacks,
  ): CreateContainerResult {
    const b = this.behaviours[spec.name] ?? {};
    if (b.createError) return { ok: false, ...b.createError };
    const n = this.counts.get(spec.name) ?? 0;
    this.counts.set(spec.name, n + 1);
    const p = new FakeProcess(
      this.ctx.scheduler,
      b,
      callbacks,
      { files: this.files, restartCount: n },
      spec,
    );
    this.procs.push(p);
    return { ok: true, container: p };
  }

  httpGet(req: HttpRequest): HttpResult {
    if (req.host !== this.podIP && req.host !== 'localhost' && req.host !== '127.0.0.1')
      return this.ctx.network.httpGet(req);
    for (const p of this.procs) {
      if (!p.running) continue;
      const b = this.behaviours[p.spec.name] ?? {};
      const declares = (p.spec.ports ?? []).some((x) => x.containerPort === req.port);
      const r = b.http ? b.http(req.path, req.port, p.ctx()) : declares ? 200 : undefined;
      if (r === undefined) continue;
      if (r === 'refused') return { ok: false, error: refused(req.host, req.port) };
      if (r === 'timeout') return { ok: false, error: 'context deadline exceeded', timeout: true };
      return { ok: true, status: r, body: '' };
    }
    return { ok: false, error: refused(req.host, req.port) };
  }

  tcpConnect(port: number): TcpResult {
    for (const p of this.procs) {
      if (!p.running) continue;
      const b = this.behaviours[p.spec.name] ?? {};
      const declares = (p.spec.ports ?? []).some((x) => x.containerPort === port);
      const r = b.tcp
        ? b.tcp(port, p.ctx())
        : b.http
          ? typeof b.http('/', port, p.ctx()) === 'number'
          : declares;
      if (r) return { ok: true };
    }
    return { ok: false, error: refused(this.podIP, port) };
  }

  grpcCheck(port: number): GrpcResult {
    for (const p of this.procs) {
      if (!p.running) continue;
      const r = this.behaviours[p.spec.name]?.grpc?.(port, p.ctx());
      if (r) return { ok: true, status: r };
    }
    return { ok: false, connecting: true, error: refused(this.podIP, port) };
  }

  destroy(): void {
    for (const p of this.procs) if (p.running) p.exit(137, 'Error');
  }
}

export function createFakeRuntime(
  opts: FakeRuntimeOptions = {},
): RuntimeModel & { sandboxes: FakeSandbox[] } {
  const sandboxes: FakeSandbox[] = [];
  return {
    sandboxes,
    inspectImage(image: string): ImageLookup {
      const i = opts.images?.[image] ?? {};
      if (i.found === false)
        return {
          found: false,
          ref: image,
          pullMs: (i.pullS ?? 0) * 1000,
          message:
            i.message ??
            `rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/${image}": not found`,
        };
      return {
        found: true,
        ref: image,
        pullMs: (i.pullS ?? 1) * 1000,
        sizeBytes: i.sizeBytes ?? 4_269_000,
        presentOnNode: i.presentOnNode ?? true,
      };
    },
    createSandbox(ctx: SandboxContext): PodSandbox {
      const s = new FakeSandbox(ctx, opts.behaviours ?? {});
      sandboxes.push(s);
      return s;
    },
  };
}

/** Go's net error text for a refused dial, as the real sandbox reports it. */
const refused = (host: string, port: number) =>
  `dial tcp ${host}:${port}: connect: connection refused`;
