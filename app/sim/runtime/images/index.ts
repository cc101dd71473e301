/**
 * The image catalogue: every family registered here, reference normalisation, and the registry's
 * answer for a reference (found, or containerd's error wording).
 */
import type { ImageLookup } from '../types.ts';
import type { Program } from '../process/types.ts';
import type { ImageFamily } from './types.ts';
import type { Dir } from '../fs/vfs.ts';
import { buildTree, sealTree } from '../fs/vfs.ts';
import { parseImageRef } from './reference.ts';
import { alpine, busybox, googleBusybox, sampleWar } from './busybox.ts';
import { myapp, nginx } from './nginx.ts';
import { goproxy, liveness, pauseImage } from './goServers.ts';
import { tomcat } from './tomcat.ts';
import { stress } from './stress.ts';
import { postgres, redis } from './dataServers.ts';
import { agnhost, etcd } from './agnhost.ts';
import { curlImage, debian, httpd, nodeImage, pythonImage, ubuntu } from './distros.ts';

export const FAMILIES: ImageFamily[] = [
  busybox,
  googleBusybox,
  alpine,
  sampleWar,
  nginx,
  myapp,
  liveness,
  goproxy,
  pauseImage,
  tomcat,
  stress,
  redis,
  postgres,
  agnhost,
  etcd,
  ubuntu,
  debian,
  httpd,
  pythonImage,
  nodeImage,
  curlImage,
];

const byRepo = new Map<string, ImageFamily>();
for (const f of FAMILIES) for (const r of f.repositories) byRepo.set(r, f);

export const IMAGE_PROGRAMS: Record<string, Program> = Object.assign(
  {},
  ...FAMILIES.map((f) => f.programs ?? {}),
) as Record<string, Program>;

export type ResolvedImage =
  | { ok: true; family: ImageFamily; tag: string; ref: string }
  | { ok: false; lookup: Extract<ImageLookup, { found: false }> };

const FAILED_LOOKUP_MS = 1_000;

const resolved = new Map<string, ResolvedImage>();

/** What a reference resolves to (memoised: the same few references are resolved at every start). */
export function resolveImage(image: string): ResolvedImage {
  let r = resolved.get(image);
  if (!r) {
    if (resolved.size > 500) resolved.clear();
    resolved.set(image, (r = resolveUncached(image)));
  }
  return r;
}

function resolveUncached(image: string): ResolvedImage {
  const parsed = parseImageRef(image);
  if (!parsed.ok) {
    return {
      ok: false,
      lookup: {
        found: false,
        ref: image,
        pullMs: 0,
        message: parsed.message,
        reason: 'InvalidImageName',
      },
    };
  }
  const { ref, repository } = parsed;
  const family = byRepo.get(repository);
  // A digest-pinned reference is accepted for a known repository (its tag, if any, decides the content).
  const tag = parsed.tag || 'latest';
  if (family && family.hasTag(tag)) return { ok: true, family, tag, ref };
  const head = `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}"`;
  if (!family && repository.startsWith('docker.io/')) {
    return {
      ok: false,
      lookup: {
        found: false,
        ref,
        pullMs: FAILED_LOOKUP_MS,
        message: `rpc error: code = Unknown desc = ${head}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
        reason: 'ErrImagePull',
      },
    };
  }
  return {
    ok: false,
    lookup: {
      found: false,
      ref,
      pullMs: FAILED_LOOKUP_MS,
      message: `rpc error: code = NotFound desc = ${head}: ${ref}: not found`,
      reason: 'ErrImagePull',
    },
  };
}

export function inspectImage(image: string): ImageLookup {
  const r = resolveImage(image);
  if (!r.ok) return { ...r.lookup };
  return {
    found: true,
    ref: r.ref,
    pullMs: r.family.pullMs,
    sizeBytes: r.family.sizeBytes,
    presentOnNode: r.family.presentOnNode,
  };
}

const layers = new WeakMap<ImageFamily, Map<string, Dir>>();

/**
 * The image's filesystem as a sealed, shared layer: built on first use of a family and tag, then
 * reused by every container (each gets a copy-on-write `overlay` of it).
 */
export function imageLayer(family: ImageFamily, tag: string): Dir {
  let byTag = layers.get(family);
  if (!byTag) layers.set(family, (byTag = new Map()));
  let d = byTag.get(tag);
  if (!d) byTag.set(tag, (d = sealTree(buildTree(family.files(tag)))));
  return d;
}
