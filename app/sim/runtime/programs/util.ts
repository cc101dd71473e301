/** Helpers shared by the simulated programs: output, error wording per userland, argv execution. */
import type { Gen } from '../process/effects.ts';
import { ProcKilled } from '../process/effects.ts';
import type { Io, ProgCtx, Program } from '../process/types.ts';
import { errnoText, normalizePath } from '../fs/vfs.ts';
import type { Errno } from '../fs/vfs.ts';

export function say(io: Io, s: string): void {
  io.out(s);
}

export function fail(io: Io, s: string, code = 1): number {
  io.err(s.endsWith('\n') ? s : s + '\n');
  return code;
}

export function abs(ctx: ProgCtx, p: string): string {
  return normalizePath(p, ctx.cwd);
}

/** `cat: can't open 'x': No such file or directory` (busybox) or `cat: x: No such ...` (GNU). */
export function openError(ctx: ProgCtx, cmd: string, path: string, errno: Errno): string {
  return ctx.sys.flavour.gnu
    ? `${cmd}: ${path}: ${errnoText[errno]}`
    : `${cmd}: can't open '${path}': ${errnoText[errno]}`;
}

/** Read a file argument (`-` = stdin). */
export function readInput(
  ctx: ProgCtx,
  cmd: string,
  path: string,
): { ok: true; data: string } | { ok: false } {
  if (path === '-') return { ok: true, data: ctx.io.stdin?.readAll() ?? '' };
  const r = ctx.sys.fs.readFile(abs(ctx, path));
  if (r.ok) return { ok: true, data: r.value };
  fail(ctx.io, openError(ctx, cmd, path, r.errno));
  return { ok: false };
}

/** Split combined short flags: `-rf` → r, f. Returns flags and the remaining operands. */
export function parseFlags(
  args: string[],
  withValue: string = '',
): { flags: Map<string, string>; rest: string[] } {
  const flags = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.length > 1 && a.startsWith('-') && !/^-\d/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (withValue.includes(f)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : (args[++i] ?? '');
          flags.set(f, v);
          break;
        }
        flags.set(f, '');
      }
    } else rest.push(a);
  }
  return { flags, rest };
}

/**
 * Look argv[0] up on PATH: the program to run and the argv to run it with (a script runs under
 * `sh`). Undefined when there is nothing to execute.
 */
export function resolveArgv(
  ctx: ProgCtx,
  argv: string[],
  env = ctx.env,
): { prog: Program; argv: string[] } | undefined {
  const found = ctx.sys.lookup(argv[0]!, env.get('PATH'), ctx.cwd);
  if (found?.kind === 'program') {
    const prog = ctx.sys.program(found.program);
    return prog && { prog, argv };
  }
  if (found?.kind === 'script') {
    const prog = ctx.sys.program('sh');
    return prog && { prog, argv: ['sh', found.path, ...argv.slice(1)] };
  }
  return undefined;
}

/** Run argv as a child process of ctx.self (used by `env cmd`, `nohup`, `timeout`). */
export function* runArgv(ctx: ProgCtx, argv: string[], env = ctx.env): Gen {
  const name = argv[0]!;
  const run = resolveArgv(ctx, argv, env);
  if (!run) return fail(ctx.io, `${name}: can't execute '${name}': No such file or directory`, 127);
  const child = ctx.sys.spawnChild(ctx.self, name.slice(name.lastIndexOf('/') + 1));
  child.cmd = run.argv.join(' ');
  ctx.self.child = child;
  try {
    return yield* run.prog({ ...ctx, argv: run.argv, env, self: child });
  } catch (e) {
    if (e instanceof ProcKilled && e.pid === child.pid) return e.code;
    throw e;
  } finally {
    delete ctx.self.child;
    ctx.sys.exitProc(child);
  }
}

/** `1.5`, `2m`, `1h` → ms; undefined if invalid. */
export function parseDuration(s: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return undefined;
  const mult = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[
    m[2] as '' | 's' | 'm' | 'h' | 'd'
  ];
  return Math.round(Number(m[1]) * mult);
}

/** exec(3) in place: the program of argv[0] replaces the current one (same pid). */
export function* execInPlace(ctx: ProgCtx, argv: string[]): Gen {
  if (argv.length === 0) return 0;
  const found = ctx.sys.lookup(argv[0]!, ctx.env.get('PATH'), ctx.cwd);
  const prog = found?.kind === 'program' ? ctx.sys.program(found.program) : undefined;
  if (!prog) return yield* runArgv(ctx, argv);
  ctx.self.name = argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1);
  return yield* prog({ ...ctx, argv });
}
