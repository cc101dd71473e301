/**
 * tail, with follow modes. busybox (coreutils/tail.c) and GNU agree on the shape:
 * - `-f` follows each file by descriptor: lines appended to the file it opened are printed, even
 *   after the name is removed or replaced. A missing file is an error (`can't open`); with no file
 *   left busybox says `tail: no files` (GNU: `tail: no files remaining`) and exits 1.
 * - `-F` (= `--follow=name --retry`) follows names: a missing file is reported once and retried;
 *   when it appears (or is replaced by a new file) tail says so on stderr and prints the new file
 *   from its start; truncation rewinds. It never exits on its own.
 * - Follow mode polls once per second (busybox's `sleep(sleep_period)`, `-s` changes it): one
 *   Scheduler timer per second, never a per-millisecond loop. GNU tail uses inotify and reacts at
 *   once; Podlab polls for both (output may come up to one second later than GNU's).
 * - Following stdin: a pipe is not followed (busybox clears -f for a FIFO); a container's stdin
 *   (nothing attached) is followed forever without output.
 * - `tail -f /dev/null` (the keep-alive idiom) waits for a signal without polling.
 * Headers for several files (`==> f <==`) are not printed.
 */
import type { Gen } from '../process/effects.ts';
import type { ProgCtx, Program } from '../process/types.ts';
import type { File } from '../fs/vfs.ts';
import { abs, fail } from './util.ts';
import { lines } from './text.ts';

interface TailArgs {
  n: number;
  fromStart: boolean;
  follow: 'no' | 'descriptor' | 'name';
  retry: boolean;
  sleepMs: number;
  rest: string[];
}

function tailArgs(args: string[]): TailArgs {
  const o: TailArgs = {
    n: 10,
    fromStart: false,
    follow: 'no',
    retry: false,
    sleepMs: 1000,
    rest: [],
  };
  const count = (v: string) => {
    o.fromStart = v.startsWith('+');
    o.n = Math.abs(parseInt(v, 10)) || 0;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      o.rest.push(...args.slice(i + 1));
      break;
    }
    if (a === '-n' || a === '--lines') count(args[++i] ?? '10');
    else if (a.startsWith('--lines=')) count(a.slice(8));
    else if (/^-n[+-]?\d+$/.test(a)) count(a.slice(2));
    else if (/^[-+]\d+$/.test(a)) count(a.startsWith('+') ? a : a.slice(1));
    else if (a === '-s' || a === '--sleep-interval') o.sleepMs = seconds(args[++i]);
    else if (a.startsWith('--sleep-interval=')) o.sleepMs = seconds(a.slice(17));
    else if (a === '-F') [o.follow, o.retry] = ['name', true];
    else if (a === '--retry') o.retry = true;
    else if (a === '--follow=name') o.follow = 'name';
    else if (a === '-f' || a === '--follow' || a === '--follow=descriptor') {
      if (o.follow === 'no') o.follow = 'descriptor';
    } else if (/^-[fFq]+$/.test(a)) {
      if (a.includes('F')) [o.follow, o.retry] = ['name', true];
      else if (o.follow === 'no') o.follow = 'descriptor';
    } else if (a === '-q' || a === '-v') continue;
    else o.rest.push(a);
  }
  return o;
}

function seconds(v: string | undefined): number {
  const s = Number(v);
  return Number.isFinite(s) && s > 0 ? Math.max(1, Math.round(s * 1000)) : 1000;
}

function printTail(ctx: ProgCtx, o: TailArgs, data: string): void {
  const ls = lines(data);
  const shown = o.fromStart
    ? ls.slice(Math.max(0, o.n - 1))
    : ls.slice(Math.max(0, ls.length - o.n));
  for (const l of shown) ctx.io.out(l + '\n');
}

interface Followed {
  name: string;
  path: string;
  /** The file it has open (its inode), if any. */
  file: File | undefined;
  /** How much of it has been printed. */
  pos: number;
}

export const tail: Program = function* (ctx): Gen {
  const o = tailArgs(ctx.argv.slice(1));
  const gnu = ctx.sys.flavour.gnu;
  const retry = o.retry && o.follow !== 'no';
  const files = o.rest.length ? o.rest : ['-'];
  const followed: Followed[] = [];
  let followStdin = false;
  let code = 0;
  for (const f of files) {
    if (f === '-') {
      printTail(ctx, o, ctx.io.stdin?.readAll() ?? '');
      // A pipe is not followed; a container's unattached stdin never ends and never grows.
      if (o.follow !== 'no' && ctx.io.stdin === null) followStdin = true;
      continue;
    }
    const path = abs(ctx, f);
    const node = ctx.sys.fs.stat(path);
    if (node?.kind !== 'file') {
      if (node?.kind === 'dir')
        fail(
          ctx.io,
          gnu ? `tail: error reading '${f}': Is a directory` : `tail: read error: Is a directory`,
        );
      else
        fail(
          ctx.io,
          gnu
            ? `tail: cannot open '${f}' for reading: No such file or directory`
            : `tail: can't open '${f}': No such file or directory`,
        );
      code = 1;
      if (retry) followed.push({ name: f, path, file: undefined, pos: 0 });
      continue;
    }
    printTail(ctx, o, node.data);
    followed.push({ name: f, path, file: node, pos: node.data.length });
  }
  const opened = followed.length > 0 || files.includes('-');
  if (!opened && !gnu) {
    // busybox: every file failed to open (with -F a missing file still counts as one to follow).
    fail(ctx.io, 'tail: no files');
    return 1;
  }
  if (o.follow === 'no') return code;
  if (!opened) {
    fail(ctx.io, 'tail: no files remaining');
    return 1;
  }
  // Nothing that can grow (only stdin with nothing attached, or /dev/null): wait for a signal.
  if (followed.every((t) => t.file?.device === 'null')) {
    if (followed.length === 0 && !followStdin) return code;
    for (;;) yield { t: 'block' };
  }
  for (;;) {
    yield { t: 'sleep', ms: o.sleepMs };
    for (const t of followed) {
      if (o.follow === 'name') {
        const n = ctx.sys.fs.stat(t.path);
        const now = n?.kind === 'file' ? n : undefined;
        if (now !== t.file) {
          if (now) {
            const what = t.file ? 'been replaced' : 'appeared';
            fail(
              ctx.io,
              gnu
                ? `tail: '${t.name}' has ${what};  following new file`
                : `tail: ${t.name} has ${what}; following end of new file`,
            );
            t.pos = 0;
          } else if (t.file)
            fail(
              ctx.io,
              gnu
                ? `tail: '${t.name}' has become inaccessible: No such file or directory`
                : `tail: ${t.name} has become inaccessible: No such file or directory`,
            );
          t.file = now;
        }
      }
      if (!t.file) continue;
      const data = t.file.data;
      // Truncated (`> file`): start again from the top, as busybox and GNU do.
      if (data.length < t.pos) t.pos = 0;
      if (data.length > t.pos) {
        ctx.io.out(data.slice(t.pos));
        t.pos = data.length;
      }
    }
  }
};
