import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import {
  buildShareUrl,
  decodeShareFragment,
  encodeShareFragment,
  hasShareFragment,
  MAX_INFLATED_BYTES,
  MAX_PAYLOAD_CHARS,
  type SharePayload,
} from './shareLink.ts';
import { encodeBase64url } from './base64url.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: crash
spec:
  containers:
  - name: app
    image: busybox
    command: ['sh', '-c', 'exit 1']
`;

/** Builds a format-1 fragment from arbitrary bytes of JSON text (bypassing the shape check). */
const rawFragment = (json: string, format = 1) =>
  `s=${format}.${encodeBase64url(deflateSync(new TextEncoder().encode(json), { level: 9 }))}`;

const errorOf = (input: string) => {
  const r = decodeShareFragment(input);
  if (r.ok) throw new Error(`expected a failure for ${input.slice(0, 40)}`);
  return r.error;
};

describe('encodeShareFragment / decodeShareFragment', () => {
  it('round-trips yaml, t and view', () => {
    const payload: SharePayload = { yaml: POD, t: 45, view: 'timeline' };
    const fragment = encodeShareFragment(payload);
    expect(fragment).toMatch(/^s=1\.[A-Za-z0-9_-]+$/);
    expect(decodeShareFragment(fragment)).toEqual({ ok: true, payload });
  });

  it('omits absent optional fields', () => {
    const r = decodeShareFragment(encodeShareFragment({ yaml: POD }));
    expect(r).toEqual({ ok: true, payload: { yaml: POD } });
  });

  it('is deterministic: same scenario, same link', () => {
    const a = encodeShareFragment({ yaml: POD, t: 3.5 });
    const b = encodeShareFragment({ view: undefined, t: 3.5, yaml: POD });
    expect(a).toBe(b);
  });

  it('accepts a full URL, a #fragment and a bare fragment', () => {
    const fragment = encodeShareFragment({ yaml: POD, t: 12 });
    for (const input of [
      `https://podlab.example/some/path?embed=1&t=45#${fragment}`,
      `#${fragment}`,
      fragment,
      `  #${fragment}\n`,
      `#other=1&${fragment}`,
      `https://podlab.example/#${fragment.replace('=', '%3D')}`,
    ]) {
      expect(decodeShareFragment(input)).toEqual({ ok: true, payload: { yaml: POD, t: 12 } });
    }
  });

  it('buildShareUrl replaces any existing fragment', () => {
    const url = buildShareUrl('https://podlab.example/?embed=1#s=1.old', { yaml: POD });
    expect(url.startsWith('https://podlab.example/?embed=1#s=1.')).toBe(true);
    expect(url).not.toContain('old');
    expect(hasShareFragment(url)).toBe(true);
    expect(hasShareFragment('https://podlab.example/#example/crash')).toBe(false);
  });

  it('property: any text, time and view round-trip', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 3000 }),
        fc.option(fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }), {
          nil: undefined,
        }),
        fc.option(fc.string({ maxLength: 64 }), { nil: undefined }),
        (yaml, t, view) => {
          const payload: SharePayload = { yaml };
          if (t !== undefined) payload.t = t;
          if (view !== undefined) payload.view = view;
          const fragment = encodeShareFragment(payload);
          expect(fragment).toMatch(/^s=1\.[A-Za-z0-9_-]*$/);
          expect(decodeShareFragment(`https://x.test/#${fragment}`)).toEqual({ ok: true, payload });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: mangled links never throw and never decode to something else silently', () => {
    const fragment = encodeShareFragment({ yaml: POD, t: 7 });
    fc.assert(
      fc.property(fc.nat(fragment.length - 1), fc.string({ maxLength: 3 }), (at, insert) => {
        const mangled = fragment.slice(0, at) + insert + fragment.slice(at + 1);
        const r = decodeShareFragment(mangled);
        if (r.ok) expect(typeof r.payload.yaml).toBe('string');
        else expect(r.error).toMatch(/^This link (is damaged|was made by a newer Podlab)/);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses to encode an invalid payload', () => {
    expect(() => encodeShareFragment({ yaml: POD, t: Number.NaN })).toThrow(RangeError);
    expect(() => encodeShareFragment({ yaml: POD, t: -1 })).toThrow(RangeError);
  });
});

describe('versioning', () => {
  it('a newer format is reported as such', () => {
    expect(errorOf('#s=3.abcd')).toBe(
      'This link was made by a newer Podlab (format 3). Reload the page to get the latest version, then open the link again.',
    );
  });

  it('format 0 (never used) and a missing format number are damaged links', () => {
    expect(errorOf('#s=0.abcd')).toMatch(/^This link is damaged: its format 0/);
    expect(errorOf('#s=abcd')).toMatch(/^This link is damaged: it does not start with a format/);
    expect(errorOf('#s=1.')).toMatch(/^This link is damaged: it is empty/);
  });

  it('a fragment without s= is reported, not guessed', () => {
    expect(errorOf('https://podlab.example/#example/crash')).toMatch(/no "#s=" part/);
    expect(errorOf('')).toMatch(/no "#s=" part/);
  });
});

describe('damaged input', () => {
  const good = encodeShareFragment({ yaml: POD.repeat(4), t: 5 });

  it('a truncated link says it is incomplete', () => {
    expect(errorOf(good.slice(0, Math.floor(good.length / 2)))).toMatch(
      /^This link is damaged: it is incomplete/,
    );
  });

  it('characters outside base64url are rejected with their position', () => {
    expect(errorOf(`${good.slice(0, 10)}%${good.slice(11)}`)).toMatch(
      /^This link is damaged: it contains a character that cannot be in a link \("%" at position/,
    );
  });

  it('an impossible base64 length is rejected', () => {
    expect(errorOf('s=1.abcde')).toMatch(/length is impossible/);
  });

  it('garbage bytes are corrupt data, not a crash', () => {
    expect(errorOf('s=1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA_-_-_-_-_-')).toMatch(
      /^This link is damaged/,
    );
    expect(errorOf('s=1.____')).toMatch(/^This link is damaged/);
  });

  it('valid compression of non-JSON, wrong shapes and extra fields are rejected', () => {
    expect(errorOf(rawFragment('not json'))).toMatch(/not valid JSON/);
    expect(errorOf(rawFragment('[1,2]'))).toMatch(/not a scenario/);
    expect(errorOf(rawFragment('{"t":1}'))).toMatch(/no scenario text/);
    expect(errorOf(rawFragment('{"yaml":1}'))).toMatch(/no scenario text/);
    expect(errorOf(rawFragment('{"yaml":"a","t":"45"}'))).toMatch(/time "t"/);
    expect(errorOf(rawFragment('{"yaml":"a","t":-3}'))).toMatch(/time "t"/);
    expect(errorOf(rawFragment(`{"yaml":"a","view":"${'v'.repeat(65)}"}`))).toMatch(/"view"/);
    expect(errorOf(rawFragment('{"yaml":"a","run":"rm -rf"}'))).toMatch(/unexpected field "run"/);
  });

  it('invalid UTF-8 is rejected', () => {
    const bad = `s=1.${encodeBase64url(deflateSync(new Uint8Array([0x22, 0xff, 0xfe, 0x22])))}`;
    expect(errorOf(bad)).toMatch(/not valid text/);
  });

  it('a zip bomb is stopped at 1 MiB', () => {
    const bomb = new Uint8Array(16 * 1024 * 1024).fill(0x20); // 16 MiB of spaces
    const fragment = `s=1.${encodeBase64url(deflateSync(bomb, { level: 9 }))}`;
    expect(fragment.length).toBeLessThan(MAX_PAYLOAD_CHARS);
    const started = performance.now();
    expect(errorOf(fragment)).toMatch(/more than 1 MiB/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a payload just under 1 MiB still opens', () => {
    const yaml = `# ${'x'.repeat(MAX_INFLATED_BYTES - 40)}`;
    const r = decodeShareFragment(encodeShareFragment({ yaml }));
    expect(r.ok && r.payload.yaml.length).toBe(yaml.length);
  });

  it('oversized input is rejected before decoding', () => {
    expect(errorOf(`s=1.${'A'.repeat(MAX_PAYLOAD_CHARS + 100)}`)).toMatch(/far longer/);
  });
});
