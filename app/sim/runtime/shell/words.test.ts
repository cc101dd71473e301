import { describe, expect, it } from 'vitest';
import type { Piece } from './words.ts';
import { splitFields } from './words.ts';

/** The regex formulation splitFields replaced (kept as the reference behaviour). */
function reference(pieces: Piece[]): string[] {
  const fields: string[] = [];
  let cur = '';
  let has = false;
  for (const p of pieces) {
    if (p.atBreak) {
      fields.push(cur);
      cur = '';
      has = true;
    }
    if (!p.split) {
      cur += p.v;
      if (p.quoted || p.v !== '') has = true;
      continue;
    }
    if (p.v === '') continue;
    p.v.split(/[ \t\n]+/).forEach((s, i) => {
      if (i > 0) {
        if (has) fields.push(cur);
        cur = '';
        has = false;
      }
      cur += s;
      if (s !== '') has = true;
    });
  }
  if (has) fields.push(cur);
  return fields;
}

const lit = (v: string, quoted = false): Piece => ({ v, split: false, quoted });
const exp = (v: string): Piece => ({ v, split: true, quoted: false });

describe('splitFields', () => {
  it.each<[string, Piece[]]>([
    ['one word', [exp('abc')]],
    ['spaces around', [exp('  a  b\t\nc  ')]],
    ['only spaces', [exp(' \t\n ')]],
    ['prefix literal', [lit('x'), exp(' a b')]],
    ['suffix literal', [exp('a b '), lit('y')]],
    ['glued', [lit('x'), exp('a b'), lit('y')]],
    ['empty quoted', [lit('', true)]],
    ['empty unquoted', [exp('')]],
    ['quoted between', [exp('a '), lit('', true), exp(' b')]],
    ['at break', [lit('a', true), { v: 'b', split: false, quoted: true, atBreak: true }]],
    ['numbers', [exp(Array.from({ length: 50 }, (_, i) => i).join('\n'))]],
  ])('%s', (_name, pieces) => {
    expect(splitFields(pieces)).toEqual(reference(pieces));
  });
});
