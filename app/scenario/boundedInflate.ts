import { Inflate } from 'fflate';

export type InflateResult =
  { ok: true; bytes: Uint8Array } | { ok: false; error: 'too-large' | 'truncated' | 'corrupt' };

/** Input is fed in slices this small, so one push can never expand past ~1 MiB (deflate's ratio is ≤ 1032:1). */
const SLICE = 1024;

/**
 * Inflates raw DEFLATE data, stopping as soon as the output would exceed `maxBytes` (a zip bomb
 * never gets materialised beyond one slice's worth).
 */
export function inflateBounded(data: Uint8Array, maxBytes: number): InflateResult {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  let overflow = false;
  const stream = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) overflow = true;
    else chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    for (let i = 0; i < data.length && !overflow; i += SLICE) {
      const end = Math.min(i + SLICE, data.length);
      stream.push(data.subarray(i, end), end === data.length);
    }
    if (data.length === 0) stream.push(new Uint8Array(0), true);
  } catch (e) {
    if (overflow) return { ok: false, error: 'too-large' };
    const message = e instanceof Error ? e.message : '';
    return { ok: false, error: /EOF/i.test(message) ? 'truncated' : 'corrupt' };
  }
  if (overflow) return { ok: false, error: 'too-large' };
  if (!finished) return { ok: false, error: 'truncated' };
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return { ok: true, bytes: out };
}
