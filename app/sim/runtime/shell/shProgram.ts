/** The `sh` program: `sh -c SCRIPT [NAME ARGS...]`, `sh FILE ARGS...`, or a script on stdin. */
import type { ProgCtx, Program } from '../process/types.ts';
import type { Gen } from '../process/effects.ts';
import { SIGNALS } from '../process/effects.ts';
import { normalizePath } from '../fs/vfs.ts';
import { Shell } from './interp.ts';
import { BUILTINS, applyShellFlags } from './builtins.ts';

/** Larger scripts are refused (they are not what a manifest's command holds). */
export const MAX_SCRIPT_BYTES = 64 * 1024;

export const sh: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  let cmdMode = false;
  const flags: string[] = [];
  while (args[0] && /^[-+][a-z]+$/.test(args[0])) {
    if (args[0].includes('c')) cmdMode = true;
    flags.push(args.shift()!);
  }
  const shell = new Shell(ctx, BUILTINS);
  for (const f of flags) applyShellFlags(shell, f);
  const shName = ctx.sys.flavour.shellName;
  let script: string;
  if (cmdMode) {
    if (args[0] === undefined) {
      ctx.io.err(`${shName}: -c requires an argument\n`);
      return 2;
    }
    script = args[0];
    shell.arg0 = args[1] ?? (ctx.argv[0] ?? 'sh').slice((ctx.argv[0] ?? '').lastIndexOf('/') + 1);
    shell.args = args.slice(2);
  } else if (args[0] !== undefined) {
    const r = ctx.sys.fs.readFile(normalizePath(args[0], ctx.cwd));
    if (!r.ok) {
      ctx.io.err(`${shName}: can't open '${args[0]}': No such file or directory\n`);
      return 2;
    }
    script = r.value;
    shell.arg0 = args[0];
    shell.args = args.slice(1);
  } else if (ctx.io.stdin?.tty) {
    return yield* interactive(ctx);
  } else {
    // No tty and no stdin: a container's `sh` reads EOF and exits 0 at once.
    script = ctx.io.stdin?.readAll() ?? '';
  }
  if (script.length > MAX_SCRIPT_BYTES) {
    ctx.sys.diag(
      `The script is ${script.length} bytes; Podlab interprets scripts up to ${MAX_SCRIPT_BYTES} bytes, so this shell exits 2 without running it.`,
    );
    ctx.io.err(`${shName}: script too large for Podlab (${script.length} bytes)\n`);
    return 2;
  }
  return yield* shell.runScript(script, ctx.io);
};

/**
 * An interactive shell on an open terminal (`kubectl debug -it`): it waits at its prompt until the
 * session ends. ash ignores SIGTERM, SIGINT and SIGQUIT when interactive, so the kubelet's stop
 * signal does nothing and SIGKILL ends it after the grace period.
 */
function* interactive(ctx: ProgCtx): Gen {
  ctx.self.handler = (sig) =>
    sig === 'SIGTERM' || sig === 'SIGINT' || sig === 'SIGQUIT' || ctx.self.pid1
      ? 'ignore'
      : { exit: 128 + SIGNALS[sig] };
  for (;;) yield { t: 'block' };
}
