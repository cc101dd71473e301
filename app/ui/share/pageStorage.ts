/**
 * The page's one storage for typed work (autosave, previous text): localStorage with the
 * in-memory fallback, so every writer's failure reaches the same warning.
 */
import { useSyncExternalStore } from 'react';
import { createFallbackStorage, type StorageFailure } from './fallbackStorage.ts';

export const pageStorage = createFallbackStorage(() => window.localStorage);

/** Why typed work is kept only in this tab, or undefined while storage works. */
export function useStorageFailure(): StorageFailure | undefined {
  return useSyncExternalStore(pageStorage.subscribe, pageStorage.failure);
}
