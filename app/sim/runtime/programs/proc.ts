/** Process utilities: sleep kill killall ps. */
import { done } from '../process/effects.ts';
import { ProcKilled, SIGNALS, parseSignal } from '../process/effects.ts';
import type { Program } from '../process/types.ts';
import type { Signal } from '../types.ts';
import { fail, parseDuration, resolveArgv } from './util.ts';

/** sleep N[smhd]... ; `sleep infinity` never returns. Signals reach it only by its own pid. */
export const sleep: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  if (args.length === 0)
    return fail(
      ctx.io,
      ctx.sys.flavour.gnu
        ? 'sleep: missing operand'
        : 'BusyBox v1.36.1 multi-call binary.\n\nUsage: sleep [N]...',
    );
  let total = 0;
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') {
      for (;;) yield { t: 'block' };
    }
    const ms = parseDuration(a);
    if (ms === undefined)
      return fail(
        ctx.io,
        ctx.sys.flavour.gnu
          ? `sleep: invalid time interval '${a}'`
          : `sleep: invalid number '${a}'`,
      );
    total += ms;
  }
  yield { t: 'sleep', ms: total };
  return 0;
};

function signalArg(args: string[]): { sig: Signal | 0 | undefined; rest: string[]; list: boolean } {
  let sig: Signal | 0 | undefined = 'SIGTERM';
  let list = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-l' || a === '-L') list = true;
    else if (a === '-s' || a === '-n') {
      const v = args[++i] ?? '';
      sig = v === '0' ? 0 : parseSignal(v);
    } else if (rest.length === 0 && /^-[A-Za-z0-9]+$/.test(a))
      sig = a === '-0' ? 0 : parseSignal(a.slice(1));
    else rest.push(a);
  }
  return { sig, rest, list };
}

export const kill: Program = (ctx) => {
  const { sig, rest, list } = signalArg(ctx.argv.slice(1));
  if (list) {
    ctx.io.out(
      Object.entries(SIGNALS)
        .map(([k, n]) => `${n}) ${k}`)
        .join('\n') + '\n',
    );
    return done(0);
  }
  if (sig === undefined) return done(fail(ctx.io, `kill: bad signal name '${ctx.argv[1]}'`));
  if (rest.length === 0)
    return done(fail(ctx.io, 'kill: usage: kill [-s SIGNAL | -SIGNAL] PID...'));
  let code = 0;
  for (const p of rest) {
    const pid = Number(p);
    const err = Number.isInteger(pid) ? ctx.sys.kill(pid, sig) : 'No such process';
    if (err)
      code = fail(
        ctx.io,
        `${ctx.argv[0] === 'kill' ? ctx.sys.flavour.shellName + ': ' : ''}can't kill pid ${p}: ${err}`,
      );
  }
  return done(code);
};

export const killall: Program = (ctx) => {
  const { sig, rest } = signalArg(ctx.argv.slice(1).filter((a) => a !== '-q'));
  const quiet = ctx.argv.includes('-q');
  if (sig === undefined) return done(fail(ctx.io, `killall: bad signal name '${ctx.argv[1]}'`));
  let code = 0;
  for (const name of rest) {
    const procs = ctx.sys.findProcs(name).filter((p) => p !== ctx.self);
    if (procs.length === 0) {
      if (!quiet) fail(ctx.io, `killall: ${name}: no process killed`);
      code = 1;
      continue;
    }
    for (const p of procs) ctx.sys.kill(p.pid, sig);
  }
  return done(code);
};

/** busybox pidof NAME...: the PIDs of the processes so named, in /proc order; 1 when none. */
export const pidof: Program = (ctx) => {
  const pids = ctx.argv
    .slice(1)
    .flatMap((n) => ctx.sys.findProcs(n))
    .filter((p) => p !== ctx.self)
    .map((p) => p.pid);
  if (pids.length === 0) return done(1);
  ctx.io.out(pids.join(' ') + '\n');
  return done(0);
};

/**
 * busybox ps (procps/ps.c): PID right-aligned in 5, USER left-aligned in 8 (a UID without a passwd
 * entry prints as its number), TIME, then the command line. CPU time is not modelled (0:00).
 */
export const ps: Program = (ctx) => {
  ctx.io.out('PID   USER     TIME  COMMAND\n');
  for (const p of ctx.sys.findProcs('')) {
    const user = (p.user ?? 'root').slice(0, 8).padEnd(8);
    ctx.io.out(`${String(p.pid).padStart(5)} ${user}  0:00 ${p.cmd ?? p.name}\n`);
  }
  return done(0);
};

/**
 * timeout [-s SIG] DURATION COMMAND...: runs COMMAND and signals it when DURATION passes. GNU
 * timeout then exits 124; busybox's exits with the killed command's status (143 for TERM).
 */
export const timeout: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  let sig: Signal = 'SIGTERM';
  while (args[0]?.startsWith('-')) {
    const a = args.shift()!;
    if (a === '-s') sig = parseSignal(args.shift() ?? '') ?? 'SIGTERM';
    else if (a.startsWith('-s')) sig = parseSignal(a.slice(2)) ?? 'SIGTERM';
  }
  const ms = parseDuration(args.shift() ?? '');
  if (ms === undefined || args.length === 0)
    return fail(ctx.io, 'Usage: timeout [-s SIG] SECS PROG ARGS');
  const run = resolveArgv(ctx, args);
  if (!run)
    return fail(ctx.io, `timeout: can't execute '${args[0]}': No such file or directory`, 127);
  const child = ctx.sys.spawnChild(ctx.self, args[0]!.slice(args[0]!.lastIndexOf('/') + 1));
  child.cmd = run.argv.join(' ');
  ctx.self.child = child;
  let fired = false;
  const cancel = ctx.sys.after(ms, () => {
    fired = true;
    ctx.sys.kill(child.pid, sig);
  });
  let code: number;
  try {
    code = yield* run.prog({ ...ctx, argv: run.argv, self: child });
  } catch (e) {
    if (!(e instanceof ProcKilled) || e.pid !== child.pid) throw e;
    code = e.code;
  } finally {
    cancel();
    delete ctx.self.child;
    ctx.sys.exitProc(child);
  }
  return fired && ctx.sys.flavour.gnu ? 124 : code;
};
