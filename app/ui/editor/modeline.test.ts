import { describe, expect, it } from 'vitest';
import { modelineSchemaUris } from './modeline.ts';

describe('modelineSchemaUris', () => {
  it.each<[string, string, string[]]>([
    [
      'a remote schema',
      '# yaml-language-server: $schema=https://example.com/pod.json\nkind: Pod\n',
      ['https://example.com/pod.json'],
    ],
    [
      'a relative path, resolved against the model folder',
      '#  yaml-language-server:$schema=schemas/x.json',
      ['file:///schemas/x.json'],
    ],
    [
      'an absolute path with a fragment',
      '# yaml-language-server: $schema=/s.json#/defs/pod',
      ['file:///s.json#/defs/pod'],
    ],
    ['no space after # is not a modeline', '#yaml-language-server: $schema=https://x/y.json', []],
    ['a comment that is not a modeline', '# see $schema=https://x/y.json', []],
    [
      'one per document, duplicates once',
      '# yaml-language-server: $schema=https://a/s.json\n---\n# yaml-language-server: $schema=https://a/s.json\n',
      ['https://a/s.json'],
    ],
  ])('%s', (_, text, want) => {
    expect(modelineSchemaUris(text)).toEqual(want);
  });
});
