import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts.ts';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const outside = { inEditor: false, inField: false };

describe('shortcutFor', () => {
  it('maps the page keys outside the editor', () => {
    expect(shortcutFor(key(' '), outside)).toBe('play');
    expect(shortcutFor(key('ArrowLeft'), outside)).toBe('prev');
    expect(shortcutFor(key('ArrowRight'), outside)).toBe('next');
    expect(shortcutFor(key('?'), outside)).toBe('help');
    expect(shortcutFor(key('Enter', { metaKey: true }), outside)).toBe('rerun');
  });
  it('never steals keys from the editor or a text field', () => {
    expect(shortcutFor(key(' '), { inEditor: true, inField: false })).toBeUndefined();
    expect(shortcutFor(key('ArrowLeft'), { inEditor: false, inField: true })).toBeUndefined();
    expect(
      shortcutFor(key('Enter', { ctrlKey: true }), { inEditor: true, inField: false }),
    ).toBeUndefined();
  });
});
