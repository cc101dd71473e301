import { describe, expect, it } from 'vitest';
import { EXAMPLES } from './examples.ts';
import { buildShareUrl, decodeShareFragment } from './shareLink.ts';

/** A realistic origin: the link people paste into chat. */
const ORIGIN = 'https://podlab.dev/';

describe('every example fits in a short share link', () => {
  it.each(EXAMPLES.map((e) => [e.fileName, e] as const))('%s → < 2 000 characters', (_n, e) => {
    const url = buildShareUrl(ORIGIN, { yaml: e.yaml, t: 45 });
    expect(url.length).toBeLessThan(2000);
    expect(decodeShareFragment(url)).toEqual({ ok: true, payload: { yaml: e.yaml, t: 45 } });
  });
});
