import { describe, expect, it } from 'vitest';
import { Vfs, buildTree, graftMount, newDir, newFile, normalizePath } from './vfs.ts';

describe('virtual filesystem', () => {
  it('normalises paths against a cwd', () => {
    expect(normalizePath('a/../b/./c', '/x')).toBe('/x/b/c');
    expect(normalizePath('/../..')).toBe('/');
    expect(normalizePath('/usr/bin/')).toBe('/usr/bin');
  });

  it('builds trees with executables and reports errno values', () => {
    const v = new Vfs(buildTree({ '/bin/sh': { program: 'sh' }, '/etc/': '', '/etc/motd': 'hi' }));
    expect(v.stat('/bin/sh')).toMatchObject({ kind: 'file', program: 'sh' });
    expect(v.readFile('/etc')).toEqual({ ok: false, errno: 'EISDIR' });
    expect(v.readFile('/nope')).toEqual({ ok: false, errno: 'ENOENT' });
    expect(v.writeFile('/no/dir/f', 'x')).toEqual({ ok: false, errno: 'ENOENT' });
    expect(v.mkdir('/etc')).toEqual({ ok: false, errno: 'EEXIST' });
    expect(v.mkdir('/etc/motd/x', true)).toEqual({ ok: false, errno: 'ENOTDIR' });
    expect(v.remove('/etc', false)).toEqual({ ok: false, errno: 'EISDIR' });
  });

  it('shares mounted objects and enforces read-only mounts below them', () => {
    const shared = newDir();
    const a = new Vfs(newDir());
    const b = new Vfs(newDir());
    graftMount(a.root, '/data', shared, false);
    graftMount(b.root, '/mnt/ro', shared, true);
    expect(a.writeFile('/data/x', '1').ok).toBe(true);
    expect(b.readFile('/mnt/ro/x')).toEqual({ ok: true, value: '1' });
    expect(b.writeFile('/mnt/ro/y', '2')).toEqual({ ok: false, errno: 'EROFS' });
    expect(b.remove('/mnt/ro/x', false)).toEqual({ ok: false, errno: 'EROFS' });
    expect(b.isReadOnly('/mnt/ro/x')).toBe(true);
  });

  it('rm -rf of a mount point empties it instead of unmounting', () => {
    const shared = newDir();
    shared.entries.set('f', newFile('x'));
    const v = new Vfs(newDir());
    graftMount(v.root, '/vol', shared, false);
    expect(v.remove('/vol', true).ok).toBe(true);
    expect(v.isDir('/vol')).toBe(true);
    expect(shared.entries.size).toBe(0);
  });

  it('counts shape changes so lookups can be cached', () => {
    const v = new Vfs(newDir());
    const before = v.shape;
    v.writeFile('/a', 'x');
    v.writeFile('/a', 'y');
    expect(v.shape).toBe(before + 1);
    v.remove('/a', false);
    expect(v.shape).toBe(before + 2);
  });
});
