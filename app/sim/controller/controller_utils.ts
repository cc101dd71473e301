/**
 * Helpers every workload controller shares, after k/k pkg/controller/controller_utils.go
 * (FilterActivePods, ActivePodsWithRanks.Less, ComputeHash, SlowStartInitialBatchSize), the
 * replicaset controller's slowStartBatch and getPodsToDelete, and the API server's name generator
 * (apiserver/pkg/storage/names/generate.go, apimachinery/pkg/util/rand).
 */
import type { DefaultedTemplate } from '../../k8s/types.ts';
import type { CtlPod } from './types.ts';

/** apimachinery util/rand: the 27 characters of generated names (no vowels, no 0 1 3). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
/** names.go maxGeneratedNameLength (63 − 5). */
const MAX_GENERATED_BASE = 58;
export const SLOW_START_INITIAL_BATCH_SIZE = 1;
/** replica_set.go BurstReplicas: at most this many creations or deletions per sync. */
export const BURST_REPLICAS = 500;
export const POD_TEMPLATE_HASH = 'pod-template-hash';
export const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/** FNV-1a, 32 bits, over the UTF-8 bytes of `s` and then `extra` (hash/fnv New32a). */
export function fnv32a(s: string, extra: readonly number[] = []): number {
  let h = 0x811c9dc5;
  const step = (b: number) => (h = Math.imul(h ^ b, 16777619) >>> 0);
  for (const ch of s) {
    // UTF-8 bytes of the code point (Go hashes the string's bytes).
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) step(c);
    else if (c < 0x800) [0xc0 | (c >> 6), 0x80 | (c & 63)].forEach(step);
    else if (c < 0x10000) [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)].forEach(step);
    else
      [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)].forEach(
        step,
      );
  }
  extra.forEach(step);
  return h >>> 0;
}

/** rand.SafeEncodeString: each byte mapped through the alphabet by its code. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += NAME_ALPHABET[s.charCodeAt(i) % NAME_ALPHABET.length];
  return out;
}

/** JSON with object keys sorted: the same template always gives the same text. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * controller.ComputeHash: FNV-32a of the template, then collisionCount as 8 little-endian bytes,
 * printed in decimal and encoded by SafeEncodeString. Deviation: upstream hashes the template as
 * hashutil.DeepHashObject prints it (go-spew); Podlab hashes canonical JSON, so the digits differ
 * from a real cluster's while keeping the shape (`web-7c5ddbdf54`) and "same template, same hash".
 */
export function computeHash(template: DefaultedTemplate, collisionCount?: number): string {
  const extra: number[] = [];
  if (collisionCount !== undefined) {
    const c = collisionCount >>> 0;
    extra.push(c & 255, (c >>> 8) & 255, (c >>> 16) & 255, c >>> 24, 0, 0, 0, 0);
  }
  return safeEncodeString(String(fnv32a(canonicalJson(template), extra)));
}

/**
 * names.SimpleNameGenerator.GenerateName with a seeded source: the base (cut to 58) and 5
 * characters; `seq` picks the sequence (the caller skips names in use).
 */
export function generateName(base: string, seq: number): string {
  let x = fnv32a(`${base}#${seq}`) || 1;
  let out = base.slice(0, MAX_GENERATED_BASE);
  for (let i = 0; i < 5; i++) {
    // xorshift32: deterministic, uniform enough over 27 characters.
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += NAME_ALPHABET[x % NAME_ALPHABET.length];
  }
  return out;
}

/**
 * The seeded names of one controller's pods (W3.1): the next `generateName` of `base` that no pod
 * of the namespace has had in this run.
 */
export class NameSequence {
  private readonly seq = new Map<string, number>();

  constructor(private readonly inUse: (namespace: string, name: string) => boolean) {}

  next(namespace: string, base: string): string {
    for (;;) {
      const n = this.seq.get(base) ?? 0;
      this.seq.set(base, n + 1);
      const name = generateName(base, n);
      if (!this.inUse(namespace, name)) return name;
    }
  }
}

/**
 * replica_set.go slowStartBatch: `fn` in batches of 1, 2, 4 … (never more than remain); the first
 * batch with a failure stops the rest. Returns the successes and the batch sizes tried.
 */
export function slowStartBatch(
  count: number,
  initialBatchSize: number,
  fn: () => boolean,
): { successes: number; batches: number[] } {
  let remaining = count;
  let successes = 0;
  const batches: number[] = [];
  for (
    let size = Math.min(remaining, initialBatchSize);
    size > 0;
    size = Math.min(2 * size, remaining)
  ) {
    batches.push(size);
    let failed = 0;
    for (let i = 0; i < size; i++) if (!fn()) failed++;
    successes += size - failed;
    if (failed > 0) break;
    remaining -= size;
  }
  return { successes, batches };
}

/** controller.IsPodActive: not Succeeded, not Failed, no deletionTimestamp. */
export function isPodActive(p: CtlPod): boolean {
  return p.phase !== 'Succeeded' && p.phase !== 'Failed' && !p.deleting;
}

/** podutil.IsPodAvailable: Ready, and for minReadySeconds > 0 Ready since strictly before now − mrs. */
export function isPodAvailable(p: CtlPod, minReadySeconds: number, now: number): boolean {
  if (!p.ready) return false;
  if (minReadySeconds === 0) return true;
  return p.readySince !== undefined && p.readySince + minReadySeconds < now;
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** logarithmicRankDiff: ages compared in log₂ buckets of nanoseconds (LogarithmicScaleDown, GA). */
function logRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number) => {
    const d = (now - t) * 1e9;
    return d > 0 ? Math.floor(Math.log2(d)) : -1;
  };
  return rank(t1) - rank(t2);
}

function deletionCost(p: CtlPod): number {
  const v = Number(p.annotations[DELETION_COST] ?? 0);
  return Number.isFinite(v) ? v : 0;
}

/** The time comparisons of ActivePodsWithRanks.Less (6 and 8): negative sorts `a` first. */
function compareAge(a: number, b: number, now: number, ua: string, ub: string): number {
  const diff = logRankDiff(a, b, now);
  if (diff === 0) return ua < ub ? -1 : ua > ub ? 1 : 0;
  return diff;
}

/**
 * controller.ActivePodsWithRanks.Less as a comparator: the pod to delete first sorts first
 * (unassigned, Pending < Unknown < Running, not ready, lower deletion cost, higher rank, ready for
 * less time, more restarts, newer; then UID, where upstream's unstable sort leaves ties open).
 */
export function comparePodsForDeletion(
  a: CtlPod,
  ra: number,
  b: CtlPod,
  rb: number,
  now: number,
): number {
  if (a.node !== b.node && (!a.node || !b.node)) return a.node ? 1 : -1;
  const pa = PHASE_ORDINAL[a.phase] ?? 0;
  const pb = PHASE_ORDINAL[b.phase] ?? 0;
  if (pa !== pb) return pa - pb;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  const ca = deletionCost(a);
  const cb = deletionCost(b);
  if (ca !== cb) return ca - cb;
  if (ra !== rb) return rb - ra;
  if (a.ready && b.ready && a.readySince !== b.readySince) {
    const c = compareAge(a.readySince ?? now, b.readySince ?? now, now, a.uid, b.uid);
    if (c !== 0) return c;
  }
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  if (a.creationTimestamp !== b.creationTimestamp) {
    const c = compareAge(a.creationTimestamp, b.creationTimestamp, now, a.uid, b.uid);
    if (c !== 0) return c;
  }
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}

/**
 * replica_set.go getPodsToDelete + getPodsRankedByRelatedPodsOnSameNode: rank = active related
 * pods (of every RS of the same Deployment) on the pod's node; sorted only when some pods stay.
 */
export function getPodsToDelete(
  pods: readonly CtlPod[],
  related: readonly CtlPod[],
  diff: number,
  now: number,
): CtlPod[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const p of related)
    if (isPodActive(p)) onNode.set(p.node ?? '', (onNode.get(p.node ?? '') ?? 0) + 1);
  const ranked = pods.map((p) => ({ p, rank: onNode.get(p.node ?? '') ?? 0 }));
  ranked.sort((x, y) => comparePodsForDeletion(x.p, x.rank, y.p, y.rank, now));
  return ranked.slice(0, diff).map((r) => r.p);
}
