/**
 * One container instance: its filesystem, process table, memory cgroup and log, and the Sys every
 * program inside it sees. PID 1 runs the entrypoint; exec'd commands (probes, hooks, kubectl exec)
 * are further processes. Exits are reported through a zero-delay timer, never from inside the
 * engine's own call (start/signal/exec), so the engine never sees re-entrant callbacks.
 */
import type {
  ContainerCallbacks,
  ContainerProcess,
  ExecHandle,
  ExecResult,
  Signal,
} from './types.ts';
import type { FieldRef } from '../../k8s/types.ts';
import type { Scheduler } from '../clock/types.ts';
import type { Gen, Job } from './process/effects.ts';
import { ProcKilled, SIGNALS } from './process/effects.ts';
import { Task } from './process/task.ts';
import { Stdin } from './process/types.ts';
import type {
  Io,
  Listener,
  Lookup,
  NetView,
  ProcInfo,
  ProgCtx,
  Program,
  SigAction,
  Sys,
} from './process/types.ts';
import { type File, type Vfs, fsEpoch, normalizePath } from './fs/vfs.ts';
import type { Userland } from './images/types.ts';
import { PROGRAMS } from './programs/index.ts';
import { LogSink } from './process/logSink.ts';
import { MAX_PROCESSES } from './limits.ts';
import { PidNamespace, type PidMember } from './pidNamespace.ts';

export interface SandboxPort {
  scheduler: Scheduler;
  podIP: string;
  hostname: string;
  namespace: string;
  net: NetView;
  listen(port: number, l: Listener, owner: ContainerRuntime): string | undefined;
  unlisten(owner: ContainerRuntime, pid?: number): void;
  /** The container has ended (exit or destroy): the sandbox stops tracking it. */
  gone(owner: ContainerRuntime): void;
  diag(message: string, field: FieldRef | undefined): void;
}

interface Entry {
  info: ProcInfo;
  task: Task;
  /** First process of its task (PID 1 or an exec'd command). */
  root: boolean;
}

/** Resident memory of a small process (a shell, sleep) until its program says otherwise. */
const BASE_PROCESS_BYTES = 512 * 1024;

export class ContainerRuntime implements ContainerProcess, Sys, PidMember {
  running = false;
  private exited = false;
  /** The entrypoint's PID: 1 in its own namespace. */
  private mainPid = 1;
  /** The PID namespace its processes live in (see the constructor). */
  readonly pids: PidNamespace;
  /** It joined another's namespace: its entrypoint is not that namespace's init. */
  private readonly joined: boolean;
  private execCount = 0;
  private procs = new Map<number, Entry>();
  private mem = new Map<number, number>();
  private execs = new Set<{ task: Task; finish: (r: ExecResult) => void; output: () => string }>();
  private readonly log: LogSink;
  private flushing = false;
  readonly fs: Vfs;
  readonly flavour: Sys['flavour'];

  constructor(
    private readonly sb: SandboxPort,
    private readonly argv: string[],
    private readonly env: Map<string, string>,
    private readonly workingDir: string,
    root: Vfs,
    userland: Userland,
    private readonly limitBytes: number | undefined,
    private readonly callbacks: ContainerCallbacks,
    readonly stopSignal: Signal,
    private readonly field: FieldRef | undefined,
    /**
     * The PID namespace it joins: the pod's (shareProcessNamespace: pause is PID 1, the entrypoint
     * an ordinary process) or a target container's (an ephemeral container with
     * targetContainerName). Undefined: a namespace of its own, whose PID 1 is the entrypoint.
     */
    joined?: PidNamespace,
    /** `stdin: true` with `tty: true` (kubectl debug -it): the main process has an open terminal. */
    private readonly terminal = false,
  ) {
    this.joined = joined !== undefined;
    this.pids = joined ?? PidNamespace.own();
    this.fs = root;
    this.log = new LogSink(
      () => this.now(),
      // A generator still on the stack when its container died must not log any more.
      (stream, line) => {
        if (!this.exited || this.flushing) callbacks.onLog(stream, line);
      },
      (m) => this.diag(m),
    );
    this.flavour = {
      gnu: userland.gnu,
      oldNslookup: userland.oldNslookup,
      shellName: userland.dash ? 'sh: 1' : 'sh',
      dash: userland.dash,
    };
  }

  // ---- ContainerProcess -------------------------------------------------------------------

  /** containerd's exec IDs are random 64-hex strings; here a hash of the pod, time and count. */
  private nextExecID(): string {
    const seed = `${this.sb.podIP}/${this.sb.hostname}/${this.argv.join(' ')}/${this.sb.scheduler.now()}/${this.execCount++}`;
    let h = 0x811c9dc5;
    let hex = '';
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < seed.length; i++)
        h = Math.imul(h ^ seed.charCodeAt(i), 16777619 + round) >>> 0;
      hex += h.toString(16).padStart(8, '0');
    }
    return hex;
  }

  start(): void {
    if (this.running || this.exited) return;
    const name = this.argv[0] ?? '';
    const found = this.lookup(name, this.env.get('PATH'), this.workingDir);
    const prog = this.programFor(found);
    if (!found || !prog) {
      const why =
        found?.kind === 'noexec' ? 'permission denied' : `exec: "${name}": ${notFoundWhy(name)}`;
      this.exited = true;
      this.sb.scheduler.after(0, () =>
        this.callbacks.onExit(
          128,
          'StartError',
          `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${why}: unknown`,
        ),
      );
      return;
    }
    this.running = true;
    this.mainPid = this.joined ? this.pids.alloc() : 1;
    this.pids.join(this);
    const argv = found.kind === 'script' ? ['sh', found.path, ...this.argv.slice(1)] : this.argv;
    const info: ProcInfo = {
      pid: this.mainPid,
      name: name.slice(name.lastIndexOf('/') + 1),
      cmd: argv.join(' '),
      pid1: !this.joined,
      alive: true,
    };
    const io = this.terminal ? { ...this.log.io(), stdin: new Stdin('', true) } : this.log.io();
    const task = new Task(
      prog(this.ctx(argv, io, info)),
      this.sb.scheduler,
      (code) => this.end(code, code === 0 ? 'Completed' : 'Error'),
      (m) => this.diag(m),
    );
    this.procs.set(this.mainPid, { info, task, root: true });
    this.mem.set(this.mainPid, BASE_PROCESS_BYTES);
    task.start();
  }

  signal(sig: Signal): void {
    if (!this.running) return;
    this.deliver(this.mainPid, sig);
  }

  exec(
    argv: string[],
    opts: { timeoutMs?: number; field?: FieldRef },
    done: (r: ExecResult) => void,
  ): ExecHandle {
    const noop = { cancel: () => undefined };
    if (!this.running) {
      // containerd's CRI ExecSync → execInContainer refuses a container whose task has exited.
      done({
        exitCode: 126,
        output: 'failed to exec in container: container is in CONTAINER_EXITED state',
        startError: true,
      });
      return noop;
    }
    const name = argv[0] ?? '';
    const found = this.lookup(name, this.env.get('PATH'), this.workingDir);
    const prog = this.programFor(found);
    if (!found || !prog) {
      // containerd ExecSync → execInternal: `failed to start exec "<execID>": <runc's error>`.
      const why = found?.kind === 'noexec' ? 'permission denied' : notFoundWhy(name);
      done({
        exitCode: 126,
        output: `failed to exec in container: failed to start exec "${this.nextExecID()}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": ${why}: unknown`,
        startError: true,
      });
      return noop;
    }
    let out = '';
    const sink = (s: string) => ((out += s), undefined);
    const fullArgv = found.kind === 'script' ? ['sh', found.path, ...argv.slice(1)] : argv;
    const info: ProcInfo = {
      pid: this.allocPid(),
      name: name.slice(name.lastIndexOf('/') + 1),
      cmd: fullArgv.join(' '),
      pid1: false,
      alive: true,
    };
    let timer: number | undefined;
    let finished = false;
    const finish = (r: ExecResult) => {
      if (finished) return;
      finished = true;
      if (timer !== undefined) this.sb.scheduler.cancel(timer);
      this.execs.delete(rec);
      this.dropProc(info.pid);
      done(r);
    };
    const ctx = this.ctx(fullArgv, { stdin: null, out: sink, err: sink }, info, opts.field);
    // Started lazily: a program that runs to its end when called (ps) is in the table by then.
    const task = new Task(
      (function* () {
        return yield* prog(ctx);
      })(),
      this.sb.scheduler,
      (code) => finish({ exitCode: code, output: out }),
      (m) => ctx.sys.diag(m),
    );
    const rec = { task, finish, output: () => out };
    this.execs.add(rec);
    this.procs.set(info.pid, { info, task, root: true });
    this.mem.set(info.pid, BASE_PROCESS_BYTES);
    if (opts.timeoutMs !== undefined && opts.timeoutMs > 0) {
      timer = this.sb.scheduler.after(opts.timeoutMs, () => {
        timer = undefined;
        task.kill();
        finish({ exitCode: 1, output: out, timedOut: true });
      });
    }
    task.start();
    return {
      cancel: () => {
        if (finished) return;
        finished = true;
        if (timer !== undefined) this.sb.scheduler.cancel(timer);
        task.kill();
        this.execs.delete(rec);
        this.dropProc(info.pid);
      },
    };
  }

  /**
   * The main process calls exit(code) now (a scenario's `kill: { exitCode }`): every process of
   * the container ends and onExit reports `code & 255` (Completed for 0, else Error) through the
   * usual zero-delay timer. Nothing happens when the container is not running.
   */
  exit(code: number): void {
    if (!this.running) return;
    const c = ((Math.trunc(code) % 256) + 256) % 256;
    this.end(c, c === 0 ? 'Completed' : 'Error');
  }

  memoryBytes(): number {
    let total = 0;
    for (const v of this.mem.values()) total += v;
    return total;
  }

  // ---- Sys ----------------------------------------------------------------------------------

  now(): number {
    return this.sb.scheduler.now();
  }
  get hostname(): string {
    return this.sb.hostname;
  }
  get podIP(): string {
    return this.sb.podIP;
  }
  get namespace(): string {
    return this.sb.namespace;
  }
  get net(): NetView {
    return this.sb.net;
  }

  listen(port: number, l: Listener): string | undefined {
    return this.sb.listen(port, l, this);
  }
  unlisten(pid: number): void {
    this.sb.unlisten(this, pid);
  }

  setMemory(pid: number, bytes: number): void {
    this.mem.set(pid, bytes);
    if (this.limitBytes !== undefined && this.memoryBytes() > this.limitBytes)
      this.end(137, 'OOMKilled');
  }
  memoryLimit(): number | undefined {
    return this.limitBytes;
  }

  /** PATH (or, for names with a slash, cwd) → name → what it resolves to (null: not found). */
  private lookupCache = new Map<string, Map<string, Lookup | null>>();
  private lookupShape = -1;
  private lookupCount = 0;

  lookup(name: string, path: string | undefined, cwd: string): Lookup | undefined {
    // Any tree's shape change (a script written to a shared volume by a sibling) invalidates it.
    if (this.lookupShape !== fsEpoch() || this.lookupCount > 500) {
      this.lookupCache.clear();
      this.lookupShape = fsEpoch();
      this.lookupCount = 0;
    }
    // Keyed without building a string: PATH is the same string object on every call.
    const outer = name.includes('/') ? '/' + cwd : (path ?? '');
    let byName = this.lookupCache.get(outer);
    if (!byName) this.lookupCache.set(outer, (byName = new Map()));
    const hit = byName.get(name);
    if (hit !== undefined) return hit ?? undefined;
    const r = this.lookupUncached(name, path, cwd);
    this.lookupCount++;
    byName.set(name, r ?? null);
    return r;
  }

  private lookupUncached(name: string, path: string | undefined, cwd: string): Lookup | undefined {
    if (name === '') return undefined;
    if (name.includes('/')) {
      const p = normalizePath(name, cwd);
      const n = this.fs.stat(p);
      if (n?.kind !== 'file') return undefined;
      return asLookup(n, p) ?? { kind: 'noexec', path: p };
    }
    // Each PATH directory is resolved once (cached by the Vfs), then the name is one Map lookup.
    for (const d of pathDirs(path)) {
      const dir = this.fs.stat(d);
      if (dir?.kind !== 'dir') continue;
      const e = dir.entries.get(name);
      const n = e?.kind === 'mount' ? e.target : e;
      if (n?.kind !== 'file') continue;
      const found = asLookup(n, `${d}/${name}`);
      if (found) return found;
    }
    return undefined;
  }

  program(id: string): Program | undefined {
    return PROGRAMS[id];
  }

  private allocPid(): number {
    return this.pids.alloc();
  }

  spawnChild(parent: ProcInfo, name: string): ProcInfo {
    const info: ProcInfo = { pid: this.allocPid(), name, pid1: false, alive: true };
    const pe = this.procs.get(parent.pid);
    if (pe) this.procs.set(info.pid, { info, task: pe.task, root: false });
    return info;
  }

  exitProc(p: ProcInfo): void {
    this.dropProc(p.pid);
  }

  spawnJob(
    parent: ProcInfo,
    name: string,
    body: (self: ProcInfo) => Gen,
  ): { job: Job; pid: number } | undefined {
    // The pids cgroup: fork fails with EAGAIN once the container has MAX_PROCESSES.
    if (this.procs.size >= MAX_PROCESSES) return undefined;
    const info: ProcInfo = { pid: this.allocPid(), name, pid1: false, alive: true };
    const task = new Task(
      body(info),
      this.sb.scheduler,
      () => this.dropProc(info.pid),
      (m) => this.diag(m),
    );
    if (this.exited) return { job: task, pid: info.pid };
    this.procs.set(info.pid, { info, task, root: true });
    void parent;
    task.start();
    return { job: task, pid: info.pid };
  }

  /**
   * kill(2) from a process: checked now, delivered at the same instant after the sender runs on
   * (the sender of `nginx -s quit` returns before the master reacts).
   */
  kill(pid: number, sig: Signal | 0): string | undefined {
    // kill 0 / kill -1: the caller's process group, here the container's processes (its main one).
    const target = pid <= 0 ? this.mainPid : pid;
    if (this.owns(target)) return this.killOwn(target, sig);
    return this.pids.kill(target, sig);
  }

  owns(pid: number): boolean {
    return this.procs.get(pid)?.info.alive === true;
  }

  procList(): ProcInfo[] {
    const out: ProcInfo[] = [];
    for (const e of this.procs.values()) if (e.info.alive) out.push(e.info);
    return out;
  }

  killedWithNamespace(): void {
    if (this.running) this.end(137, 'Error');
  }

  killOwn(pid: number, sig: Signal | 0): string | undefined {
    const e = this.procs.get(pid);
    if (!e || !e.info.alive) return 'No such process';
    if (sig === 0) return undefined;
    // Inside its PID namespace, init only receives signals it has a handler for — not even SIGKILL.
    if (e.info.pid1 && (sig === 'SIGKILL' || !e.info.handler)) return undefined;
    this.sb.scheduler.after(0, () => this.deliver(pid, sig));
    return undefined;
  }

  private deliver(pid: number, sig: Signal): void {
    const e = this.procs.get(pid);
    if (!e || !e.info.alive || this.exited) return;
    const { info, task } = e;
    const action: SigAction =
      sig === 'SIGKILL'
        ? { exit: 137 }
        : info.handler
          ? info.handler(sig)
          : info.pid1
            ? 'ignore'
            : { exit: 128 + SIGNALS[sig] };
    if (action === 'ignore') return;
    if (action === 'deliver') {
      if (info.child) {
        if (task.waiting === 'busy') task.wake();
      } else if (task.waiting) task.deliver(sig);
      return;
    }
    if (info.pid1) this.end(action.exit, action.exit === 0 ? 'Completed' : 'Error');
    else if (e.root) task.terminate(action.exit);
    else task.throwInto(new ProcKilled(pid, action.exit));
  }

  after(ms: number, cb: () => void): () => void {
    const id = this.sb.scheduler.after(ms, () => {
      if (!this.exited) cb();
    });
    return () => this.sb.scheduler.cancel(id);
  }

  /** The processes this container sees (the whole pod's in a shared PID namespace), by PID. */
  findProcs(name: string): ProcInfo[] {
    const all = this.pids.list();
    return name === '' ? all : all.filter((p) => p.name === name);
  }

  diag(message: string): void {
    this.sb.diag(message, this.field);
  }

  // ---- internals ----------------------------------------------------------------------------

  /** Kill everything now, without reporting (sandbox destroyed). */
  destroy(): void {
    if (this.exited) return;
    this.exited = true;
    this.running = false;
    this.teardown(137);
  }

  private end(code: number, reason: string): void {
    if (this.exited) return;
    this.exited = true;
    this.running = false;
    this.teardown(137);
    this.flushing = true;
    this.log.flush();
    this.flushing = false;
    this.sb.scheduler.after(0, () => this.callbacks.onExit(code, reason));
  }

  private teardown(execCode: number): void {
    for (const e of this.procs.values()) {
      e.info.alive = false;
      e.task.kill();
    }
    for (const x of [...this.execs]) x.finish({ exitCode: execCode, output: x.output() });
    this.procs.clear();
    this.mem.clear();
    this.pids.leave(this);
    // Its entrypoint was the namespace's init: an ephemeral container that joined it dies too.
    if (!this.joined) this.pids.initExited(this);
    this.sb.unlisten(this);
    this.sb.gone(this);
  }

  private dropProc(pid: number): void {
    const e = this.procs.get(pid);
    if (e) e.info.alive = false;
    this.procs.delete(pid);
    this.mem.delete(pid);
    if (!this.exited) this.sb.unlisten(this, pid);
  }

  private programFor(found: Lookup | undefined): Program | undefined {
    if (!found || found.kind === 'noexec') return undefined;
    return PROGRAMS[found.kind === 'script' ? 'sh' : found.program];
  }

  /** One Sys per YAML field that execs here (a probe's command runs every period). */
  private fieldSys = new WeakMap<FieldRef, Sys>();

  private sysFor(field: FieldRef): Sys {
    let s = this.fieldSys.get(field);
    if (!s) this.fieldSys.set(field, (s = withDiag(this, (m) => this.sb.diag(m, field))));
    return s;
  }

  private ctx(argv: string[], io: Io, self: ProcInfo, field?: FieldRef): ProgCtx {
    const sys: Sys = field ? this.sysFor(field) : this;
    // env is shared read-only: programs that change it (env, sh) copy it first.
    return { argv, env: this.env, cwd: this.workingDir, io, self, sys };
  }
}

/** The container's Sys with diagnostics pinned to another YAML field (an exec probe or hook). */
function withDiag(c: ContainerRuntime, diag: (m: string) => void): Sys {
  return {
    fs: c.fs,
    flavour: c.flavour,
    hostname: c.hostname,
    podIP: c.podIP,
    namespace: c.namespace,
    net: c.net,
    now: () => c.now(),
    listen: (p, l) => c.listen(p, l),
    unlisten: (pid) => c.unlisten(pid),
    setMemory: (pid, b) => c.setMemory(pid, b),
    memoryLimit: () => c.memoryLimit(),
    lookup: (n, p, cwd) => c.lookup(n, p, cwd),
    program: (id) => c.program(id),
    spawnChild: (p, n) => c.spawnChild(p, n),
    exitProc: (p) => c.exitProc(p),
    spawnJob: (p, n, b) => c.spawnJob(p, n, b),
    kill: (pid, s) => c.kill(pid, s),
    findProcs: (n) => c.findProcs(n),
    after: (ms, cb) => c.after(ms, cb),
    diag,
  };
}

/** An executable's lookup: a program, or a script with its exec bit (else EACCES). */
function asLookup(n: File, path: string): Lookup | undefined {
  if (n.program) return { kind: 'program', path, program: n.program };
  if (n.exec) return { kind: 'script', path };
  return undefined;
}

const dirsCache = new Map<string, string[]>();

function pathDirs(path: string | undefined): string[] {
  const p = path ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  let dirs = dirsCache.get(p);
  if (!dirs) {
    dirs = p.split(':').filter((d) => d.startsWith('/'));
    if (dirsCache.size > 100) dirsCache.clear();
    dirsCache.set(p, dirs);
  }
  return dirs;
}

/** runc's reason when argv[0] cannot be found: a path is stat'ed, a bare name searched in $PATH. */
function notFoundWhy(name: string): string {
  return name.includes('/')
    ? `stat ${name}: no such file or directory`
    : 'executable file not found in $PATH';
}
