/** Base64 decoding for Secret data (no atob/Buffer in app/sim). Invalid input decodes leniently. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function decodeBase64(s: string): string {
  let bits = 0;
  let acc = 0;
  const bytes: number[] = [];
  for (const c of s.replace(/[\s=]/g, '')) {
    const v = ALPHABET.indexOf(c === '-' ? '+' : c === '_' ? '/' : c);
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  // UTF-8 decode.
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) out += String.fromCharCode(b);
    else if (b >= 0xc0 && b < 0xe0)
      out += String.fromCharCode(((b & 0x1f) << 6) | ((bytes[++i] ?? 0) & 0x3f));
    else if (b >= 0xe0 && b < 0xf0)
      out += String.fromCharCode(
        ((b & 0x0f) << 12) | (((bytes[++i] ?? 0) & 0x3f) << 6) | ((bytes[++i] ?? 0) & 0x3f),
      );
    else {
      const cp =
        ((b & 0x07) << 18) |
        (((bytes[++i] ?? 0) & 0x3f) << 12) |
        (((bytes[++i] ?? 0) & 0x3f) << 6) |
        ((bytes[++i] ?? 0) & 0x3f);
      out += String.fromCodePoint(cp);
    }
  }
  return out;
}
