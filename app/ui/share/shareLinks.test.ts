import { describe, expect, it } from 'vitest';
import { decodeShareFragment } from '../../scenario/shareLink.ts';
import { EXAMPLES } from '../../scenario/examples.ts';
import {
  buildShareLinks,
  HARD_LIMIT,
  playgroundLink,
  scenarioFileName,
  SOFT_LIMIT,
} from './shareLinks.ts';
import { embedSearch, readEmbedOptions } from './embedOptions.ts';
import { fragmentFor } from './urlFragment.ts';
import { createMemoryStorage } from './memoryStorage.ts';
import {
  forgetPrevious,
  loadAutosave,
  loadPrevious,
  rememberPrevious,
  saveAutosave,
} from './autosave.ts';

const YAML = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';

describe('playgroundLink (the embed’s “Open in playground”)', () => {
  it.each([
    ['a plain embed', 'https://podlab.dev/?embed=1&t=45#s=1.abc', 'https://podlab.dev/#s=1.abc'],
    [
      'a sub-path',
      'https://podlab.dev/play/?embed=1#example/x',
      'https://podlab.dev/play/#example/x',
    ],
    [
      'a path that looks like another host stays on this origin',
      'http://127.0.0.1:4301//other.host/?embed=1#s=1.abc',
      'http://127.0.0.1:4301//other.host/#s=1.abc',
    ],
  ])('%s', (_name, href, want) => {
    const link = playgroundLink(href);
    expect(link).toBe(want);
    expect(new URL(link).origin).toBe(new URL(href).origin);
  });
});

describe('buildShareLinks', () => {
  it('drops the page’s query and old fragment, and keeps the path', () => {
    const l = buildShareLinks('https://podlab.dev/play/?embed=1#s=1.old', { yaml: YAML, t: 45 });
    expect(l.url).toMatch(/^https:\/\/podlab\.dev\/play\/#s=1\.[\w-]+$/);
    expect(decodeShareFragment(l.url)).toEqual({ ok: true, payload: { yaml: YAML, t: 45 } });
    expect(l.length).toBe(l.url.length);
    expect(l.warning).toBeUndefined();
  });

  it('makes an absolute embed URL and an iframe snippet', () => {
    const l = buildShareLinks('http://127.0.0.1:4173/', { yaml: YAML, t: 45 });
    expect(l.embedUrl).toMatch(/^http:\/\/127\.0\.0\.1:4173\/\?embed=1&t=45#s=1\./);
    expect(l.embedSnippet).toContain(`src="${l.embedUrl.replace(/&/g, '&amp;')}"`);
    expect(l.embedSnippet).toMatch(/^<iframe .*title="Podlab scenario".*><\/iframe>$/);
  });

  it('warns above 2,000 and more strongly above 8,000 characters', () => {
    // Text that does not compress: a pseudo-random sequence.
    let seed = 7;
    const noise = (n: number) =>
      Array.from({ length: n }, () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return String.fromCharCode(33 + (seed % 90));
      }).join('');
    const long = buildShareLinks('https://podlab.dev/', { yaml: `# ${noise(2400)}` });
    expect(long.length).toBeGreaterThan(SOFT_LIMIT);
    expect(long.warning).toMatch(/some chat apps cut links over 2,000 characters/);
    const huge = buildShareLinks('https://podlab.dev/', { yaml: `# ${noise(9000)}` });
    expect(huge.length).toBeGreaterThan(HARD_LIMIT);
    expect(huge.warning).toMatch(/too long for many servers/);
  });

  it('names the download after the first name in the scenario', () => {
    expect(scenarioFileName(YAML)).toBe('web.yaml');
    expect(scenarioFileName('kind: Pod\n')).toBe('scenario.yaml');
  });
});

describe('readEmbedOptions', () => {
  it('reads the flags', () => {
    expect(readEmbedOptions('?embed=1&t=45&autoplay=1&theme=dark')).toEqual({
      embed: true,
      t: 45,
      autoplay: true,
      theme: 'dark',
    });
    expect(readEmbedOptions('')).toEqual({ embed: false });
    expect(readEmbedOptions('?embed=0&t=soon&theme=pink&readonly')).toEqual({
      embed: false,
      readonly: true,
    });
    expect(readEmbedOptions('t=1m30s').t).toBe(90);
  });

  it('embedSearch writes what readEmbedOptions reads', () => {
    const search = embedSearch({ t: 45, autoplay: true, theme: 'light' });
    expect(search).toBe('?embed=1&t=45&autoplay=1&theme=light');
    expect(readEmbedOptions(search)).toEqual({
      embed: true,
      t: 45,
      autoplay: true,
      theme: 'light',
    });
    expect(embedSearch({})).toBe('?embed=1');
  });
});

describe('fragmentFor', () => {
  const example = EXAMPLES[0]!;
  it('an unedited example stays #example/<slug>', () => {
    expect(fragmentFor(example.yaml, 0, undefined, EXAMPLES)).toBe(`example/${example.slug}`);
  });
  it('an edit, a cursor or a view makes a share payload', () => {
    const edited = fragmentFor(`${example.yaml}\n# mine`, undefined, undefined, EXAMPLES);
    expect(decodeShareFragment(edited)).toEqual({
      ok: true,
      payload: { yaml: `${example.yaml}\n# mine` },
    });
    const withT = fragmentFor(example.yaml, 12.34567, 'pods', EXAMPLES);
    expect(decodeShareFragment(withT)).toEqual({
      ok: true,
      payload: { yaml: example.yaml, t: 12.346, view: 'pods' },
    });
  });
});

describe('autosave', () => {
  it('saves, reloads and keeps a previous scenario', () => {
    const s = createMemoryStorage();
    expect(loadAutosave(s)).toBeUndefined();
    expect(saveAutosave(s, { yaml: YAML, edited: true, fragment: '#example/x' })).toBe(true);
    expect(loadAutosave(s)).toEqual({ yaml: YAML, edited: true, fragment: '#example/x' });
    expect(rememberPrevious(s, '   ')).toBe(false);
    expect(rememberPrevious(s, 'mine')).toBe(true);
    expect(loadPrevious(s)).toBe('mine');
    forgetPrevious(s);
    expect(loadPrevious(s)).toBeUndefined();
  });

  it('a full or blocked storage does not throw', () => {
    const full = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(saveAutosave(full, { yaml: YAML, edited: true })).toBe(false);
    expect(() => forgetPrevious(full)).not.toThrow();
  });
});
