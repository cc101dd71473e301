/**
 * The volume manager's part of a sync (kubelet.go SyncPod → volumeManager.WaitForAttachAndMount,
 * before the runtime's SyncPod creates the sandbox): every ConfigMap and Secret volume of the pod
 * (projected sources included) must be set up first. A missing object (or a missing key listed in
 * `items`) fails MountVolume.SetUp: a Warning FailedMount event, no sandbox, no IP, containers
 * Waiting ContainerCreating (PodInitializing), and the sync is retried. Once mounted, the volumes
 * stay mounted: a later deletion of the object does not unmount them.
 *
 * Cadence (the simulator's choice): one SetUp attempt per sync, i.e. at admission and then on the
 * pod worker's error requeue (profile.errorRequeueMs, 10 s), each failure one FailedMount event. The
 * real volume manager retries on its own exponential backoff (0.5 s doubling to 2m2s) while the sync
 * blocks up to 2m3s in WaitForAttachAndMount, so its events thin out to about one per 2 min.
 */
import type { Volume } from '../../k8s/types.ts';
import type { KubeletEnv } from './types.ts';

export interface MountFailure {
  /** Index in spec.volumes. */
  index: number;
  volume: string;
  message: string;
}

type Items = { key: string }[] | undefined;

function keysMissing(
  what: 'configmap' | 'secret',
  keys: Set<string>,
  items: Items,
  optional: boolean | undefined,
): string | undefined {
  if (optional) return undefined;
  for (const it of items ?? [])
    if (!keys.has(it.key)) return `${what} references non-existent config key: ${it.key}`;
  return undefined;
}

function setUp(v: Volume, ns: string, env: KubeletEnv): string | undefined {
  const cm = (name: string, items: Items, optional: boolean | undefined) => {
    const o = env.lookup.configMap(ns, name);
    if (!o) return optional ? undefined : `configmap "${name}" not found`;
    const keys = new Set([...Object.keys(o.data ?? {}), ...Object.keys(o.binaryData ?? {})]);
    return keysMissing('configmap', keys, items, optional);
  };
  const secret = (name: string, items: Items, optional: boolean | undefined) => {
    const o = env.lookup.secret(ns, name);
    if (!o) return optional ? undefined : `secret "${name}" not found`;
    const keys = new Set([...Object.keys(o.data ?? {}), ...Object.keys(o.stringData ?? {})]);
    return keysMissing('secret', keys, items, optional);
  };
  if (v.configMap) return cm(v.configMap.name ?? '', v.configMap.items, v.configMap.optional);
  if (v.secret) return secret(v.secret.secretName ?? '', v.secret.items, v.secret.optional);
  for (const s of v.projected?.sources ?? []) {
    const err = s.configMap
      ? cm(s.configMap.name ?? '', s.configMap.items, s.configMap.optional)
      : s.secret
        ? secret(s.secret.name ?? '', s.secret.items, s.secret.optional)
        : undefined;
    if (err) return err;
  }
  return undefined;
}

/** One SetUp attempt for every volume of the pod; the failures, in spec order. */
export function mountFailures(volumes: Volume[] | undefined, ns: string, env: KubeletEnv) {
  const out: MountFailure[] = [];
  (volumes ?? []).forEach((v, index) => {
    const why = setUp(v, ns, env);
    if (why)
      out.push({
        index,
        volume: v.name,
        message: `MountVolume.SetUp failed for volume "${v.name}" : ${why}`,
      });
  });
  return out;
}
