/**
 * Share links (DESIGN.md §5): `#s=<format>.<payload>`. Format 1's payload is base64url (no padding)
 * of raw DEFLATE (fflate, level 9: deterministic) of the JSON `{yaml, t?, view?}`.
 * Pure: no DOM, works in Node (CLI) and the browser.
 */
import { deflateSync } from 'fflate';
import { decodeBase64url, encodeBase64url } from './base64url.ts';
import { inflateBounded } from './boundedInflate.ts';

export interface SharePayload {
  /** The scenario text. */
  yaml: string;
  /** Cursor time in simulated seconds. */
  t?: number;
  /** Which view was open (a short identifier chosen by the UI, e.g. `timeline`). */
  view?: string;
}

export type DecodeResult = { ok: true; payload: SharePayload } | { ok: false; error: string };

/** The format new links are written in. */
export const CURRENT_FORMAT = 1;
/** Inflated JSON larger than this is rejected (DESIGN.md §5). */
export const MAX_INFLATED_BYTES = 1024 * 1024;
/** Encoded payloads longer than this are rejected before anything is decoded. */
export const MAX_PAYLOAD_CHARS = 512 * 1024;
export const MAX_VIEW_LENGTH = 64;

const FRAGMENT_KEY = 's';

const damaged = (why: string): DecodeResult => ({
  ok: false,
  error: `This link is damaged: ${why}.`,
});

/** Returns a message when `value` is not a valid payload, else undefined. */
export function checkPayloadShape(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'its content is not a scenario';
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== 'yaml' && key !== 't' && key !== 'view')
      return `it has an unexpected field "${key}"`;
  }
  if (typeof record.yaml !== 'string') return 'it has no scenario text';
  if (record.t !== undefined) {
    if (typeof record.t !== 'number' || !Number.isFinite(record.t) || record.t < 0) {
      return 'its time "t" is not a number of seconds ≥ 0';
    }
  }
  if (record.view !== undefined) {
    if (typeof record.view !== 'string' || record.view.length > MAX_VIEW_LENGTH) {
      return 'its "view" is not a short name';
    }
  }
  return undefined;
}

/** Returns the fragment (`s=1.…`, without `#`) for a payload. Same payload → same string. */
export function encodeShareFragment(payload: SharePayload): string {
  const problem = checkPayloadShape(payload);
  if (problem) throw new RangeError(`Cannot share this scenario: ${problem}.`);
  const ordered: SharePayload = { yaml: payload.yaml };
  if (payload.t !== undefined) ordered.t = payload.t;
  if (payload.view !== undefined) ordered.view = payload.view;
  const json = new TextEncoder().encode(JSON.stringify(ordered));
  const deflated = deflateSync(json, { level: 9 });
  return `${FRAGMENT_KEY}=${CURRENT_FORMAT}.${encodeBase64url(deflated)}`;
}

/** `https://host/path?query` + `#s=1.…` */
export function buildShareUrl(base: string, payload: SharePayload): string {
  const hashAt = base.indexOf('#');
  const withoutHash = hashAt >= 0 ? base.slice(0, hashAt) : base;
  return `${withoutHash}#${encodeShareFragment(payload)}`;
}

function decodeFormat1(body: string): DecodeResult {
  const bytes = decodeBase64url(body);
  if (!bytes.ok) return damaged(bytes.error);
  const inflated = inflateBounded(bytes.bytes, MAX_INFLATED_BYTES);
  if (!inflated.ok) {
    if (inflated.error === 'too-large') {
      return damaged('it unpacks to more than 1 MiB, which is more than any scenario needs');
    }
    if (inflated.error === 'truncated') {
      return damaged('it is incomplete (it may have been cut off when it was copied)');
    }
    return damaged('its compressed data is corrupt');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return damaged('its content is not valid text');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return damaged('its content is not valid JSON');
  }
  const problem = checkPayloadShape(parsed);
  if (problem) return damaged(problem);
  return { ok: true, payload: parsed as SharePayload };
}

/**
 * One decoder per format. A new format gets a new entry; old entries are never changed, so old
 * links keep opening.
 */
const DECODERS: ReadonlyMap<number, (body: string) => DecodeResult> = new Map([[1, decodeFormat1]]);

/** The part after `#` of a URL, or the input itself when it has no `#` (already a fragment). */
function fragmentOf(input: string): string {
  const trimmed = input.trim();
  const hashAt = trimmed.indexOf('#');
  const fragment = hashAt >= 0 ? trimmed.slice(hashAt + 1) : trimmed;
  // Some apps percent-encode a pasted link (`s%3D1.…`); base64url itself never contains `%`.
  if (!fragment.includes('%')) return fragment;
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** Finds `s=…` among `&`-separated fragment parts. */
function shareParam(fragment: string): string | undefined {
  for (const part of fragment.split('&')) {
    if (part.startsWith(`${FRAGMENT_KEY}=`)) return part.slice(FRAGMENT_KEY.length + 1);
  }
  return undefined;
}

/** True when the URL or fragment carries a share payload (valid or not). */
export function hasShareFragment(input: string): boolean {
  return shareParam(fragmentOf(input)) !== undefined;
}

/** Decodes a share link: a full URL, `#s=1.…` or `s=1.…`. Never throws. */
export function decodeShareFragment(input: string): DecodeResult {
  const param = shareParam(fragmentOf(input));
  if (param === undefined) return damaged('it does not contain a scenario (no "#s=" part)');
  if (param.length > MAX_PAYLOAD_CHARS + 16) {
    return damaged('it is far longer than any scenario link Podlab makes');
  }
  const match = /^(\d{1,6})\.(.*)$/s.exec(param);
  if (!match) return damaged('it does not start with a format number');
  const format = Number(match[1]);
  const body = match[2] ?? '';
  const decoder = DECODERS.get(format);
  if (!decoder) {
    if (format > CURRENT_FORMAT) {
      return {
        ok: false,
        error: `This link was made by a newer Podlab (format ${format}). Reload the page to get the latest version, then open the link again.`,
      };
    }
    return damaged(`its format ${format} is not one Podlab has ever used`);
  }
  if (body.length === 0) return damaged('it is empty after the format number');
  return decoder(body);
}
