/** File utilities over the container filesystem: touch rm mkdir cp mv ls test/[. */
import { done } from '../process/effects.ts';
import type { Program } from '../process/types.ts';
import { errnoText } from '../fs/vfs.ts';
import { evalTest } from '../shell/testExpr.ts';
import { abs, fail, parseFlags } from './util.ts';

export const touch: Program = (ctx) => {
  const { rest } = parseFlags(ctx.argv.slice(1));
  let code = 0;
  for (const f of rest) {
    const r = ctx.sys.fs.touch(abs(ctx, f));
    if (!r.ok)
      code = fail(
        ctx.io,
        ctx.sys.flavour.gnu
          ? `touch: cannot touch '${f}': ${errnoText[r.errno]}`
          : `touch: ${f}: ${errnoText[r.errno]}`,
      );
  }
  if (rest.length === 0) code = fail(ctx.io, 'touch: missing file operand');
  return done(code);
};

export const rm: Program = (ctx) => {
  const { flags, rest } = parseFlags(ctx.argv.slice(1));
  const recursive = flags.has('r') || flags.has('R');
  let code = 0;
  for (const f of rest) {
    const r = ctx.sys.fs.remove(abs(ctx, f), recursive);
    if (r.ok || (r.errno === 'ENOENT' && flags.has('f'))) continue;
    code = fail(
      ctx.io,
      ctx.sys.flavour.gnu
        ? `rm: cannot remove '${f}': ${errnoText[r.errno]}`
        : `rm: can't remove '${f}': ${errnoText[r.errno]}`,
    );
  }
  return done(code);
};

export const mkdir: Program = (ctx) => {
  const { flags, rest } = parseFlags(ctx.argv.slice(1), 'm');
  let code = 0;
  for (const f of rest) {
    const r = ctx.sys.fs.mkdir(abs(ctx, f), flags.has('p'));
    if (!r.ok)
      code = fail(
        ctx.io,
        ctx.sys.flavour.gnu
          ? `mkdir: cannot create directory '${f}': ${errnoText[r.errno]}`
          : `mkdir: can't create directory '${f}': ${errnoText[r.errno]}`,
      );
  }
  return done(code);
};

function copyOrMove(move: boolean): Program {
  const name = move ? 'mv' : 'cp';
  return (ctx) => {
    const { flags, rest } = parseFlags(ctx.argv.slice(1));
    if (rest.length < 2) return done(fail(ctx.io, `${name}: missing destination file operand`));
    const dest = rest.pop()!;
    const destAbs = abs(ctx, dest);
    const destIsDir = ctx.sys.fs.isDir(destAbs);
    if (rest.length > 1 && !destIsDir)
      return done(fail(ctx.io, `${name}: '${dest}' is not a directory`));
    let code = 0;
    for (const src of rest) {
      const srcAbs = abs(ctx, src);
      const node = ctx.sys.fs.stat(srcAbs);
      if (!node) {
        code = fail(
          ctx.io,
          ctx.sys.flavour.gnu
            ? `${name}: cannot stat '${src}': No such file or directory`
            : `${name}: can't stat '${src}': No such file or directory`,
        );
        continue;
      }
      if (node.kind === 'dir' && !move && !(flags.has('r') || flags.has('R') || flags.has('a'))) {
        code = fail(
          ctx.io,
          ctx.sys.flavour.gnu
            ? `cp: -r not specified; omitting directory '${src}'`
            : `cp: omitting directory '${src}'`,
        );
        continue;
      }
      const target = destIsDir
        ? `${destAbs}/${srcAbs.slice(srcAbs.lastIndexOf('/') + 1)}`
        : destAbs;
      const r = ctx.sys.fs.place(target, node);
      if (!r.ok) {
        code = fail(ctx.io, `${name}: can't create '${target}': ${errnoText[r.errno]}`);
        continue;
      }
      if (move) {
        const d = ctx.sys.fs.remove(srcAbs, true);
        if (!d.ok) code = fail(ctx.io, `mv: can't remove '${src}': ${errnoText[d.errno]}`);
      }
    }
    return done(code);
  };
}

export const cp = copyOrMove(false);
export const mv = copyOrMove(true);

export const ls: Program = (ctx) => {
  const { flags, rest } = parseFlags(ctx.argv.slice(1));
  let code = 0;
  const targets = rest.length ? rest : ['.'];
  targets.forEach((t, idx) => {
    const p = abs(ctx, t);
    const node = ctx.sys.fs.stat(p);
    if (!node) {
      code = fail(
        ctx.io,
        ctx.sys.flavour.gnu
          ? `ls: cannot access '${t}': No such file or directory`
          : `ls: ${t}: No such file or directory`,
        ctx.sys.flavour.gnu ? 2 : 1,
      );
      return;
    }
    let names = node.kind === 'dir' ? [...node.entries.keys()].sort() : [t];
    if (!flags.has('a') && !flags.has('A')) names = names.filter((n) => !n.startsWith('.'));
    if (flags.has('a')) names = ['.', '..', ...names];
    if (targets.length > 1 && node.kind === 'dir') ctx.io.out(`${idx > 0 ? '\n' : ''}${t}:\n`);
    for (const n of names) {
      if (!flags.has('l')) {
        ctx.io.out(n + '\n');
        continue;
      }
      const child = node.kind === 'dir' ? ctx.sys.fs.stat(`${p}/${n}`) : node;
      const isDir = child?.kind === 'dir';
      const size = child?.kind === 'file' ? child.data.length : 4096;
      const mode = isDir
        ? 'drwxr-xr-x'
        : child?.kind === 'file' && (child.program || child.exec)
          ? '-rwxr-xr-x'
          : '-rw-r--r--';
      ctx.io.out(`${mode}    1 root     root     ${String(size).padStart(8)} Jan  1 00:00 ${n}\n`);
    }
  });
  return done(code);
};

export const test: Program = (ctx) => {
  const name = ctx.argv[0]!.slice(ctx.argv[0]!.lastIndexOf('/') + 1);
  let args = ctx.argv.slice(1);
  if (name === '[') {
    if (args[args.length - 1] !== ']')
      return done(
        fail(
          ctx.io,
          ctx.sys.flavour.gnu
            ? `${ctx.sys.flavour.shellName}: [: missing ]`
            : `${ctx.sys.flavour.shellName}: missing ]`,
          2,
        ),
      );
    args = args.slice(0, -1);
  }
  const r = evalTest(args, { fs: ctx.sys.fs, cwd: ctx.cwd });
  if (r.code === 2) return done(fail(ctx.io, `${ctx.sys.flavour.shellName}: ${r.error}`, 2));
  return done(r.code);
};

/** `[[ ... ]]`: argv is `[[ args ]] flags...` where flags say which args were unquoted words. */
export const doubleBracket: Program = (ctx) => {
  const end = ctx.argv.indexOf(']]');
  const args = ctx.argv.slice(1, end);
  const unquoted = ctx.argv.slice(end + 1).map((f) => f === '1');
  const r = evalTest(args, { fs: ctx.sys.fs, cwd: ctx.cwd }, true, unquoted);
  if (r.code === 2) return done(fail(ctx.io, `${ctx.sys.flavour.shellName}: ${r.error}`, 2));
  return done(r.code);
};

/** chmod MODE FILE...: only the executable bits matter to Podlab (scripts need them to run). */
export const chmod: Program = (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => a !== '-R');
  const mode = args.shift() ?? '';
  let exec: boolean | undefined;
  if (/^[0-7]{3,4}$/.test(mode)) exec = (parseInt(mode, 8) & 0o111) !== 0;
  else if (/^[ugoa]*[+-=][rwxXst]*(,[ugoa]*[+-=][rwxXst]*)*$/.test(mode)) {
    for (const clause of mode.split(',')) {
      const m = /([+-=])([rwxXst]*)$/.exec(clause)!;
      if (m[1] === '+' && m[2]!.includes('x')) exec = true;
      else if (m[1] === '-' && m[2]!.includes('x')) exec = false;
      else if (m[1] === '=') exec = m[2]!.includes('x');
    }
  } else return done(fail(ctx.io, `chmod: invalid mode '${mode}'`));
  let code = 0;
  for (const f of args) {
    const p = abs(ctx, f);
    const n = ctx.sys.fs.stat(p);
    if (!n) code = fail(ctx.io, `chmod: ${f}: No such file or directory`);
    else if (ctx.sys.fs.isReadOnly(p)) code = fail(ctx.io, `chmod: ${f}: Read-only file system`);
    else if (n.kind === 'file' && exec !== undefined) ctx.sys.fs.setExec(p, exec);
  }
  return done(code);
};
