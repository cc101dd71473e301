/**
 * What the page opens with: a share link wins over the autosave, `#example/<slug>` opens an
 * example, otherwise the autosave or the default. A bad link keeps the user's own work and says why.
 */
import type { Example } from '../../scenario/exampleMeta.ts';
import { decodeShareFragment, hasShareFragment } from '../../scenario/shareLink.ts';
import { loadAutosave } from './autosave.ts';
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
  /**
   * The autosaved scenario that the link or example replaced, when it differs: the UI offers to
   * restore it ("opening a link never silently destroys unsaved work").
   */
  replaced?: string;
}

export interface InitialStateOptions {
  examples: readonly Example[];
  /** Used when there is no link, example or autosave. */
  defaultYaml: string;
}

const EXAMPLE_HASH = /^#?example\/([a-z0-9-]+)$/;

export function readInitialStateWith(
  location: { hash: string; search: string },
  storage: Pick<Storage, 'getItem'>,
  options: InitialStateOptions,
): InitialState {
  const saved = loadAutosave(storage);
  const own = (): InitialState =>
    saved !== undefined && saved.trim() !== ''
      ? { yaml: saved, source: 'autosave' }
      : { yaml: options.defaultYaml, source: 'default' };
  const withReplaced = (s: InitialState): InitialState =>
    saved !== undefined && saved.trim() !== '' && saved !== s.yaml ? { ...s, replaced: saved } : s;
  const queryT = readEmbedOptions(location.search).t;

  const hash = decodeURIComponentSafe(location.hash);
  const example = EXAMPLE_HASH.exec(hash.trim());
  if (example) {
    const slug = example[1] ?? '';
    const found = options.examples.find((e) => e.slug === slug);
    if (!found) return { ...own(), error: `There is no example called "${slug}".` };
    const s: InitialState = { yaml: found.yaml, source: 'example', example: slug };
    if (queryT !== undefined) s.t = queryT;
    return withReplaced(s);
  }
  if (hasShareFragment(location.hash)) {
    const r = decodeShareFragment(location.hash);
    if (!r.ok) return { ...own(), ...(queryT !== undefined ? { t: queryT } : {}), error: r.error };
    const s: InitialState = { yaml: r.payload.yaml, source: 'link' };
    const t = queryT ?? r.payload.t;
    if (t !== undefined) s.t = t;
    if (r.payload.view !== undefined) s.view = r.payload.view;
    return withReplaced(s);
  }
  const s = own();
  return queryT !== undefined ? { ...s, t: queryT } : s;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
