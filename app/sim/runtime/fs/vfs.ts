/**
 * A container's filesystem: a tree of directories and files, with volume mounts grafted in as
 * nodes that point at shared objects (an emptyDir is one Dir object seen by every container of the
 * pod, so a write in one is a read in the other). Mounts carry readOnly.
 *
 * Image layers are shared: an image's tree is built once (`sealTree`: every node marked `layer`)
 * and each container starts from `overlay(layer)`, a root whose entries point into it. Every
 * mutation goes through Vfs, which copies a layer directory or file into the container (shallowly,
 * one node per path segment) before changing it: copy-on-write, never a whole-tree copy.
 *
 * Path resolution is cached per Vfs. Any change of any tree's shape (a node added, removed or
 * replaced, in any Vfs, or a mount grafted) bumps one module-wide epoch that invalidates every
 * cache, so a shared volume changed through another container's Vfs is never seen stale. File
 * contents live in the nodes themselves, so content writes need no invalidation.
 */
import { MAX_STRING_LENGTH } from '../limits.ts';
export interface Dir {
  kind: 'dir';
  entries: Map<string, Node>;
  /** Part of a shared image layer: never mutated; copied into the container first. */
  layer?: true;
}
export interface File {
  kind: 'file';
  data: string;
  /** Executable: the program id a run of this path starts (busybox applets, nginx, ...). */
  program?: string;
  /** Executable bit for scripts (shebang files). */
  exec?: boolean;
  /** A character device: `null` reads empty and swallows writes (/dev/null). */
  device?: 'null';
  /** Part of a shared image layer: never mutated; copied into the container first. */
  layer?: true;
}

/** Bumped on every shape change of any tree (see header); caches compare against it. */
let shapeEpoch = 0;

/** The module-wide shape epoch (for callers that cache what a path resolves to). */
export function fsEpoch(): number {
  return shapeEpoch;
}

/** Record a shape change made outside Vfs (tests that fill a Dir by hand, graftMount). */
export function touchShape(): void {
  shapeEpoch++;
}
export interface Mount {
  kind: 'mount';
  target: Dir | File;
  readOnly: boolean;
}
export type Node = Dir | File | Mount;

export type Errno = 'ENOENT' | 'EROFS' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY' | 'ENOSPC';

export const errnoText: Record<Errno, string> = {
  ENOENT: 'No such file or directory',
  EROFS: 'Read-only file system',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  ENOSPC: 'No space left on device',
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

/** An owned copy of a file (never marked as part of a layer). */
function copyFile(f: File): File {
  const out: File = { kind: 'file', data: f.data };
  if (f.program !== undefined) out.program = f.program;
  if (f.exec !== undefined) out.exec = f.exec;
  if (f.device !== undefined) out.device = f.device;
  return out;
}

/** Deep copy of a tree, keeping mounts (shared objects) as they are. */
export function cloneTree(d: Dir): Dir {
  const out = newDir();
  for (const [k, v] of d.entries) {
    out.entries.set(k, v.kind === 'dir' ? cloneTree(v) : v.kind === 'file' ? copyFile(v) : v);
  }
  return out;
}

/** Mark a freshly built tree as an immutable, shareable image layer. */
export function sealTree(d: Dir): Dir {
  d.layer = true;
  for (const v of d.entries.values()) {
    if (v.kind === 'dir') sealTree(v);
    else if (v.kind === 'file') v.layer = true;
  }
  return d;
}

/** A container root over a sealed layer: one new Map of the top-level entries, nothing else. */
export function overlay(layer: Dir): Dir {
  return { kind: 'dir', entries: new Map(layer.entries) };
}

/** The owned version of `child` (named `name` in owned dir `parent`), copying a layer node. */
function own<T extends Dir | File>(parent: Dir, name: string, child: T): T {
  if (!child.layer) return child;
  const copy = (
    child.kind === 'dir' ? { kind: 'dir', entries: new Map(child.entries) } : copyFile(child)
  ) as T;
  parent.entries.set(name, copy);
  shapeEpoch++;
  return copy;
}

const NOT_FOUND = null;

export class Vfs {
  /** Bumped on every change to the tree's shape (not file contents): lets callers cache lookups. */
  shape = 0;
  /** `readOnlyRoot`: securityContext.readOnlyRootFilesystem (volumes keep their own flag). */
  constructor(
    readonly root: Dir,
    private readonly readOnlyRoot = false,
  ) {}

  private cache = new Map<string, Located | typeof NOT_FOUND>();
  private cacheEpoch = -1;

  private changed(): void {
    this.shape++;
    shapeEpoch++;
  }

  /** Resolve a path for reading (cached until any tree's shape changes). */
  private locate(abs: string): Located | undefined {
    if (this.cacheEpoch !== shapeEpoch) {
      this.cache.clear();
      this.cacheEpoch = shapeEpoch;
    }
    const hit = this.cache.get(abs);
    if (hit !== undefined) return hit ?? undefined;
    const r = this.walk(abs, false);
    // walk(…, false) never changes the shape, so the epoch is still the cache's.
    if (this.cache.size > 2_000) this.cache.clear();
    this.cache.set(abs, r ?? NOT_FOUND);
    return r;
  }

  /**
   * Resolve a path for a change: layer directories on the way (and the node itself, when
   * `ownNode`) are copied into this container first, so the result is safe to mutate.
   */
  private locateW(abs: string, ownNode = false): Located | undefined {
    const r = this.walk(abs, true);
    if (ownNode && r?.parent && r.node?.layer) r.node = own(r.parent, r.name, r.node);
    return r;
  }

  private walk(abs: string, write: boolean): Located | undefined {
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
      if (child.kind === 'mount') {
        if (child.target.kind !== 'dir') return undefined;
        ro = child.readOnly;
        cur = child.target;
      } else {
        if (child.kind !== 'dir') return undefined;
        cur = write && child.layer ? own(cur, name, child) : child;
      }
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
    const peek = this.locate(abs);
    if (!peek || !peek.parent) return { ok: false, errno: peek ? 'EISDIR' : 'ENOENT' };
    if (peek.node?.kind === 'dir') return { ok: false, errno: 'EISDIR' };
    // /dev/null swallows the write: the caller gets a detached file to append to.
    if (peek.node?.device === 'null') return { ok: true, value: newFile('') };
    if (peek.readOnly) return { ok: false, errno: 'EROFS' };
    // A file is one JS string: past MAX_STRING_LENGTH the write fails as on a full disk.
    const before = append && peek.node?.kind === 'file' ? peek.node.data.length : 0;
    if (before + data.length > MAX_STRING_LENGTH) return { ok: false, errno: 'ENOSPC' };
    const loc = peek.node && !peek.node.layer ? peek : this.locateW(abs, true)!;
    if (loc.node) {
      const f = loc.node as File;
      f.data = append ? f.data + data : data;
      return { ok: true, value: f };
    }
    const f = newFile(data);
    loc.parent!.entries.set(loc.name, f);
    this.changed();
    return { ok: true, value: f };
  }

  /** chmod's executable bit (a layer file is copied into the container first). */
  setExec(abs: string, exec: boolean): FsResult<void> {
    const peek = this.locate(abs);
    if (!peek?.node) return { ok: false, errno: 'ENOENT' };
    if (peek.readOnly) return { ok: false, errno: 'EROFS' };
    if (peek.node.kind !== 'file') return { ok: true, value: undefined };
    const loc = this.locateW(abs, true)!;
    (loc.node as File).exec = exec;
    return { ok: true, value: undefined };
  }

  /** Create or keep a file (touch). */
  touch(abs: string): FsResult<void> {
    const peek = this.locate(abs);
    if (!peek || !peek.parent) return { ok: false, errno: peek ? 'EISDIR' : 'ENOENT' };
    if (peek.node) return { ok: true, value: undefined };
    if (peek.readOnly) return { ok: false, errno: 'EROFS' };
    const loc = this.locateW(abs)!;
    loc.parent!.entries.set(loc.name, newFile(''));
    this.changed();
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
    this.locateW(abs)!.parent!.entries.set(loc.name, newDir());
    this.changed();
    return { ok: true, value: undefined };
  }

  remove(abs: string, recursive: boolean): FsResult<void> {
    const peek = this.locate(abs);
    if (!peek || !peek.node || !peek.parent) return { ok: false, errno: 'ENOENT' };
    if (peek.node.kind === 'dir' && !recursive) return { ok: false, errno: 'EISDIR' };
    if (peek.readOnly) return { ok: false, errno: 'EROFS' };
    const loc = this.locateW(abs)!;
    this.changed();
    const raw = loc.parent!.entries.get(loc.name);
    // Removing a mount point itself fails in Linux (EBUSY); emptying it is what rm -rf achieves.
    if (raw?.kind === 'mount') {
      if (raw.target.kind === 'dir') raw.target.entries.clear();
      return { ok: true, value: undefined };
    }
    loc.parent!.entries.delete(loc.name);
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
    const peek = this.locate(abs);
    if (!peek || !peek.parent) return { ok: false, errno: 'ENOENT' };
    if (peek.readOnly) return { ok: false, errno: 'EROFS' };
    const copy = node.kind === 'dir' ? cloneTree(node) : copyFile(node);
    const loc = this.locateW(abs)!;
    this.changed();
    loc.parent!.entries.set(loc.name, copy);
    return { ok: true, value: undefined };
  }
}

/** Build a tree from `{ '/etc/hosts': 'text', '/bin/sh': { program: 'sh' } }`; dirs end in `/`. */
export function buildTree(
  files: Record<
    string,
    string | { program?: string; data?: string; exec?: boolean; device?: 'null' }
  >,
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
        if (spec.device) f.value.device = spec.device;
      }
    }
  }
  return root;
}

/** Graft `target` at `abs` (creating parents), as a volume mount. */
export function graftMount(root: Dir, abs: string, target: Dir | File, readOnly: boolean): void {
  const segs = splitPath(abs);
  let cur = root;
  shapeEpoch++;
  for (let i = 0; i < segs.length - 1; i++) {
    const name = segs[i]!;
    let child = cur.entries.get(name);
    if (!child || child.kind === 'file') {
      child = newDir();
      cur.entries.set(name, child);
    }
    const d = child.kind === 'mount' ? child.target : own(cur, name, child);
    if (d.kind !== 'dir') return;
    cur = d;
  }
  const last = segs[segs.length - 1];
  if (last !== undefined) cur.entries.set(last, { kind: 'mount', target, readOnly });
}
