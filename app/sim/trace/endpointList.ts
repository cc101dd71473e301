/**
 * A Service's endpoint list (sorted by pod name) and its one-pod edits: what the EndpointSlice
 * controller keeps and what trace/expand.ts rebuilds from `endpoint` change records.
 */
import type { EndpointRecord } from './types.ts';

export function sameEndpoint(a: EndpointRecord, b: EndpointRecord): boolean {
  return (
    a.pod === b.pod &&
    a.ip === b.ip &&
    a.ready === b.ready &&
    a.serving === b.serving &&
    a.terminating === b.terminating
  );
}

export function sameEndpoints(a: readonly EndpointRecord[], b: readonly EndpointRecord[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameEndpoint(a[i]!, b[i]!)) return false;
  return true;
}

/**
 * `eps` with the entry of pod `name` replaced by `entry` (or removed when undefined): a new array
 * when something changed, the same array otherwise. A binary search, not a rebuild of every view.
 */
export function withEndpoint(
  eps: EndpointRecord[],
  name: string,
  entry: EndpointRecord | undefined,
): EndpointRecord[] {
  let lo = 0;
  let hi = eps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (eps[mid]!.pod < name) lo = mid + 1;
    else hi = mid;
  }
  const found = lo < eps.length && eps[lo]!.pod === name;
  if (found && entry && sameEndpoint(eps[lo]!, entry)) return eps;
  if (!found && !entry) return eps;
  const out = eps.slice();
  if (found && entry) out[lo] = entry;
  else if (found) out.splice(lo, 1);
  else out.splice(lo, 0, entry!);
  return out;
}
