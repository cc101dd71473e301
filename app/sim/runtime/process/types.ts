/**
 * What a simulated program sees of its container: argv/env/cwd/stdio, its own process entry, and
 * the container's services (filesystem, clock, network, process table, ports, memory).
 */
import type { HttpRequest, HttpResult, Signal, TcpResult } from '../types.ts';
import type { Vfs } from '../fs/vfs.ts';
import type { Gen, Job } from './effects.ts';

/** Writes text; returns an error text (e.g. `Read-only file system`) when the write fails. */
export type Sink = (s: string) => string | undefined;

/** A readable stream: `read` consumes lines, `cat` the rest. */
export class Stdin {
  pos = 0;
  constructor(
    readonly data: string,
    /** A terminal that stays open (`stdin: true, tty: true`, kubectl debug -it): never EOF. */
    readonly tty = false,
  ) {}
  readLine(): string | undefined {
    if (this.pos >= this.data.length) return undefined;
    const nl = this.data.indexOf('\n', this.pos);
    const end = nl < 0 ? this.data.length : nl;
    const line = this.data.slice(this.pos, end);
    this.pos = nl < 0 ? end : end + 1;
    return line;
  }
  readAll(): string {
    const rest = this.data.slice(this.pos);
    this.pos = this.data.length;
    return rest;
  }
}

export interface Io {
  stdin: Stdin | null;
  out: Sink;
  err: Sink;
}

/** What a process does with a signal: ignore it, exit with a code, or see it at its yield point. */
export type SigAction = 'ignore' | 'deliver' | { exit: number };

export interface ProcInfo {
  readonly pid: number;
  name: string;
  /** The command line `ps` prints (argv joined, or the title a program sets); else `name`. */
  cmd?: string;
  /** The user `ps` prints; root unless said otherwise. */
  user?: string;
  readonly pid1: boolean;
  handler?: (sig: Signal) => SigAction;
  /** The foreground child this process is waiting for (innermost process of its chain). */
  child?: ProcInfo;
  alive: boolean;
}

/** Answers one HTTP request to a listening port. */
export type HttpHandler = (req: HttpRequest) => HttpResult;

export interface Listener {
  pid: number;
  /** undefined: TCP only (answers connects, HTTP gets an empty reply). */
  http?: HttpHandler;
  grpc?: (service: string | undefined) => 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN';
  /** Speaks TLS (an HTTPS request to a plain-HTTP server fails, and the reverse). */
  tls?: boolean;
}

export interface NetView {
  /** DNS from inside the pod (search path applied by the cluster). */
  resolve(name: string): string[] | undefined;
  httpGet(req: HttpRequest): HttpResult;
  tcpConnect(host: string, port: number, timeoutMs?: number): TcpResult;
}

export type Lookup =
  | { kind: 'program'; path: string; program: string }
  | { kind: 'script'; path: string }
  | { kind: 'noexec'; path: string };

export interface Sys {
  readonly fs: Vfs;
  now(): number;
  /** busybox 1.28 and older print nslookup in the old format. */
  readonly flavour: { oldNslookup: boolean; shellName: string; gnu: boolean; dash: boolean };
  readonly hostname: string;
  readonly podIP: string;
  readonly namespace: string;
  readonly net: NetView;
  listen(port: number, l: Listener): string | undefined;
  unlisten(pid: number): void;
  /** A process's memory usage (bytes); may OOM-kill the container. */
  setMemory(pid: number, bytes: number): void;
  /** The container's memory limit in bytes, if any. */
  memoryLimit(): number | undefined;
  lookup(name: string, path: string | undefined, cwd: string): Lookup | undefined;
  program(id: string): ((ctx: ProgCtx) => Gen) | undefined;
  /** New child process entry under `parent` (running inline in the parent's chain). */
  spawnChild(parent: ProcInfo, name: string): ProcInfo;
  exitProc(p: ProcInfo): void;
  /** Run `gen` concurrently (a background job `cmd &`); undefined: fork failed (pids limit). */
  spawnJob(
    parent: ProcInfo,
    name: string,
    body: (self: ProcInfo) => Gen,
  ): { job: Job; pid: number } | undefined;
  /** kill(2): undefined or an error text. */
  kill(pid: number, sig: Signal | 0): string | undefined;
  findProcs(name: string): ProcInfo[];
  /** A one-shot timer in simulated time; returns its cancel function. */
  after(ms: number, cb: () => void): () => void;
  /** A warning at the YAML field this process came from. */
  diag(message: string): void;
}

export interface ProgCtx {
  argv: string[];
  env: Map<string, string>;
  cwd: string;
  io: Io;
  self: ProcInfo;
  sys: Sys;
}

export type Program = (ctx: ProgCtx) => Gen;
