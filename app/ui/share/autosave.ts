/** Reading and writing the autosaved scenario. Storage is passed in, so this runs in Node tests. */
import { AUTOSAVE_KEY, LEGACY_AUTOSAVE_KEY, PREVIOUS_KEY } from './storageKeys.ts';

/** What the autosave keeps. */
export interface SavedWork {
  yaml: string;
  /**
   * `location.hash` when this was saved. The address bar is synced from the text with a delay, so
   * after a quick reload it still holds this fragment while the text is newer: the autosave wins.
   * Undefined for records from before v2 (never matches).
   */
  fragment?: string;
  /** The text was typed (not exactly what a link, an example or a file opened). */
  edited: boolean;
}

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

function parseRecord(raw: string): SavedWork | undefined {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Record<string, unknown>;
  if (typeof r.yaml !== 'string' || typeof r.edited !== 'boolean') return undefined;
  const out: SavedWork = { yaml: r.yaml, edited: r.edited };
  if (typeof r.fragment === 'string') out.fragment = r.fragment;
  return out;
}

export function loadAutosave(storage: Pick<Storage, 'getItem'>): SavedWork | undefined {
  const raw = get(storage, AUTOSAVE_KEY);
  const record = raw === undefined ? undefined : parseRecord(raw);
  if (record) return record;
  const legacy = get(storage, LEGACY_AUTOSAVE_KEY);
  // An old bare-text autosave: treat it as typed work, saved under no known fragment.
  return legacy === undefined ? undefined : { yaml: legacy, edited: true };
}

export function saveAutosave(storage: Pick<Storage, 'setItem'>, work: SavedWork): boolean {
  const record: Record<string, unknown> = { yaml: work.yaml, edited: work.edited };
  if (work.fragment !== undefined) record.fragment = work.fragment;
  return set(storage, AUTOSAVE_KEY, JSON.stringify(record));
}

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
