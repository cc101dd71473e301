import { describe, expect, it } from 'vitest';
import { createFallbackStorage } from './fallbackStorage.ts';
import { createMemoryStorage } from './memoryStorage.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const security = () => new DOMException('The operation is insecure.', 'SecurityError');

/** A storage whose writes fail while `failing` is set. */
function flaky(initial: Record<string, string> = {}) {
  const inner = createMemoryStorage(initial);
  const state: { failing?: () => Error } = {};
  const storage = {
    getItem: (k: string) => inner.getItem(k),
    setItem: (k: string, v: string) => {
      if (state.failing) throw state.failing();
      inner.setItem(k, v);
    },
    removeItem: (k: string) => inner.removeItem(k),
  };
  return { inner, state, storage };
}

describe('createFallbackStorage', () => {
  it('writes through while the browser storage works', () => {
    const f = flaky();
    const s = createFallbackStorage(() => f.storage);
    s.setItem('k', 'v');
    expect(f.inner.getItem('k')).toBe('v');
    expect(s.failure()).toBeUndefined();
  });

  it.each([
    ['a full storage', quota, 'full'],
    ['a blocked storage', security, 'blocked'],
  ] as const)(
    '%s: the newest value is kept in memory and the failure reported',
    (_n, err, want) => {
      const f = flaky({ k: 'older' });
      const s = createFallbackStorage(() => f.storage);
      const seen: (string | undefined)[] = [];
      s.subscribe(() => seen.push(s.failure()));
      f.state.failing = err;
      s.setItem('k', 'newest');
      expect(s.getItem('k')).toBe('newest');
      expect(f.inner.getItem('k')).toBe('older');
      expect(s.failure()).toBe(want);
      expect(seen).toEqual([want]);

      // Space freed: the next write reaches the storage and the warning goes away.
      delete f.state.failing;
      s.setItem('k', 'newer still');
      expect(f.inner.getItem('k')).toBe('newer still');
      expect(s.failure()).toBeUndefined();
      expect(seen).toEqual([want, undefined]);
    },
  );

  it('stays failed while another value still lives only in memory', () => {
    const f = flaky();
    const s = createFallbackStorage(() => f.storage);
    f.state.failing = quota;
    s.setItem('a', '1');
    s.setItem('b', '2');
    delete f.state.failing;
    s.setItem('a', '3');
    expect(s.failure()).toBe('full');
    s.removeItem('b');
    expect(s.failure()).toBeUndefined();
    expect(s.getItem('b')).toBeNull();
  });

  it('a storage that cannot even be reached reads as empty and keeps writes in memory', () => {
    const s = createFallbackStorage(() => {
      throw security();
    });
    expect(s.getItem('k')).toBeNull();
    s.setItem('k', 'v');
    expect(s.getItem('k')).toBe('v');
    expect(s.failure()).toBe('blocked');
    expect(() => s.removeItem('k')).not.toThrow();
  });
});
