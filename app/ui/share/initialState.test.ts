import { describe, expect, it } from 'vitest';
import { encodeShareFragment } from '../../scenario/shareLink.ts';
import type { Example } from '../../scenario/exampleMeta.ts';
import { loadAutosave, loadPrevious, saveAutosave, type SavedWork } from './autosave.ts';
import { readInitialStateWith } from './initialState.ts';
import { readInitialState, defaultYaml } from './readInitialState.ts';
import { createMemoryStorage } from './memoryStorage.ts';
import { AUTOSAVE_KEY, LEGACY_AUTOSAVE_KEY, PREVIOUS_KEY } from './storageKeys.ts';

const EXAMPLE: Example = {
  slug: 'crash',
  order: 1,
  fileName: '01-crash.yaml',
  title: 'Crash',
  watch: 'It crashes.',
  expect: [],
  yaml: 'kind: Pod # crash\n',
};
const OPTS = { examples: [EXAMPLE], defaultYaml: 'kind: Pod # default\n' };
const MINE = 'kind: Pod # my own work\n';
const LINKED = 'kind: Pod # from a link\n';
const EARLIER = 'kind: Pod # replaced by an earlier link\n';
const LINK = `#${encodeShareFragment({ yaml: LINKED, t: 45, view: 'describe' })}`;
/** The page's own fragment for an older text (the URL sync had not caught up). */
const OWN_OLD = `#${encodeShareFragment({ yaml: 'kind: Pod # older\n', t: 12 })}`;

const at = (hash: string, search = '') => ({ hash, search });
const empty = createMemoryStorage();
function stored(work?: SavedWork, previous?: string): Storage {
  const s = createMemoryStorage(previous !== undefined ? { [PREVIOUS_KEY]: previous } : {});
  if (work) saveAutosave(s, work);
  return s;
}
const saved = stored({ yaml: MINE, edited: true, fragment: '' });

describe('readInitialState', () => {
  it('with nothing: the default scenario', () => {
    expect(readInitialStateWith(at(''), empty, OPTS)).toEqual({
      yaml: OPTS.defaultYaml,
      source: 'default',
    });
  });

  it('the autosave comes back after a reload', () => {
    expect(readInitialStateWith(at(''), saved, OPTS)).toEqual({
      yaml: MINE,
      source: 'autosave',
      edited: true,
    });
  });

  it('a link wins over the autosave, and the replaced work is offered back', () => {
    expect(readInitialStateWith(at(LINK), saved, OPTS)).toEqual({
      yaml: LINKED,
      t: 45,
      view: 'describe',
      source: 'link',
      previous: MINE,
      replacedNow: true,
    });
    // Nothing to offer back when the autosave is the same scenario.
    const same = stored({ yaml: LINKED, edited: true });
    expect(readInitialStateWith(at(LINK), same, OPTS).previous).toBeUndefined();
  });

  it.each([
    [
      'a reload before the URL sync: the page’s own older fragment loses to the autosave',
      at(OWN_OLD),
      stored({ yaml: MINE, edited: true, fragment: OWN_OLD }),
      { yaml: MINE, source: 'autosave', edited: true, t: 12 },
    ],
    [
      'the same, with an example fragment the text was edited from',
      at('#example/crash'),
      stored({ yaml: MINE, edited: true, fragment: '#example/crash' }),
      { yaml: MINE, source: 'autosave', edited: true },
    ],
    [
      'a fragment saved without its # still matches',
      at('#example/crash'),
      stored({ yaml: MINE, edited: true, fragment: 'example/crash' }),
      { yaml: MINE, source: 'autosave', edited: true },
    ],
    [
      'a different fragment is a link being opened: it wins, the typed work is offered',
      at(LINK),
      stored({ yaml: MINE, edited: true, fragment: OWN_OLD }),
      { yaml: LINKED, t: 45, view: 'describe', source: 'link', previous: MINE, replacedNow: true },
    ],
    [
      'an autosave from before v2 (bare text, no fragment) never matches: the link wins',
      at(LINK),
      createMemoryStorage({ [LEGACY_AUTOSAVE_KEY]: MINE }),
      { yaml: LINKED, t: 45, view: 'describe', source: 'link', previous: MINE, replacedNow: true },
    ],
    [
      'an untouched text (what a link opened) is not offered as work, the stored previous is',
      at('#example/crash'),
      stored({ yaml: LINKED, edited: false, fragment: LINK }, EARLIER),
      { yaml: EXAMPLE.yaml, source: 'example', example: 'crash', previous: EARLIER },
    ],
    [
      'a later reload of a link page keeps offering the text the link replaced',
      at(LINK),
      stored({ yaml: LINKED, edited: false, fragment: LINK }, MINE),
      { yaml: LINKED, source: 'autosave', t: 45, view: 'describe', previous: MINE },
    ],
    [
      'a plain reload offers the stored previous text too',
      at(''),
      stored({ yaml: LINKED, edited: false }, MINE),
      { yaml: LINKED, source: 'autosave', previous: MINE },
    ],
    [
      'the previous text is not offered when it is what is shown',
      at(''),
      stored({ yaml: MINE, edited: true }, MINE),
      { yaml: MINE, source: 'autosave', edited: true },
    ],
    [
      'newest first: the autosave this link replaces beats an older previous text',
      at(LINK),
      stored({ yaml: MINE, edited: true, fragment: '' }, EARLIER),
      { yaml: LINKED, t: 45, view: 'describe', source: 'link', previous: MINE, replacedNow: true },
    ],
  ])('%s', (_name, location, storage, want) => {
    expect(readInitialStateWith(location, storage, OPTS)).toEqual(want);
  });

  it('the bundled wrapper stores the replaced work as "previous" before the autosave moves on', () => {
    const s = stored({ yaml: MINE, edited: true, fragment: '' }, EARLIER);
    const hash = `#${encodeShareFragment({ yaml: LINKED })}`;
    expect(readInitialState(at(hash), s)).toMatchObject({ yaml: LINKED, previous: MINE });
    expect(loadPrevious(s)).toBe(MINE);
    // The page then autosaves the link's text: a reload still offers the typed work.
    saveAutosave(s, { yaml: LINKED, edited: false, fragment: hash });
    expect(readInitialState(at(hash), s)).toMatchObject({ yaml: LINKED, previous: MINE });
    expect(readInitialState(at(''), s)).toMatchObject({ yaml: LINKED, previous: MINE });
  });

  it('?t= in the query overrides the payload time', () => {
    const hash = `#${encodeShareFragment({ yaml: LINKED, t: 45 })}`;
    expect(readInitialStateWith(at(hash, '?embed=1&t=90'), empty, OPTS).t).toBe(90);
    expect(readInitialStateWith(at('', '?t=1m'), empty, OPTS).t).toBe(60);
  });

  it('a damaged link keeps the user’s own work and says why', () => {
    const r = readInitialStateWith(at('#s=1.AAAA'), saved, OPTS);
    expect(r).toMatchObject({ yaml: MINE, source: 'autosave' });
    expect(r.error).toMatch(/^This link is damaged: /);
    const newer = readInitialStateWith(at('#s=3.AAAA'), empty, OPTS);
    expect(newer).toMatchObject({ yaml: OPTS.defaultYaml, source: 'default' });
    expect(newer.error).toMatch(/newer Podlab \(format 3\)/);
  });

  it('#example/<slug> opens an example; an unknown one keeps the user’s work', () => {
    expect(readInitialStateWith(at('#example/crash'), saved, OPTS)).toEqual({
      yaml: EXAMPLE.yaml,
      source: 'example',
      example: 'crash',
      previous: MINE,
      replacedNow: true,
    });
    expect(readInitialStateWith(at('#example/nope'), saved, OPTS)).toEqual({
      yaml: MINE,
      source: 'autosave',
      edited: true,
      error: 'There is no example called "nope".',
    });
  });

  it('storage that throws is treated as empty', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readInitialStateWith(at(''), broken, OPTS).source).toBe('default');
  });

  it('the bundled wrapper opens real examples and defaults to liveness-exec', () => {
    expect(readInitialState(at(''), empty)).toEqual({ yaml: defaultYaml(), source: 'default' });
    expect(defaultYaml()).toContain('name: liveness-exec');
    expect(readInitialState(at('#example/crashloop-ladder'), empty)).toMatchObject({
      source: 'example',
      example: 'crashloop-ladder',
    });
  });
});

describe('the autosave record', () => {
  it.each([
    [
      'a v2 record',
      { [AUTOSAVE_KEY]: '{"yaml":"a","edited":false,"fragment":"#x"}' },
      { yaml: 'a', edited: false, fragment: '#x' },
    ],
    [
      'a damaged record falls back to the old key',
      { [AUTOSAVE_KEY]: '{"yaml":', [LEGACY_AUTOSAVE_KEY]: 'old' },
      { yaml: 'old', edited: true },
    ],
    [
      'a record of the wrong shape is ignored',
      { [AUTOSAVE_KEY]: '{"yaml":3,"edited":true}' },
      undefined,
    ],
    ['nothing saved', {}, undefined],
  ])('%s', (_name, initial, want) => {
    expect(loadAutosave(createMemoryStorage(initial))).toEqual(want);
  });
});
