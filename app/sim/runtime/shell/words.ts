/** Word-level helpers of the shell: field splitting, pathname globbing, redirections. */
import type { Redir } from './ast.ts';
import type { Io } from '../process/types.ts';
import { Stdin } from '../process/types.ts';
import { errnoText, normalizePath } from '../fs/vfs.ts';
import type { Vfs } from '../fs/vfs.ts';
import { hasGlob, matchPattern } from './pattern.ts';
import { MAX_STRING_LENGTH } from '../limits.ts';

export interface Piece {
  v: string;
  /** Unquoted expansion result: split on IFS whitespace. */
  split: boolean;
  quoted: boolean;
  /** "$@": starts a new field. */
  atBreak?: boolean;
}

const isIfs = (c: number) => c === 32 || c === 9 || c === 10;

export function splitFields(pieces: Piece[]): string[] {
  const fields: string[] = [];
  let cur = '';
  let has = false;
  for (const p of pieces) {
    if (p.atBreak) {
      fields.push(cur);
      cur = '';
      has = true;
    }
    if (!p.split) {
      cur += p.v;
      if (p.quoted || p.v !== '') has = true;
      continue;
    }
    // Runs of IFS whitespace (space, tab, newline) end a field; scanned by hand (hot path).
    const v = p.v;
    const n = v.length;
    let i = 0;
    while (i < n) {
      let j = i;
      while (j < n && !isIfs(v.charCodeAt(j))) j++;
      if (j > i) {
        cur += i === 0 && j === n ? v : v.slice(i, j);
        has = true;
      }
      if (j === n) break;
      while (j < n && isIfs(v.charCodeAt(j))) j++;
      if (has) fields.push(cur);
      cur = '';
      has = false;
      i = j;
    }
  }
  if (has) fields.push(cur);
  return fields;
}

/** Expand `*`/`?`/`[..]` against the filesystem; no match keeps the pattern (POSIX). */
export function expandGlob(pattern: string, fs: Vfs, cwd: string): string[] {
  if (!hasGlob(pattern)) return [pattern];
  const abs = pattern.startsWith('/');
  let paths: { real: string; shown: string }[] = [{ real: abs ? '/' : cwd, shown: abs ? '/' : '' }];
  const segs = pattern.split('/').filter((s) => s !== '');
  for (const seg of segs) {
    const next: typeof paths = [];
    for (const p of paths) {
      const join = (name: string) => ({
        real: normalizePath(name, p.real),
        shown:
          p.shown === '' ? name : p.shown.endsWith('/') ? p.shown + name : `${p.shown}/${name}`,
      });
      if (!hasGlob(seg)) {
        next.push(join(seg));
        continue;
      }
      const l = fs.list(p.real);
      if (!l.ok || !fs.isDir(p.real)) continue;
      for (const name of l.value) {
        if (name.startsWith('.') && !seg.startsWith('.')) continue;
        if (matchPattern(seg, name)) next.push(join(name));
      }
    }
    paths = next;
  }
  const hits = paths.filter((p) => fs.stat(p.real)).map((p) => p.shown);
  return hits.length > 0 ? hits.sort() : [pattern];
}

/** Apply one redirection to `io` (mutated). Returns the shell's error text on failure. */
export function openRedirect(
  r: Redir,
  target: string,
  io: Io,
  fs: Vfs,
  cwd: string,
): string | undefined {
  const setFd = (fd: number, sink: Io['out']) => {
    if (fd === 1) io.out = sink;
    else if (fd === 2) io.err = sink;
  };
  if (r.op === '>&' || r.op === '<&') {
    if (target === '1') setFd(r.fd, io.out);
    else if (target === '2') setFd(r.fd, io.err);
    else if (target === '-') setFd(r.fd, () => undefined);
    else if (r.op === '>&') return openRedirect({ ...r, op: '>' }, target, io, fs, cwd);
    return undefined;
  }
  if (r.op === '<<') {
    io.stdin = new Stdin(target);
    return undefined;
  }
  if (r.op === '<') {
    if (target === '/dev/null') io.stdin = new Stdin('');
    else {
      const f = fs.readFile(normalizePath(target, cwd));
      if (!f.ok) return `can't open '${target}': ${errnoText[f.errno]}`;
      io.stdin = new Stdin(f.value);
    }
    return undefined;
  }
  const special: Record<string, Io['out']> = {
    '/dev/null': () => undefined,
    '/dev/stdout': io.out,
    '/dev/stderr': io.err,
  };
  const sp = special[target];
  if (sp) {
    setFd(r.fd, sp);
    return undefined;
  }
  const path = normalizePath(target, cwd);
  const w = fs.writeFile(path, '', r.op === '>>');
  if (!w.ok) return `can't create ${target}: ${errnoText[w.errno]}`;
  const file = w.value;
  setFd(r.fd, (s) => {
    // A file is one JS string: past MAX_STRING_LENGTH the write fails as on a full disk.
    if (file.data.length + s.length > MAX_STRING_LENGTH) return errnoText.ENOSPC;
    file.data += s;
    return undefined;
  });
  return undefined;
}
