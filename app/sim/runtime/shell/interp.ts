/**
 * The shell interpreter: walks the syntax tree as a generator, so a script is a resumable
 * computation that yields to the Scheduler whenever a command waits (sleep, wait, a server).
 *
 * Signals (busybox ash / POSIX): a trapped signal is queued and its action runs after the current
 * foreground command ends — a `sleep 600` child is not interrupted, because the runtime signals
 * only PID 1, not its children. `wait` is interrupted at once (exit 128+n, then the trap runs). An
 * untrapped SIGTERM is ignored by a PID 1 shell (the kernel drops default-action signals for PID 1
 * of a PID namespace) and kills any other shell with 143.
 */
import type { Signal } from '../types.ts';
import type { Gen, Job } from '../process/effects.ts';
import { SIGNALS } from '../process/effects.ts';
import type { Io, ProcInfo, ProgCtx } from '../process/types.ts';
import { Stdin } from '../process/types.ts';
import type { Command, List, Pipeline } from './ast.ts';
import { ShellSyntaxError } from './ast.ts';
import { parseScript } from './parse.ts';
import { matchPattern } from './pattern.ts';
import * as X from './expand.ts';
import { runExternal } from './external.ts';
import { CpuMeter } from './cpu.ts';
import type { ShellState } from './shellState.ts';
import { reapJobs } from './jobs.ts';
import {
  COMMAND_UNITS,
  CPU_UNITS_PER_MS,
  MAX_PROCESSES,
  MAX_SHELL_DEPTH,
  OutOfMemory,
  SEGFAULT_EXIT,
  MAX_STRING_LENGTH,
  STEP_LIMIT,
} from '../limits.ts';

const MAX_STRING_MIB = MAX_STRING_LENGTH / (1024 * 1024);
import { BreakLoop, ContinueLoop, ExitShell, ReturnFunc, StackOverflow } from './control.ts';
export { BreakLoop, ContinueLoop, ExitShell, ReturnFunc };
export { STEP_LIMIT };

export type Builtin = (sh: Shell, argv: string[], io: Io) => Gen;

export class Shell implements ShellState {
  vars: VarMap;
  exported: NameSet;
  /** The exported environment as last built (the process env when nothing changed). */
  private envCache: { version: number; exported: number; env: Map<string, string> };
  args: string[] = [];
  arg0 = 'sh';
  status = 0;
  traps = new Map<string, string>();
  pending: Signal[] = [];
  funcs = new Map<string, Command>();
  cwd: string;
  jobs: Job[] = [];
  /** Length of `jobs` at which finished jobs are next reaped (amortised: doubles). */
  private reapAt = 64;
  lastBgPid = 0;
  /** Nesting of function calls, eval, subshells and jobs (MAX_SHELL_DEPTH). */
  depth = 0;
  /** The CPU this shell's process tree shares (limits.ts). */
  cpu: CpuMeter;
  /** State of the deterministic $RANDOM generator. */
  randomState = 0;
  /** `set -e`, `set -x`, `set -u`. */
  opts = { errexit: false, xtrace: false, nounset: false };
  /** Inside a tested context (if/while condition, left of && or ||): errexit is off. */
  condDepth = 0;
  /** `sh -c 'one command'` execs it in place of the shell (ash and bash do). */
  execNext = false;
  private inTrap = false;
  /** Status of the last command substitution (the status of an assignment-only command). */
  lastSub: number | undefined;

  constructor(
    readonly ctx: ProgCtx,
    private readonly builtins: Record<string, Builtin>,
    top = true,
  ) {
    this.cwd = ctx.cwd;
    this.vars = new VarMap(ctx.env);
    this.exported = new NameSet(ctx.env);
    this.envCache = { version: this.vars.version, exported: this.exported.size, env: ctx.env };
    this.cpu = new CpuMeter(ctx.sys.now());
    if (top) ctx.self.handler = (sig) => this.onSignal(sig);
  }

  get sys() {
    return this.ctx.sys;
  }
  get self(): ProcInfo {
    return this.ctx.self;
  }

  private onSignal(sig: Signal): 'ignore' | 'deliver' | { exit: number } {
    const act = this.traps.get(sig.slice(3));
    if (act === undefined) return this.self.pid1 ? 'ignore' : { exit: 128 + SIGNALS[sig] };
    if (act === '') return 'ignore';
    this.pending.push(sig);
    return 'deliver';
  }

  /** A subshell: same process, copied state, traps reset. */
  clone(self: ProcInfo = this.self): Shell {
    const s = new Shell({ ...this.ctx, env: new Map(), self }, this.builtins, false);
    s.vars = this.vars.fork();
    s.exported = this.exported.fork();
    s.envCache = this.envCache;
    s.args = [...this.args];
    s.arg0 = this.arg0;
    s.status = this.status;
    s.funcs = new Map(this.funcs);
    s.opts = { ...this.opts };
    s.condDepth = this.condDepth;
    s.cwd = this.cwd;
    s.cpu = this.cpu;
    s.depth = this.depth + 1;
    return s;
  }

  /** Run a whole script; returns the shell's exit status (EXIT trap included). */
  *runScript(src: string, io: Io): Gen {
    const list = parseScript(src);
    if (list instanceof ShellSyntaxError) {
      io.err(`${this.sys.flavour.shellName}: ${list.message}\n`);
      this.sys.diag(
        `Shell ${list.message} in \`${src.length > 80 ? src.slice(0, 77) + '...' : src}\`: the shell exits 2 without running anything.`,
      );
      return 2;
    }
    const only = list.items[0];
    this.execNext =
      list.items.length === 1 &&
      !only!.bg &&
      only!.ao.rest.length === 0 &&
      !only!.ao.first.bang &&
      only!.ao.first.cmds.length === 1 &&
      only!.ao.first.cmds[0]!.t === 'simple';
    let code: number;
    try {
      code = yield* this.runList(list, io);
    } catch (e) {
      // A segfault ends the process at once: no EXIT trap.
      if (e instanceof StackOverflow) return SEGFAULT_EXIT;
      const end = this.endStatus(e);
      if (end !== undefined) code = end;
      else if (e instanceof BreakLoop || e instanceof ContinueLoop) code = this.status;
      else if (e instanceof ReturnFunc) code = e.code;
      else throw e;
    }
    const exitTrap = this.traps.get('EXIT');
    if (exitTrap) {
      this.traps.delete('EXIT');
      this.status = code;
      try {
        yield* this.evalString(exitTrap, io);
      } catch (e) {
        const end = this.endStatus(e);
        if (end !== undefined) code = end;
        else throw e;
      }
    }
    return code;
  }

  /**
   * The exit status of a process — this shell, or the subshell forked for `( )`, `$( )`, a
   * pipeline stage or `&` — that `e` ends (`exit`, a segfault, malloc failing), else undefined.
   */
  endStatus(e: unknown): number | undefined {
    if (e instanceof ExitShell) return e.code;
    if (e instanceof StackOverflow) return SEGFAULT_EXIT;
    if (e instanceof OutOfMemory) {
      const dash = this.sys.flavour.dash;
      // dash's memalloc.c: sh_error("Out of space"); busybox ash: bb_msg_memory_exhausted.
      this.ctx.io.err(
        `${this.sys.flavour.shellName}: ${dash ? 'Out of space' : 'out of memory'}\n`,
      );
      this.sys.diag(
        `The script built a string longer than ${MAX_STRING_MIB} MiB (${e.what}); Podlab bounds every value a process holds, and the shell fails as it does when memory runs out: exit 2.`,
      );
      return 2;
    }
    return undefined;
  }

  /** One level deeper (a function call, eval, `.`): past MAX_SHELL_DEPTH the stack is gone. */
  private enter(): void {
    if (++this.depth <= MAX_SHELL_DEPTH) return;
    this.depth--;
    this.sys.diag(
      `The script nested functions, eval, subshells and compound commands more than ${MAX_SHELL_DEPTH} deep (unbounded recursion?). A real shell recurses until its stack runs out and dies of SIGSEGV; Podlab's simulated stack ends at ${MAX_SHELL_DEPTH} and the process exits ${SEGFAULT_EXIT}.`,
    );
    throw new StackOverflow();
  }

  *evalString(src: string, io: Io): Gen {
    const list = parseScript(src);
    if (list instanceof ShellSyntaxError) {
      io.err(`${this.sys.flavour.shellName}: ${list.message}\n`);
      return 2;
    }
    this.enter();
    try {
      return yield* this.runList(list, io);
    } finally {
      this.depth--;
    }
  }

  /** Remember a background job; finished ones are reaped so a loop of `cmd &` stays bounded. */
  private addJob(job: Job): void {
    this.jobs.push(job);
    if (this.jobs.length < this.reapAt) return;
    this.jobs = reapJobs(this.jobs);
    this.reapAt = Math.max(64, this.jobs.length * 2);
  }

  *runList(list: List, io: Io): Gen {
    let code = this.status;
    for (const item of list.items) {
      if (item.bg) {
        const spawned = this.sys.spawnJob(this.self, 'sh', (self) =>
          this.clone(self).runAndOrTop(item.ao, io),
        );
        if (!spawned) {
          // fork(2) failed with EAGAIN (the pids limit): ash raises an error, the shell exits 2.
          io.err(`${this.sys.flavour.shellName}: can't fork: Resource temporarily unavailable\n`);
          this.sys.diag(
            `The container reached ${MAX_PROCESSES} processes (background jobs that are never waited for?): fork fails as under a pids limit, and the shell exits 2.`,
          );
          throw new ExitShell(2);
        }
        this.addJob(spawned.job);
        this.lastBgPid = spawned.pid;
        code = 0;
      } else code = yield* this.runAndOr(item.ao, io);
      this.status = code;
    }
    return code;
  }

  private *runAndOrTop(ao: List['items'][number]['ao'], io: Io): Gen {
    try {
      return yield* this.runAndOr(ao, io);
    } catch (e) {
      const end = this.endStatus(e);
      if (end !== undefined) return end;
      throw e;
    }
  }

  *runAndOr(ao: List['items'][number]['ao'], io: Io): Gen {
    const all = [ao.first, ...ao.rest.map((r) => r.p)];
    let code = 0;
    let last = ao.first;
    for (let i = 0; i < all.length; i++) {
      if (i > 0) {
        const op = ao.rest[i - 1]!.op;
        if ((op === '&&' && code !== 0) || (op === '||' && code === 0)) continue;
      }
      last = all[i]!;
      // Only the last command of an && / || list can trigger `set -e`.
      const guarded = i < all.length - 1;
      if (guarded) this.condDepth++;
      try {
        code = yield* this.runPipeline(last, io);
      } finally {
        if (guarded) this.condDepth--;
      }
    }
    if (
      this.opts.errexit &&
      code !== 0 &&
      this.condDepth === 0 &&
      !last.bang &&
      last === all[all.length - 1]
    )
      throw new ExitShell(code);
    return code;
  }

  /** Run a list whose status is tested (if/while/until conditions): `set -e` does not apply. */
  private *runCondition(list: List, io: Io): Gen {
    this.condDepth++;
    try {
      return yield* this.runList(list, io);
    } finally {
      this.condDepth--;
    }
  }

  private *runPipeline(p: Pipeline, io: Io): Gen {
    let code = 0;
    if (p.cmds.length === 1) code = yield* this.runCommand(p.cmds[0]!, io);
    else {
      let stdin = io.stdin;
      for (let i = 0; i < p.cmds.length; i++) {
        const last = i === p.cmds.length - 1;
        let buf = '';
        const out = last ? io.out : (s: string) => ((buf = this.capture(buf, s)), undefined);
        // Pipeline stages other than the last run in subshells.
        const sh = last ? this : this.clone();
        try {
          code = yield* sh.runCommand(p.cmds[i]!, { stdin, out, err: io.err });
        } catch (e) {
          // A stage's segfault ends that stage's process only.
          if (last || !(e instanceof StackOverflow)) throw e;
          code = SEGFAULT_EXIT;
        }
        stdin = new Stdin(buf);
      }
    }
    if (p.bang) code = code === 0 ? 1 : 0;
    this.status = code;
    return code;
  }

  *runCommand(cmd: Command, io: Io): Gen {
    let rio = io;
    if (cmd.redirs.length > 0 && cmd.t !== 'simple') {
      const r = yield* X.redirect(this, cmd.redirs, io);
      if (typeof r === 'number') return r;
      rio = r;
    }
    // Compound commands nest the interpreter's stack too: they count toward MAX_SHELL_DEPTH.
    const nests = cmd.t !== 'simple' && cmd.t !== 'func' && cmd.t !== 'dbracket';
    if (nests) this.enter();
    let code: number;
    try {
      code = yield* this.runCommandInner(cmd, rio);
    } finally {
      if (nests) this.depth--;
    }
    this.status = code;
    if (this.pending.length > 0) yield* this.runTraps(io);
    return code;
  }

  private *runCommandInner(cmd: Command, io: Io): Gen {
    switch (cmd.t) {
      case 'simple':
        return yield* this.runSimple(cmd, io);
      case 'group': {
        if (!cmd.sub) return yield* this.runList(cmd.body, io);
        const sub = this.clone();
        try {
          return yield* sub.runList(cmd.body, io);
        } catch (e) {
          const end = sub.endStatus(e);
          if (end !== undefined) return end;
          throw e;
        }
      }
      case 'if': {
        for (const c of cmd.clauses) {
          if ((yield* this.runCondition(c.cond, io)) === 0) return yield* this.runList(c.body, io);
        }
        return cmd.els ? yield* this.runList(cmd.els, io) : 0;
      }
      case 'loop': {
        let last = 0;
        for (;;) {
          if (this.step()) yield* this.busy();
          const c = yield* this.runCondition(cmd.cond, io);
          if (cmd.until ? c === 0 : c !== 0) break;
          const r = yield* this.loopBody(cmd.body, io);
          if (r === 'break') break;
          if (typeof r === 'number') last = r;
        }
        return last;
      }
      case 'for': {
        const items = cmd.items ? yield* X.expandWords(this, cmd.items) : [...this.args];
        let last = 0;
        for (const v of items) {
          if (this.step()) yield* this.busy();
          this.vars.set(cmd.name, v);
          const r = yield* this.loopBody(cmd.body, io);
          if (r === 'break') break;
          if (typeof r === 'number') last = r;
        }
        return last;
      }
      case 'case': {
        const w = yield* X.expandStr(this, cmd.word);
        for (const item of cmd.items) {
          for (const p of item.pats) {
            const pat = yield* X.expandPattern(this, p);
            if (matchPattern(pat, w)) return yield* this.runList(item.body, io);
          }
        }
        return 0;
      }
      case 'func':
        this.funcs.set(cmd.name, cmd.body);
        return 0;
      case 'dbracket':
        return yield* this.runDoubleBracket(cmd, io);
    }
  }

  private *loopBody(body: List, io: Io): Gen<number | 'break' | 'continue'> {
    try {
      return yield* this.runList(body, io);
    } catch (e) {
      if (e instanceof BreakLoop) {
        if (e.n > 1) {
          e.n--;
          throw e;
        }
        return 'break';
      }
      if (e instanceof ContinueLoop) {
        if (e.n > 1) {
          e.n--;
          throw e;
        }
        return 'continue';
      }
      throw e;
    }
  }

  /**
   * Counts commands per simulated instant, over the shell's whole process tree (subshells and
   * jobs too, so a fork bomb counts); true past STEP_LIMIT (the script is a busy loop: the caller
   * then runs `busy()`). Not a generator, so the common case allocates nothing.
   */
  step(): boolean {
    const m = this.cpu;
    const now = this.sys.now();
    if (now !== m.stepsAt) {
      m.stepsAt = now;
      m.steps = 0;
    }
    m.charge(COMMAND_UNITS);
    return ++m.steps > STEP_LIMIT;
  }

  /** `buf + s` for output the shell captures (a pipe, `$( )`): bounded and charged as work. */
  capture(buf: string, s: string): string {
    const n = buf.length + s.length;
    if (n > MAX_STRING_LENGTH) throw new OutOfMemory('captured output');
    this.cpu.charge(s.length);
    return buf + s;
  }

  /** Wait for the CPU when the work done passed the CPU model's budget (limits.ts). */
  *throttle(): Gen<void> {
    const ms = this.cpu.due(this.sys.now());
    if (ms === 0) return;
    if (!this.cpu.throttled) {
      this.cpu.throttled = true;
      this.sys.diag(
        `The script does more work (commands, text split or captured) than Podlab's CPU model gives a process (about ${(CPU_UNITS_PER_MS * 1000) / COMMAND_UNITS} commands or ${CPU_UNITS_PER_MS * 1000} bytes per simulated second): it is slowed down, and simulated time passes while it computes.`,
      );
    }
    yield { t: 'sleep', ms };
    // Time spent computing is not a wait: a loop that never sleeps is still a busy loop.
    this.cpu.stepsAt = this.sys.now();
  }

  *busy(): Gen<void> {
    if (!this.cpu.busyReported) {
      this.cpu.busyReported = true;
      this.sys.diag(
        `The script ran ${STEP_LIMIT} commands without letting time pass (a loop without sleep?). Podlab stops interpreting it here and treats the process as busy-looping: it keeps running and prints nothing more until a signal or a kill ends it.`,
      );
    }
    yield { t: 'busy' };
    this.cpu.steps = 0;
    this.cpu.stepsAt = this.sys.now();
  }

  *runTraps(io: Io): Gen<void> {
    while (this.pending.length > 0 && !this.inTrap) {
      const sig = this.pending.shift()!;
      const act = this.traps.get(sig.slice(3));
      if (!act) continue;
      this.inTrap = true;
      const saved = this.status;
      try {
        yield* this.evalString(act, io);
      } finally {
        this.inTrap = false;
      }
      this.status = saved;
    }
  }

  private *runSimple(cmd: Extract<Command, { t: 'simple' }>, io: Io): Gen {
    if (this.step()) yield* this.busy();
    yield* this.throttle();
    this.lastSub = undefined;
    const argv = X.staticWords(cmd.words) ?? (yield* X.expandWords(this, cmd.words));
    const assigns: [string, string][] = [];
    for (const a of cmd.assigns) assigns.push([a.name, yield* X.expandStr(this, a.value)]);
    let rio = io;
    if (cmd.redirs.length > 0) {
      const r = yield* X.redirect(this, cmd.redirs, io);
      if (typeof r === 'number') return r;
      rio = r;
    }
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.vars.set(k, v);
      return this.lastSub ?? 0;
    }
    return yield* this.execute(argv, rio, assigns);
  }

  *execute(argv: string[], io: Io, assigns: [string, string][] = []): Gen {
    const name = argv[0]!;
    if (this.opts.xtrace) io.err(`+ ${argv.join(' ')}\n`);
    const execNow = this.execNext;
    this.execNext = false;
    const fn = this.funcs.get(name);
    if (fn) {
      for (const [k, v] of assigns) this.vars.set(k, v);
      const saved = this.args;
      this.enter();
      this.args = argv.slice(1);
      try {
        return yield* this.runCommand(fn, io);
      } catch (e) {
        if (e instanceof ReturnFunc) return e.code;
        throw e;
      } finally {
        this.args = saved;
        this.depth--;
      }
    }
    // Own keys only: a command named `constructor` or `toString` is not a builtin.
    const b = Object.hasOwn(this.builtins, name) ? this.builtins[name] : undefined;
    if (b) {
      for (const [k, v] of assigns) this.vars.set(k, v);
      return yield* b(this, argv, io);
    }
    const env = this.exportedEnv(assigns);
    return yield* this.runExternal(argv, io, env, execNow);
  }

  exportedEnv(assigns: [string, string][] = []): Map<string, string> {
    const c = this.envCache;
    if (
      assigns.length === 0 &&
      c.version === this.vars.version &&
      c.exported === this.exported.size
    )
      return c.env;
    const env = new Map<string, string>();
    for (const k of this.exported.keys()) {
      const v = this.vars.get(k);
      if (v !== undefined) env.set(k, v);
    }
    for (const [k, v] of assigns) env.set(k, v);
    if (assigns.length === 0)
      this.envCache = { version: this.vars.version, exported: this.exported.size, env };
    return env;
  }

  /** Run a program found on PATH as a child process (or in place of the shell, for `exec`). */
  runExternal(argv: string[], io: Io, env: Map<string, string>, replace: boolean): Gen {
    return runExternal(this, argv, io, env, replace);
  }

  private *runDoubleBracket(cmd: Extract<Command, { t: 'dbracket' }>, io: Io): Gen {
    if (this.step()) yield* this.busy();
    const args: string[] = [];
    const unquoted: boolean[] = [];
    for (const a of cmd.args) {
      if (a.op !== undefined) {
        args.push(a.op);
        unquoted.push(true);
      } else {
        args.push(yield* X.expandStr(this, a.word));
        unquoted.push(a.word.every((p) => !(p.t === 'lit' && p.q) && !('q' in p && p.q)));
      }
    }
    const b = this.builtins['[['];
    if (!b) return 2;
    return yield* b(this, ['[[', ...args, ']]', ...unquoted.map((u) => (u ? '1' : '0'))], io);
  }
}

/**
 * Shell variables; `version` changes on every write so the exported env can be cached. Copy on
 * write: a shell starts on its process env (never mutated) and a subshell on its parent's map; the
 * map is copied only when one of them first writes (most probe scripts never assign).
 */
export class VarMap {
  version = 0;
  private owned = false;
  constructor(private map: ReadonlyMap<string, string>) {}
  get(k: string): string | undefined {
    return this.map.get(k);
  }
  has(k: string): boolean {
    return this.map.has(k);
  }
  set(k: string, v: string): this {
    this.version++;
    this.own().set(k, v);
    return this;
  }
  delete(k: string): boolean {
    this.version++;
    return this.own().delete(k);
  }
  /** An independent copy (a subshell's), sharing the map until either side writes. */
  fork(): VarMap {
    this.owned = false;
    const v = new VarMap(this.map);
    v.version = this.version;
    return v;
  }
  private own(): Map<string, string> {
    if (!this.owned) {
      this.map = new Map(this.map);
      this.owned = true;
    }
    return this.map as Map<string, string>;
  }
}

/** The names of exported variables, copy on write like VarMap. */
export class NameSet {
  private owned = false;
  constructor(private set: ReadonlySet<string> | ReadonlyMap<string, unknown>) {}
  get size(): number {
    return this.set.size;
  }
  has(k: string): boolean {
    return this.set.has(k);
  }
  add(k: string): this {
    if (!this.set.has(k)) this.own().add(k);
    return this;
  }
  delete(k: string): boolean {
    return this.set.has(k) ? this.own().delete(k) : false;
  }
  keys(): IterableIterator<string> {
    return this.set.keys();
  }
  fork(): NameSet {
    this.owned = false;
    return new NameSet(this.set);
  }
  private own(): Set<string> {
    if (!this.owned) {
      this.set = new Set(this.set.keys());
      this.owned = true;
    }
    return this.set as Set<string>;
  }
}
