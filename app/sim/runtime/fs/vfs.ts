/**
 * A container's filesystem: a tree of directories and files, with volume mounts grafted in as
 * nodes that point at shared objects (an emptyDir is one Dir object seen by every container of the
 * pod, so a write in one is a read in the other). Mounts carry readOnly.
 */
export interface Dir {
  kind: 'dir';
  entries: Map<string, Node>;
}
export interface File {
  kind: 'file';
  data: string;
  /** Executable: the program id a run of this path starts (busybox applets, nginx, ...). */
  program?: string;
  /** Executable bit for scripts (shebang files). */
  exec?: boolean;
}
export interface Mount {
  kind: 'mount';
  target: Dir | File;
  readOnly: boolean;
}
export type Node = Dir | File | Mount;

export type Errno = 'ENOENT' | 'EROFS' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY';

export const errnoText: Record<Errno, string> = {
  ENOENT: 'No such file or directory',
  EROFS: 'Read-only file system',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
};

export type FsResult<T> = { ok: true; value: T } | { ok: false; errno: Errno };

export function newDir(): Dir {
  return { kind: 'dir', entries: new Map() };
}

export function newFile(data: string, program?: string): File {
  return program === undefined ? { kind: 'file', data } : { kind: 'file', data, program };
}

/** `a/b/../c` relative to cwd → `/a/c`. */
export function normalizePath(path: string, cwd = '/'): string {
  // Fast path: already absolute and clean (the common case for probes and scripts).
  if (path.charCodeAt(0) === 47 && !/\/\.{0,2}(\/|$)/.test(path)) return path;
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const seg of full.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

const splitCache = new Map<string, string[]>();

/** Path segments (cached: the same paths are walked again and again by probes and loops). */
export function splitPath(abs: string): string[] {
  let segs = splitCache.get(abs);
  if (segs) return segs;
  segs = abs.split('/').filter((s) => s !== '');
  if (splitCache.size > 5_000) splitCache.clear();
  splitCache.set(abs, segs);
  return segs;
}

function deref(n: Node): { node: Dir | File; ro: boolean } {
  return n.kind === 'mount' ? { node: n.target, ro: n.readOnly } : { node: n, ro: false };
}

interface Located {
  node: Dir | File | undefined;
  parent: Dir | undefined;
  name: string;
  /** A read-only mount lies on the path (or is the node itself). */
  readOnly: boolean;
}

/** Deep copy of a tree, keeping mounts (shared objects) as they are. */
export function cloneTree(d: Dir): Dir {
  const out = newDir();
  for (const [k, v] of d.entries) {
    out.entries.set(k, v.kind === 'dir' ? cloneTree(v) : v.kind === 'file' ? { ...v } : v);
  }
  return out;
}

export class Vfs {
  /** Bumped on every change to the tree's shape (not file contents): lets callers cache lookups. */
  shape = 0;
  /** `readOnlyRoot`: securityContext.readOnlyRootFilesystem (volumes keep their own flag). */
  constructor(
    readonly root: Dir,
    private readonly readOnlyRoot = false,
  ) {}

  private locate(abs: string): Located | undefined {
    const segs = splitPath(abs);
    let cur: Dir = this.root;
    // Each mount has its own read-only flag: crossing one replaces what the parent had.
    let ro = this.readOnlyRoot;
    if (segs.length === 0) return { node: cur, parent: undefined, name: '', readOnly: ro };
    for (let i = 0; i < segs.length; i++) {
      const name = segs[i]!;
      const child = cur.entries.get(name);
      if (i === segs.length - 1) {
        if (!child) return { node: undefined, parent: cur, name, readOnly: ro };
        const d = deref(child);
        return { node: d.node, parent: cur, name, readOnly: child.kind === 'mount' ? d.ro : ro };
      }
      if (!child) return undefined;
      const d = deref(child);
      if (d.node.kind !== 'dir') return undefined;
      if (child.kind === 'mount') ro = d.ro;
      cur = d.node;
    }
    return undefined;
  }

  stat(abs: string): Dir | File | undefined {
    return this.locate(abs)?.node;
  }

  isDir(abs: string): boolean {
    return this.stat(abs)?.kind === 'dir';
  }

  isReadOnly(abs: string): boolean {
    return this.locate(abs)?.readOnly ?? false;
  }

  readFile(abs: string): FsResult<string> {
    const n = this.stat(abs);
    if (!n) return { ok: false, errno: 'ENOENT' };
    if (n.kind === 'dir') return { ok: false, errno: 'EISDIR' };
    return { ok: true, value: n.data };
  }

  writeFile(abs: string, data: string, append = false): FsResult<File> {
    const loc = this.locate(abs);
    if (!loc || !loc.parent) return { ok: false, errno: loc ? 'EISDIR' : 'ENOENT' };
    if (loc.node?.kind === 'dir') return { ok: false, errno: 'EISDIR' };
    if (loc.readOnly) return { ok: false, errno: 'EROFS' };
    if (loc.node) {
      loc.node.data = append ? loc.node.data + data : data;
      return { ok: true, value: loc.node };
    }
    const f = newFile(data);
    loc.parent.entries.set(loc.name, f);
    this.shape++;
    return { ok: true, value: f };
  }

  /** Create or keep a file (touch). */
  touch(abs: string): FsResult<void> {
    const loc = this.locate(abs);
    if (!loc || !loc.parent) return { ok: false, errno: loc ? 'EISDIR' : 'ENOENT' };
    if (loc.node) return { ok: true, value: undefined };
    if (loc.readOnly) return { ok: false, errno: 'EROFS' };
    loc.parent.entries.set(loc.name, newFile(''));
    this.shape++;
    return { ok: true, value: undefined };
  }

  mkdir(abs: string, parents = false): FsResult<void> {
    const loc = this.locate(abs);
    if (!loc) {
      if (!parents) return { ok: false, errno: 'ENOENT' };
      const segs = splitPath(abs);
      for (let i = 1; i <= segs.length; i++) {
        const p = '/' + segs.slice(0, i).join('/');
        const n = this.stat(p);
        if (n?.kind === 'file') return { ok: false, errno: 'ENOTDIR' };
        if (!n) {
          const r = this.mkdir(p);
          if (!r.ok) return r;
        }
      }
      return { ok: true, value: undefined };
    }
    if (loc.node)
      return parents && loc.node.kind === 'dir'
        ? { ok: true, value: undefined }
        : { ok: false, errno: 'EEXIST' };
    if (!loc.parent) return { ok: false, errno: 'EEXIST' };
    if (loc.readOnly) return { ok: false, errno: 'EROFS' };
    loc.parent.entries.set(loc.name, newDir());
    this.shape++;
    return { ok: true, value: undefined };
  }

  remove(abs: string, recursive: boolean): FsResult<void> {
    const loc = this.locate(abs);
    if (!loc || !loc.node || !loc.parent) return { ok: false, errno: 'ENOENT' };
    if (loc.node.kind === 'dir' && !recursive) return { ok: false, errno: 'EISDIR' };
    if (loc.readOnly) return { ok: false, errno: 'EROFS' };
    this.shape++;
    const raw = loc.parent.entries.get(loc.name);
    // Removing a mount point itself fails in Linux (EBUSY); emptying it is what rm -rf achieves.
    if (raw?.kind === 'mount') {
      if (raw.target.kind === 'dir') raw.target.entries.clear();
      return { ok: true, value: undefined };
    }
    loc.parent.entries.delete(loc.name);
    return { ok: true, value: undefined };
  }

  list(abs: string): FsResult<string[]> {
    const n = this.stat(abs);
    if (!n) return { ok: false, errno: 'ENOENT' };
    if (n.kind !== 'dir') return { ok: true, value: [splitPath(abs).pop() ?? abs] };
    return { ok: true, value: [...n.entries.keys()].sort() };
  }

  /** Put a copy of node `src` at `dst` (cp -r / mv). */
  place(abs: string, node: Dir | File): FsResult<void> {
    const loc = this.locate(abs);
    if (!loc || !loc.parent) return { ok: false, errno: 'ENOENT' };
    if (loc.readOnly) return { ok: false, errno: 'EROFS' };
    this.shape++;
    loc.parent.entries.set(loc.name, node.kind === 'dir' ? cloneTree(node) : { ...node });
    return { ok: true, value: undefined };
  }
}

/** Build a tree from `{ '/etc/hosts': 'text', '/bin/sh': { program: 'sh' } }`; dirs end in `/`. */
export function buildTree(
  files: Record<string, string | { program?: string; data?: string; exec?: boolean }>,
): Dir {
  const root = newDir();
  const vfs = new Vfs(root);
  for (const [path, spec] of Object.entries(files)) {
    if (path.endsWith('/')) {
      vfs.mkdir(normalizePath(path), true);
      continue;
    }
    const abs = normalizePath(path);
    vfs.mkdir(abs.slice(0, abs.lastIndexOf('/')) || '/', true);
    if (typeof spec === 'string') vfs.writeFile(abs, spec);
    else {
      const f = vfs.writeFile(abs, spec.data ?? '');
      if (f.ok) {
        if (spec.program !== undefined) f.value.program = spec.program;
        if (spec.exec) f.value.exec = true;
      }
    }
  }
  return root;
}

/** Graft `target` at `abs` (creating parents), as a volume mount. */
export function graftMount(root: Dir, abs: string, target: Dir | File, readOnly: boolean): void {
  const segs = splitPath(abs);
  let cur = root;
  for (let i = 0; i < segs.length - 1; i++) {
    const name = segs[i]!;
    let child = cur.entries.get(name);
    if (!child || child.kind === 'file') {
      child = newDir();
      cur.entries.set(name, child);
    }
    const d = child.kind === 'mount' ? child.target : child;
    if (d.kind !== 'dir') return;
    cur = d;
  }
  const last = segs[segs.length - 1];
  if (last !== undefined) cur.entries.set(last, { kind: 'mount', target, readOnly });
}
