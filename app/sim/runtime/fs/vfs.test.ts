import { describe, expect, it } from 'vitest';
import {
  Vfs,
  buildTree,
  graftMount,
  newDir,
  newFile,
  normalizePath,
  overlay,
  sealTree,
  touchShape,
} from './vfs.ts';

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
    touchShape();
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

  it('shares an image layer copy-on-write: a container never changes the layer or a sibling', () => {
    const layer = sealTree(
      buildTree({ '/bin/sh': { program: 'sh' }, '/etc/motd': 'hi', '/usr/share/x/a': 'A' }),
    );
    const a = new Vfs(overlay(layer));
    const b = new Vfs(overlay(layer));
    expect(a.writeFile('/etc/motd', 'changed').ok).toBe(true);
    expect(a.writeFile('/usr/share/x/b', 'B').ok).toBe(true);
    expect(a.remove('/bin/sh', false).ok).toBe(true);
    expect(a.setExec('/usr/share/x/a', true).ok).toBe(true);
    expect(a.mkdir('/usr/share/x/d').ok).toBe(true);
    expect(a.place('/etc/copy', a.stat('/usr/share/x/a') as never).ok).toBe(true);
    expect(a.readFile('/etc/motd')).toEqual({ ok: true, value: 'changed' });
    expect(a.stat('/bin/sh')).toBeUndefined();
    expect(a.stat('/usr/share/x/a')).toMatchObject({ exec: true });
    expect(a.list('/usr/share/x')).toEqual({ ok: true, value: ['a', 'b', 'd'] });
    // The sibling and a container created later see the image as built.
    for (const v of [b, new Vfs(overlay(layer))]) {
      expect(v.readFile('/etc/motd')).toEqual({ ok: true, value: 'hi' });
      expect(v.stat('/bin/sh')).toMatchObject({ program: 'sh' });
      expect(v.stat('/usr/share/x/a')).not.toMatchObject({ exec: true });
      expect(v.list('/usr/share/x')).toEqual({ ok: true, value: ['a'] });
      expect(v.stat('/etc/copy')).toBeUndefined();
    }
    // Grafting a mount below a layer directory copies that directory, not the layer's.
    graftMount(b.root, '/etc/hosts', newFile('h'), false);
    expect(b.readFile('/etc/hosts')).toEqual({ ok: true, value: 'h' });
    expect(a.stat('/etc/hosts')).toBeUndefined();
    expect(layer.entries.get('etc')).toMatchObject({ layer: true });
  });

  it('sees a change made through another Vfs sharing a mounted volume (cached lookups)', () => {
    const vol = newDir();
    const a = new Vfs(newDir());
    const b = new Vfs(newDir());
    graftMount(a.root, '/v', vol, false);
    graftMount(b.root, '/v', vol, false);
    expect(b.stat('/v/f')).toBeUndefined();
    a.writeFile('/v/f', '1');
    expect(b.readFile('/v/f')).toEqual({ ok: true, value: '1' });
    a.remove('/v/f', false);
    expect(b.stat('/v/f')).toBeUndefined();
  });
});
