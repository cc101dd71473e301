/**
 * The FailedScheduling message (framework/types.go: FitError.Error; reference cluster.md S1.10,
 * S1.17, S1.18): a histogram of every rejected node's reasons, entries `"%d %s"` sorted as strings
 * (Go sort.Strings: byte order, so `10 …` before `2 …` and upper case before `node(s) …`), then the
 * PostFilter text. On 1.34 the DynamicResources PostFilter runs first (`no new claims to
 * deallocate`); DefaultPreemption then counts U nodes as not helpful and S nodes as having no
 * victims, since Podlab runs every pod at priority 0 (no lower-priority victim can exist).
 */
import type { Rejection } from './types.ts';

export const ERR_NO_NODES = 'no nodes available to schedule pods';
export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function histogram(reasons: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts]
    .map(([r, n]) => `${n} ${r}`)
    .sort(byteOrder)
    .join(', ');
}

export interface FitErrorOptions {
  /** DynamicResourceAllocation on (1.34+): its PostFilter message comes first. */
  dra?: boolean;
}

/** `rejections` holds one entry per node of the snapshot that was filtered out. */
export function fitErrorMessage(
  numNodes: number,
  rejections: readonly Rejection[],
  opts: FitErrorOptions = { dra: true },
): string {
  if (numNodes === 0) return ERR_NO_NODES;
  const head = `0/${numNodes} nodes are available: ${histogram(rejections.flatMap((r) => r.reasons))}.`;
  const preemption = `preemption: 0/${numNodes} nodes are available: ${histogram(
    rejections.map((r) => (r.code === 'U' ? NOT_HELPFUL : NO_VICTIMS)),
  )}.`;
  return `${head} ${opts.dra ? 'no new claims to deallocate, ' : ''}${preemption}`;
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * The event note is cut to 1024 bytes, the last 4 replaced by ` ...` (schedule_one.go
 * truncateMessage). Go slices bytes; here the cut never splits a character.
 */
export function truncateMessage(message: string, limit = 1024): string {
  let bytes = 0;
  for (const ch of message) bytes += utf8Length(ch.codePointAt(0) ?? 0);
  if (bytes <= limit) return message;
  let out = '';
  let used = 0;
  for (const ch of message) {
    const n = utf8Length(ch.codePointAt(0) ?? 0);
    if (used + n > limit - 4) break;
    out += ch;
    used += n;
  }
  return `${out} ...`;
}
