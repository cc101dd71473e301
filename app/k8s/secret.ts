/**
 * Secret payloads: `data` is base64 of bytes (RFC 4648 §4, as Go's encoding/json []byte), `stringData`
 * is plain text merged into data on write. Pure code: no atob/Buffer/TextDecoder (no DOM lib in app/sim).
 */
import type { Secret } from './types.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

function utf8Encode(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      );
  }
  return out;
}

function utf8Decode(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (need < 0 || i + need >= bytes.length) {
      out += '\ufffd';
      i++;
      continue;
    }
    let cp = need === 0 ? b : b & (0x3f >> need);
    for (let k = 1; k <= need; k++) cp = (cp << 6) | ((bytes[i + k] ?? 0) & 63);
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

export function base64Encode(text: string): string {
  const bytes = utf8Encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63] + (ALPHABET[(n >> 12) & 63] ?? '');
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/** Decoded text, or the Go error text ("illegal base64 data at input byte N"). */
export function base64Decode(data: string): { text: string } | { error: string } {
  if (data.length % 4 !== 0) {
    return { error: `illegal base64 data at input byte ${data.length - (data.length % 4)}` };
  }
  const bytes: number[] = [];
  for (let i = 0; i < data.length; i += 4) {
    const quad = data.slice(i, i + 4);
    let n = 0;
    let pad = 0;
    for (let k = 0; k < 4; k++) {
      const ch = quad[k] ?? '';
      const atEnd = i + 4 === data.length;
      if (ch === '=' && atEnd && k >= 2 && (k === 3 || quad[3] === '=')) {
        pad++;
        n <<= 6;
        continue;
      }
      const v = INDEX.get(ch);
      if (v === undefined) return { error: `illegal base64 data at input byte ${i + k}` };
      n = (n << 6) | v;
    }
    bytes.push((n >> 16) & 255);
    if (pad < 2) bytes.push((n >> 8) & 255);
    if (pad < 1) bytes.push(n & 255);
  }
  return { text: utf8Decode(bytes) };
}

/** The Secret's data as text (stringData already merged in by parseScenario); undecodable keys are left out. */
export function secretData(secret: Secret): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(secret.data ?? {})) {
    const r = base64Decode(v);
    if ('text' in r) out[k] = r.text;
  }
  return out;
}
