/** Reading and writing the autosaved scenario. Storage is passed in, so this runs in Node tests. */
import { AUTOSAVE_KEY, PREVIOUS_KEY } from './storageKeys.ts';

/** Storage may be missing or throw (private mode, quota, disabled cookies): never fail the page. */
function get(storage: Pick<Storage, 'getItem'>, key: string): string | undefined {
  try {
    return storage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function set(storage: Pick<Storage, 'setItem'>, key: string, value: string): boolean {
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export const loadAutosave = (storage: Pick<Storage, 'getItem'>) => get(storage, AUTOSAVE_KEY);
export const saveAutosave = (storage: Pick<Storage, 'setItem'>, yaml: string) =>
  set(storage, AUTOSAVE_KEY, yaml);

export const loadPrevious = (storage: Pick<Storage, 'getItem'>) => get(storage, PREVIOUS_KEY);

/** Keeps `yaml` as "the previous scenario" unless it is empty. */
export function rememberPrevious(storage: Pick<Storage, 'setItem'>, yaml: string): boolean {
  return yaml.trim() === '' ? false : set(storage, PREVIOUS_KEY, yaml);
}

export function forgetPrevious(storage: Pick<Storage, 'removeItem'>): void {
  try {
    storage.removeItem(PREVIOUS_KEY);
  } catch {
    // nothing to do: storage is unavailable
  }
}
