import { describe, expect, it } from 'vitest';
import { encodeShareFragment } from '../../scenario/shareLink.ts';
import type { Example } from '../../scenario/exampleMeta.ts';
import { readInitialStateWith } from './initialState.ts';
import { readInitialState, defaultYaml } from './readInitialState.ts';
import { createMemoryStorage } from './memoryStorage.ts';
import { AUTOSAVE_KEY } from './storageKeys.ts';

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

const at = (hash: string, search = '') => ({ hash, search });
const empty = createMemoryStorage();
const saved = createMemoryStorage({ [AUTOSAVE_KEY]: MINE });

describe('readInitialState', () => {
  it('with nothing: the default scenario', () => {
    expect(readInitialStateWith(at(''), empty, OPTS)).toEqual({
      yaml: OPTS.defaultYaml,
      source: 'default',
    });
  });

  it('the autosave comes back after a reload', () => {
    expect(readInitialStateWith(at(''), saved, OPTS)).toEqual({ yaml: MINE, source: 'autosave' });
  });

  it('a link wins over the autosave, and the replaced work is offered back', () => {
    const hash = `#${encodeShareFragment({ yaml: LINKED, t: 45, view: 'describe' })}`;
    expect(readInitialStateWith(at(hash), saved, OPTS)).toEqual({
      yaml: LINKED,
      t: 45,
      view: 'describe',
      source: 'link',
      replaced: MINE,
    });
    // Nothing to offer back when the autosave is the same scenario.
    const same = createMemoryStorage({ [AUTOSAVE_KEY]: LINKED });
    expect(readInitialStateWith(at(hash), same, OPTS).replaced).toBeUndefined();
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
      replaced: MINE,
    });
    expect(readInitialStateWith(at('#example/nope'), saved, OPTS)).toEqual({
      yaml: MINE,
      source: 'autosave',
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
