/**
 * localStorage with an in-memory fallback. A write the browser refuses (quota exceeded, storage
 * blocked) is kept in memory for this tab, and the failure is reported so the page can say that
 * the work will not survive a reload. Reads see the newest value: memory first, then storage.
 */
export type StorageFailure = 'full' | 'blocked';

export interface FallbackStorage extends Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  /** Why the last write did not reach the browser's storage, while some value lives only here. */
  failure(): StorageFailure | undefined;
  /** Called whenever `failure()` changes. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

function classify(e: unknown): StorageFailure {
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  // QuotaExceededError; Firefox used NS_ERROR_DOM_QUOTA_REACHED.
  return /quota/i.test(name) ? 'full' : 'blocked';
}

/** `primary` is called on every access: merely reading `window.localStorage` can throw. */
export function createFallbackStorage(
  primary: () => Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
): FallbackStorage {
  const memory = new Map<string, string>();
  const listeners = new Set<() => void>();
  let failure: StorageFailure | undefined;
  const setFailure = (f: StorageFailure | undefined) => {
    if (f === failure) return;
    failure = f;
    for (const l of listeners) l();
  };
  return {
    getItem(key) {
      const kept = memory.get(key);
      if (kept !== undefined) return kept;
      try {
        return primary().getItem(key);
      } catch {
        return null;
      }
    },
    setItem(key, value) {
      try {
        primary().setItem(key, value);
      } catch (e) {
        memory.set(key, value);
        setFailure(classify(e));
        return;
      }
      memory.delete(key);
      // Storage works again (space was freed): once nothing lives only here, all is saved.
      if (memory.size === 0) setFailure(undefined);
    },
    removeItem(key) {
      memory.delete(key);
      try {
        primary().removeItem(key);
      } catch {
        // unavailable: the memory copy is gone, which is what was asked
      }
      if (memory.size === 0) setFailure(undefined);
    },
    failure: () => failure,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
