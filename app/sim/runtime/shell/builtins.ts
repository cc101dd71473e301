/** Shell builtins (they change the shell's own state, or ash has them built in). */
import type { Gen } from '../process/effects.ts';
import { done } from '../process/effects.ts';
import { parseSignal, SIGNALS } from '../process/effects.ts';
import type { Io, Program } from '../process/types.ts';
import { normalizePath } from '../fs/vfs.ts';
import * as text from '../programs/text.ts';
import * as files from '../programs/files.ts';
import * as proc from '../programs/proc.ts';
import { BreakLoop, ContinueLoop, ExitShell, ReturnFunc } from './interp.ts';
import type { Builtin, Shell } from './interp.ts';

/** Run a program inline as a builtin (no child process). */
function inline(p: Program): Builtin {
  return (sh, argv, io) =>
    p({ argv, env: sh.exportedEnv(), cwd: sh.cwd, io, self: sh.self, sys: sh.sys });
}

const TRAP_NAMES = ['EXIT', 'HUP', 'INT', 'QUIT', 'TERM', 'USR1', 'USR2', 'KILL'];

function trapKey(s: string): string | undefined {
  if (s === '0' || s.toUpperCase() === 'EXIT') return 'EXIT';
  const sig = parseSignal(s);
  if (sig) return sig.slice(3);
  const up = s.toUpperCase().replace(/^SIG/, '');
  return TRAP_NAMES.includes(up) ? up : undefined;
}

const trap: Builtin = (sh, argv, io) => {
  const args = argv.slice(1);
  if (args.length === 0 || args[0] === '-p') {
    for (const [k, v] of sh.traps) io.out(`trap -- '${v}' ${k}\n`);
    return done(0);
  }
  let action: string | undefined = args[0];
  let sigs = args.slice(1);
  if (trapKey(args[0]!) && args.length === 1) {
    action = undefined;
    sigs = args;
  }
  if (action === '-') action = undefined;
  let code = 0;
  for (const s of sigs) {
    const key = trapKey(s);
    if (!key) {
      io.err(`${sh.sys.flavour.shellName}: trap: ${s}: bad trap\n`);
      code = 1;
      continue;
    }
    if (action === undefined) sh.traps.delete(key);
    else sh.traps.set(key, action);
  }
  return done(code);
};

function read(sh: Shell, argv: string[], io: Io): Gen {
  const names = argv
    .slice(1)
    .filter((a, i, all) => !a.startsWith('-') && all[i - 1] !== '-p' && all[i - 1] !== '-t');
  const line = io.stdin?.readLine();
  if (line === undefined) {
    for (const n of names) sh.vars.set(n, '');
    return done(1);
  }
  const vars = names.length ? names : ['REPLY'];
  const parts = vars.length === 1 ? [line.trim()] : line.trim().split(/[ \t]+/);
  vars.forEach((n, i) =>
    sh.vars.set(n, i === vars.length - 1 ? parts.slice(i).join(' ') : (parts[i] ?? '')),
  );
  return done(0);
}

function* wait(sh: Shell, argv: string[]): Gen {
  const pids = argv.slice(1);
  const jobs = pids.length ? sh.jobs.filter((_, i) => pids.includes(String(i))) : sh.jobs;
  const target = jobs.length ? jobs : sh.jobs;
  if (target.length === 0) return 0;
  const r = yield { t: 'join', jobs: target };
  if (r?.signal) return 128 + SIGNALS[r.signal];
  sh.jobs = sh.jobs.filter((j) => !j.done);
  return target[target.length - 1]!.code;
}

function cd(sh: Shell, argv: string[], io: Io): Gen {
  const dir = argv[1] ?? sh.vars.get('HOME') ?? '/';
  const p = normalizePath(dir, sh.cwd);
  if (!sh.sys.fs.isDir(p)) {
    io.err(`${sh.sys.flavour.shellName}: cd: can't cd to ${dir}: No such file or directory\n`);
    return done(2);
  }
  sh.cwd = p;
  sh.vars.set('PWD', p);
  return done(0);
}

function setVars(sh: Shell, argv: string[], exportThem: boolean): number {
  for (const a of argv.slice(1)) {
    if (a.startsWith('-')) continue;
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (eq >= 0) sh.vars.set(name, a.slice(eq + 1));
    if (exportThem) sh.exported.add(name);
  }
  return 0;
}

function* execBuiltin(sh: Shell, argv: string[], io: Io): Gen {
  if (argv.length === 1) {
    if (io !== sh.ctx.io)
      sh.sys.diag(
        '`exec` with only redirections is not modelled: the script keeps writing to the container log.',
      );
    return 0;
  }
  return yield* sh.runExternal(argv.slice(1), io, sh.exportedEnv(), true);
}

function* source(sh: Shell, argv: string[], io: Io): Gen {
  const f = argv[1];
  if (!f) return 0;
  const r = sh.sys.fs.readFile(normalizePath(f, sh.cwd));
  if (!r.ok) {
    io.err(`${sh.sys.flavour.shellName}: .: can't open '${f}'\n`);
    return 2;
  }
  return yield* sh.evalString(r.value, io);
}

function* command(sh: Shell, argv: string[], io: Io): Gen {
  const args = argv.slice(1);
  if (args[0] === '-v' || args[0] === '-V' || argv[0] === 'type' || argv[0] === 'which') {
    const names = args[0]?.startsWith('-') ? args.slice(1) : args;
    let code = 0;
    for (const n of names) {
      const isBuiltin = Object.hasOwn(BUILTINS, n) && argv[0] !== 'which';
      const found = isBuiltin ? undefined : sh.sys.lookup(n, sh.vars.get('PATH'), sh.cwd);
      if (isBuiltin) io.out(argv[0] === 'type' ? `${n} is a shell builtin\n` : `${n}\n`);
      else if (found) io.out(argv[0] === 'type' ? `${n} is ${found.path}\n` : `${found.path}\n`);
      else {
        code = 1;
        if (argv[0] === 'type') io.out(`${n}: not found\n`);
      }
    }
    return code;
  }
  if (args.length === 0) return 0;
  const b = Object.hasOwn(BUILTINS, args[0]!) ? BUILTINS[args[0]!] : undefined;
  if (b) return yield* b(sh, args, io);
  return yield* sh.runExternal(args, io, sh.exportedEnv(), false);
}

/** Apply `-e`/`+x`-style option letters to the shell (shared by `set` and `sh -e -c`). */
export function applyShellFlags(sh: Shell, flags: string): void {
  const on = flags.startsWith('-');
  for (const f of flags.slice(1)) {
    if (f === 'e') sh.opts.errexit = on;
    else if (f === 'x') sh.opts.xtrace = on;
    else if (f === 'u') sh.opts.nounset = on;
  }
}

function setBuiltin(sh: Shell, argv: string[]): Gen {
  const args = argv.slice(1);
  const dd = args.indexOf('--');
  if (dd >= 0) sh.args = args.slice(dd + 1);
  const opts = dd >= 0 ? args.slice(0, dd) : args;
  for (let i = 0; i < opts.length; i++) {
    const a = opts[i]!;
    if (a === '-o' || a === '+o') {
      const name = opts[++i];
      if (name === 'errexit') sh.opts.errexit = a === '-o';
      else if (name === 'xtrace') sh.opts.xtrace = a === '-o';
      else if (name === 'nounset') sh.opts.nounset = a === '-o';
      continue;
    }
    if (/^[-+][a-z]+$/.test(a)) {
      applyShellFlags(sh, a);
      continue;
    }
    if (dd < 0) {
      sh.args = opts.slice(i);
      break;
    }
  }
  return done(0);
}

export const BUILTINS: Record<string, Builtin> = {
  ':': () => done(0),
  true: () => done(0),
  false: () => done(1),
  echo: (sh, argv, io) => inline(sh.sys.flavour.dash ? text.dashEcho : text.echo)(sh, argv, io),
  printf: inline(text.printf),
  test: inline(files.test),
  '[': inline(files.test),
  '[[': inline(files.doubleBracket),
  pwd: (sh, _argv, io) => {
    io.out(sh.cwd + '\n');
    return done(0);
  },
  kill: inline(proc.kill),
  exit: (sh, argv) => {
    throw new ExitShell(argv[1] !== undefined ? Number(argv[1]) & 255 : sh.status);
  },
  return: (sh, argv) => {
    throw new ReturnFunc(argv[1] !== undefined ? Number(argv[1]) & 255 : sh.status);
  },
  break: (_sh, argv) => {
    throw new BreakLoop(Number(argv[1] ?? 1));
  },
  continue: (_sh, argv) => {
    throw new ContinueLoop(Number(argv[1] ?? 1));
  },
  export: (sh, argv) => done(setVars(sh, argv, true)),
  readonly: (sh, argv) => done(setVars(sh, argv, false)),
  local: (sh, argv) => done(setVars(sh, argv, false)),
  unset: (sh, argv) => {
    const fn = argv[1] === '-f';
    for (const n of argv.slice(1).filter((a) => !a.startsWith('-'))) {
      if (fn) sh.funcs.delete(n);
      else {
        sh.vars.delete(n);
        sh.exported.delete(n);
      }
    }
    return done(0);
  },
  shift: (sh, argv) => {
    const n = Number(argv[1] ?? 1);
    if (n > sh.args.length) return done(1);
    sh.args = sh.args.slice(n);
    return done(0);
  },
  trap,
  read,
  wait,
  cd,
  exec: execBuiltin,
  eval: (sh, argv, io) => sh.evalString(argv.slice(1).join(' '), io),
  '.': source,
  source,
  command,
  type: command,
  set: setBuiltin,
  ulimit: () => done(0),
  umask: () => done(0),
};
