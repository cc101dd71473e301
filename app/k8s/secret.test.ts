import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64Decode, base64Encode, secretData } from './secret.ts';
import { parseScenario } from './parseScenario.ts';

describe('base64 (RFC 4648 §4, as Go decodes Secret data)', () => {
  it.each([
    ['', ''],
    ['a', 'YQ=='],
    ['ab', 'YWI='],
    ['abc', 'YWJj'],
    ['admin', 'YWRtaW4='],
    ['pässwörd ✓', 'cMOkc3N3w7ZyZCDinJM='],
    ['😀', '8J+YgA=='],
  ])('%j <-> %s', (text, encoded) => {
    expect(base64Encode(text)).toBe(encoded);
    expect(base64Decode(encoded)).toEqual({ text });
  });

  it('round-trips any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(base64Decode(base64Encode(s))).toEqual({ text: s });
      }),
    );
  });

  it.each([
    ['s3cr3t!', 'illegal base64 data at input byte 4'],
    ['YWJ', 'illegal base64 data at input byte 0'],
    ['YW=j', 'illegal base64 data at input byte 2'],
    ['Y*Jj', 'illegal base64 data at input byte 1'],
  ])('rejects %j: %s', (input, error) => {
    expect(base64Decode(input)).toEqual({ error });
  });
});

describe('secretData', () => {
  it('gives the decoded text of data merged with stringData', () => {
    const r = parseScenario(
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  user: YWRtaW4=\nstringData:\n  token: "t0k ✓"\n',
    );
    const secret = r.objects[0];
    expect(secret?.kind).toBe('Secret');
    if (secret?.kind !== 'Secret') return;
    expect(secretData(secret.object)).toEqual({ user: 'admin', token: 't0k ✓' });
  });
});
