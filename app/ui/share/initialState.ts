/**
 * What the page opens with: the autosave, unless the address bar holds a link or example that is
 * not the page's own (stale) fragment; `#example/<slug>` opens an example, otherwise the autosave
 * or the default. A bad link keeps the user's own work and says why. Typed text that is not shown
 * (replaced by this link now, or by an earlier one) is offered back.
 */
import type { Example } from '../../scenario/exampleMeta.ts';
import { decodeShareFragment, hasShareFragment } from '../../scenario/shareLink.ts';
import { loadAutosave, loadPrevious } from './autosave.ts';
import { readEmbedOptions } from './embedOptions.ts';

export type InitialSource = 'link' | 'autosave' | 'example' | 'default';

export interface InitialState {
  yaml: string;
  t?: number;
  view?: string;
  source: InitialSource;
  /** Shown to the user: the link could not be opened (their own scenario was kept). */
  error?: string;
  /** The example opened (for `#example/<slug>`). */
  example?: string;
  /** The text shown is typed work (an edited autosave), not what a link or example opened. */
  edited?: true;
  /**
   * Typed text the page does not show, offered back ("Restore your previous text"): the autosave
   * this link or example replaced, else the text an earlier one replaced.
   */
  previous?: string;
  /** `previous` is the autosave replaced by this load: it is not stored as "previous" yet. */
  replacedNow?: true;
}

export interface InitialStateOptions {
  examples: readonly Example[];
  /** Used when there is no link, example or autosave. */
  defaultYaml: string;
}

/** What the address bar's fragment asks for. */
export type FragmentRequest =
  | { kind: 'none'; t?: number }
  | { kind: 'error'; error: string; t?: number }
  | { kind: 'open'; state: InitialState };

const EXAMPLE_HASH = /^#?example\/([a-z0-9-]+)$/;

/** Reads a link or `#example/<slug>` (and `?t=`), without looking at storage. */
export function readFragment(
  location: { hash: string; search: string },
  examples: readonly Example[],
): FragmentRequest {
  const queryT = readEmbedOptions(location.search).t;
  const withT = queryT !== undefined ? { t: queryT } : {};
  const hash = decodeURIComponentSafe(location.hash);
  const example = EXAMPLE_HASH.exec(hash.trim());
  if (example) {
    const slug = example[1] ?? '';
    const found = examples.find((e) => e.slug === slug);
    if (!found) return { kind: 'error', error: `There is no example called "${slug}".`, ...withT };
    return {
      kind: 'open',
      state: { yaml: found.yaml, source: 'example', example: slug, ...withT },
    };
  }
  if (!hasShareFragment(location.hash)) return { kind: 'none', ...withT };
  const r = decodeShareFragment(location.hash);
  if (!r.ok) return { kind: 'error', error: r.error, ...withT };
  const s: InitialState = { yaml: r.payload.yaml, source: 'link' };
  const t = queryT ?? r.payload.t;
  if (t !== undefined) s.t = t;
  if (r.payload.view !== undefined) s.view = r.payload.view;
  return { kind: 'open', state: s };
}

const bare = (hash: string) => (hash.startsWith('#') ? hash.slice(1) : hash);

export function readInitialStateWith(
  location: { hash: string; search: string },
  storage: Pick<Storage, 'getItem'>,
  options: InitialStateOptions,
): InitialState {
  const found = loadAutosave(storage);
  const saved = found && found.yaml.trim() !== '' ? found : undefined;
  const own = (): InitialState =>
    saved
      ? { yaml: saved.yaml, source: 'autosave', ...(saved.edited ? { edited: true } : {}) }
      : { yaml: options.defaultYaml, source: 'default' };
  const request = readFragment(location, options.examples);

  let s: InitialState;
  if (request.kind === 'none') s = { ...own(), ...withT(request.t) };
  else if (request.kind === 'error') s = { ...own(), ...withT(request.t), error: request.error };
  else if (saved?.fragment !== undefined && bare(saved.fragment) === bare(location.hash)) {
    // The address bar holds the fragment it had when the autosave was written: the page's own
    // link, synced from the text with a delay, so older than the autosave (a quick reload).
    const { t, view } = request.state;
    s = { ...own(), ...withT(t), ...(view !== undefined ? { view } : {}) };
  } else {
    s = request.state;
    if (saved?.edited && saved.yaml !== s.yaml)
      s = { ...s, previous: saved.yaml, replacedNow: true };
  }
  if (s.previous === undefined) {
    const previous = loadPrevious(storage);
    if (previous !== undefined && previous.trim() !== '' && previous !== s.yaml)
      s = { ...s, previous };
  }
  return s;
}

const withT = (t: number | undefined) => (t !== undefined ? { t } : {});

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
