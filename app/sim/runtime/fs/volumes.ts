/**
 * Pod volumes as directory trees: emptyDir (one shared Dir per pod, surviving container restarts),
 * configMap, secret, downwardAPI, projected (always read-only, like the kubelet's atomic writer),
 * hostPath (a per-node tree shared by every pod on the node). Failures use the kubelet's
 * `MountVolume.SetUp failed for volume ...` wording.
 */
import { dict } from '../../trace/dict.ts';
import type { Container, Pod, Volume } from '../../../k8s/types.ts';
import type { SandboxContext } from '../types.ts';
import type { Dir, File } from './vfs.ts';
import { Vfs, newDir, normalizePath } from './vfs.ts';
import { formatMap, podFieldValue, resourceValue, secretValue } from '../env.ts';
import { CA_CRT, serviceAccountToken } from './podFiles.ts';

export type Built = { ok: true; root: Dir; readOnly: boolean } | { ok: false; message: string };

type Ctx = Pick<SandboxContext, 'pod' | 'podIP' | 'hostIP' | 'nodeName' | 'lookup'>;
type Items = { key: string; path: string; mode?: number }[] | undefined;

/** Write a projected file; `mode` (defaultMode / item mode) decides whether it is executable. */
function put(root: Dir, path: string, data: string, mode?: number): void {
  const v = new Vfs(root);
  const abs = normalizePath(path);
  v.mkdir(abs.slice(0, abs.lastIndexOf('/')) || '/', true);
  const f = v.writeFile(abs, data);
  if (f.ok && mode !== undefined && (mode & 0o111) !== 0) f.value.exec = true;
}

function fromKeys(
  root: Dir,
  data: Record<string, string>,
  items: Items,
  what: string,
  mode: number | undefined,
): string | undefined {
  if (!items) {
    for (const [k, v] of Object.entries(data)) put(root, k, v, mode);
    return undefined;
  }
  for (const it of items) {
    if (!(it.key in data)) return `${what} references non-existent config key: ${it.key}`;
    put(root, it.path, data[it.key]!, it.mode ?? mode);
  }
  return undefined;
}

function downward(
  root: Dir,
  items: NonNullable<Volume['downwardAPI']>['items'],
  ctx: Ctx,
  self: Container | undefined,
): string | undefined {
  const md = ctx.pod.metadata ?? {};
  for (const it of items ?? []) {
    let v: string | undefined;
    if (it.fieldRef) {
      const p = it.fieldRef.fieldPath;
      v =
        p === 'metadata.labels'
          ? formatMap(md.labels)
          : p === 'metadata.annotations'
            ? formatMap(md.annotations)
            : podFieldValue(ctx.pod, p, ctx);
    } else if (it.resourceFieldRef) {
      // Volumes name their container (validation requires containerName there).
      v = resourceValue(
        ctx.pod,
        it.resourceFieldRef.containerName,
        it.resourceFieldRef.resource,
        it.resourceFieldRef.divisor,
        self ?? { name: '' },
      );
    }
    if (v === undefined) return `error getting downward API value for ${it.path}`;
    put(root, it.path, v);
  }
  return undefined;
}

/** Build one volume's content (not emptyDir/hostPath, which are shared objects held elsewhere). */
export function buildProjected(vol: Volume, ctx: Ctx): Built {
  const ns = ctx.pod.metadata?.namespace ?? 'default';
  const root = newDir();
  const failed = (why: string): Built => ({
    ok: false,
    message: `MountVolume.SetUp failed for volume "${vol.name}" : ${why}`,
  });
  const cmInto = (
    name: string,
    items: Items,
    optional: boolean | undefined,
    mode: number | undefined,
  ): string | undefined => {
    const cm = ctx.lookup.configMap(ns, name);
    if (!cm) return optional ? undefined : `configmap "${name}" not found`;
    return fromKeys(
      root,
      { ...(cm.data ?? {}), ...(cm.binaryData ?? {}) },
      items,
      'configmap',
      mode,
    );
  };
  const secretInto = (
    name: string,
    items: Items,
    optional: boolean | undefined,
    mode: number | undefined,
  ): string | undefined => {
    const s = ctx.lookup.secret(ns, name);
    if (!s) return optional ? undefined : `secret "${name}" not found`;
    const data = dict<string>();
    for (const k of new Set([...Object.keys(s.data ?? {}), ...Object.keys(s.stringData ?? {})]))
      data[k] = secretValue(s.data, s.stringData, k) ?? '';
    return fromKeys(root, data, items, 'secret', mode);
  };
  let err: string | undefined;
  if (vol.configMap)
    err = cmInto(
      vol.configMap.name ?? '',
      vol.configMap.items,
      vol.configMap.optional,
      vol.configMap.defaultMode,
    );
  else if (vol.secret)
    err = secretInto(
      vol.secret.secretName ?? '',
      vol.secret.items,
      vol.secret.optional,
      vol.secret.defaultMode,
    );
  else if (vol.downwardAPI) err = downward(root, vol.downwardAPI.items, ctx, undefined);
  else if (vol.projected) {
    for (const src of vol.projected.sources ?? []) {
      if (src.configMap)
        err = cmInto(
          src.configMap.name ?? '',
          src.configMap.items,
          src.configMap.optional,
          vol.projected.defaultMode,
        );
      else if (src.secret)
        err = secretInto(
          src.secret.name ?? '',
          src.secret.items,
          src.secret.optional,
          vol.projected.defaultMode,
        );
      else if (src.downwardAPI) err = downward(root, src.downwardAPI.items, ctx, undefined);
      else if (src.serviceAccountToken)
        put(
          root,
          src.serviceAccountToken.path,
          serviceAccountToken(ctx.pod, src.serviceAccountToken.audience),
        );
      if (err) break;
    }
  }
  return err ? failed(err) : { ok: true, root, readOnly: true };
}

/** The kube-api-access volume every pod gets unless automountServiceAccountToken is false. */
export function serviceAccountVolume(pod: Pod): Dir {
  const root = newDir();
  put(root, 'token', serviceAccountToken(pod));
  put(root, 'ca.crt', CA_CRT);
  put(root, 'namespace', pod.metadata?.namespace ?? 'default');
  return root;
}

/** Walk to `sub` inside a volume root, creating directories (the kubelet creates subPath dirs). */
export function subPathNode(root: Dir, sub: string, create: boolean): Dir | File | undefined {
  const v = new Vfs(root);
  const abs = normalizePath(sub);
  if (!v.stat(abs) && create) v.mkdir(abs, true);
  return v.stat(abs);
}
