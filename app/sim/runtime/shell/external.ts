/**
 * Running a program from PATH: as a foreground child process of the shell (signals to the shell
 * do not reach it), or in place of the shell (`exec`, and `sh -c 'one command'`).
 */
import type { Gen } from '../process/effects.ts';
import { ProcKilled } from '../process/effects.ts';
import type { Io } from '../process/types.ts';
import { ExitShell } from './control.ts';
import type { ShellState as Shell } from './shellState.ts';

export function* runExternal(
  sh: Shell,
  argv: string[],
  io: Io,
  env: Map<string, string>,
  replace: boolean,
): Gen {
  const name = argv[0]!;
  const shName = sh.sys.flavour.shellName;
  const found = sh.sys.lookup(name, env.get('PATH'), sh.cwd);
  if (!found) {
    io.err(`${shName}: ${name}: not found\n`);
    return 127;
  }
  if (found.kind === 'noexec') {
    io.err(`${shName}: ${name}: Permission denied\n`);
    return 126;
  }
  const programId = found.kind === 'script' ? 'sh' : found.program;
  const progArgv = found.kind === 'script' ? ['sh', found.path, ...argv.slice(1)] : argv;
  const prog = sh.sys.program(programId);
  if (!prog) {
    io.err(`${shName}: ${name}: not found\n`);
    return 127;
  }
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (replace) {
    sh.self.name = base;
    sh.self.cmd = progArgv.join(' ');
    delete sh.self.handler;
    const code = yield* prog({
      argv: progArgv,
      env,
      cwd: sh.cwd,
      io,
      self: sh.self,
      sys: sh.sys,
    });
    throw new ExitShell(code);
  }
  const child = sh.sys.spawnChild(sh.self, base);
  child.cmd = progArgv.join(' ');
  sh.self.child = child;
  try {
    return yield* prog({ argv: progArgv, env, cwd: sh.cwd, io, self: child, sys: sh.sys });
  } catch (e) {
    if (e instanceof ProcKilled && e.pid === child.pid) return e.code;
    throw e;
  } finally {
    delete sh.self.child;
    sh.sys.exitProc(child);
  }
}
