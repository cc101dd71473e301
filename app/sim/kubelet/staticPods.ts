/**
 * Static pods (reference cluster.md §4): Pod manifests in a node's staticPodPath, run by that
 * node's kubelet without the API server or the scheduler.
 *
 * - staticPodFromManifest: pkg/kubelet/config/common.go applyDefaults — the name gets the node
 *   name appended, the UID is a hash of the manifest, the node and the file (same file, same UID;
 *   any edit, a new one), the config.hash/config.source/config.seen annotations, spec.nodeName,
 *   and a toleration of every NoExecute taint.
 * - mirrorPodOf: pkg/kubelet/pod/mirror_client.go CreateMirrorPod — the API object that shows it:
 *   the same pod with `kubernetes.io/config.mirror` and an ownerReference to the Node.
 * - mirrorRefusal: the admission plugins that refuse a mirror pod referencing API objects
 *   (plugin/pkg/admission/serviceaccount Admit for mirror pods, then noderestriction).
 */
import type { DefaultedPod, Pod } from '../../k8s/types.ts';
import { rfc3339Nano } from '../trace/time.ts';
import { CONFIG_SEEN, CONFIG_SOURCE } from './config.ts';

export const CONFIG_HASH = 'kubernetes.io/config.hash';
export const CONFIG_MIRROR = 'kubernetes.io/config.mirror';

/**
 * A stand-in for the MD5 hex digest applyDefaults computes (32 hex digits): deterministic over
 * the same inputs (manifest, `host:NODE`, `file:PATH`), not the same digits as MD5.
 */
function manifestHash(parts: readonly string[]): string {
  const s = parts.join('\u0000');
  let out = '';
  for (let round = 0; round < 4; round++) {
    let h = (0x811c9dc5 ^ Math.imul(round + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

export function staticPodFromManifest(
  manifest: DefaultedPod,
  node: string,
  seenMs: number,
): DefaultedPod {
  const name = `${manifest.metadata.name}-${node.toLowerCase()}`;
  const file = `/etc/kubernetes/manifests/${manifest.metadata.name}.yaml`;
  const uid = manifestHash([JSON.stringify(manifest), `host:${node}`, `file:${file}`]);
  return {
    ...manifest,
    metadata: {
      ...manifest.metadata,
      name,
      uid,
      annotations: {
        ...manifest.metadata.annotations,
        [CONFIG_HASH]: uid,
        [CONFIG_SEEN]: rfc3339Nano(seenMs),
        [CONFIG_SOURCE]: 'file',
      },
    },
    spec: {
      ...manifest.spec,
      nodeName: node,
      tolerations: [
        ...(manifest.spec.tolerations ?? []),
        { operator: 'Exists', effect: 'NoExecute' },
      ],
    },
  };
}

export function isStaticPod(pod: Pod): boolean {
  return pod.metadata?.annotations?.[CONFIG_SOURCE] === 'file';
}

export function isMirrorPod(pod: Pod): boolean {
  return pod.metadata?.annotations?.[CONFIG_MIRROR] !== undefined;
}

/** The mirror pod as the API server stores it; `generation` > 0: created again after a delete. */
export function mirrorPodOf(pod: DefaultedPod, nodeUID: string, generation: number): DefaultedPod {
  const hash = pod.metadata.annotations?.[CONFIG_HASH] ?? '';
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      // The API server gives the mirror its own UID (a new one each time it is created).
      uid: manifestHash([hash, 'mirror', String(generation)]).replace(
        /^(.{8})(.{4})(.{4})(.{4})(.{12})$/,
        '$1-$2-$3-$4-$5',
      ),
      annotations: { ...pod.metadata.annotations, [CONFIG_MIRROR]: hash },
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Node',
          name: pod.spec.nodeName ?? '',
          uid: nodeUID,
          controller: true,
        },
      ],
    },
  };
}

/**
 * Why the API server refuses the mirror pod (M4.4), in the order the plugins answer: the
 * ServiceAccount plugin first (it validates mirror pods during admission), then NodeRestriction.
 */
export function mirrorRefusal(pod: DefaultedPod, node: string): string | undefined {
  const forbidden = (why: string) => `pods "${pod.metadata.name}" is forbidden: ${why}`;
  const spec = pod.spec;
  const containers = [...(spec.initContainers ?? []), ...spec.containers];
  const volumes = spec.volumes ?? [];
  if (spec.serviceAccountName) return forbidden('a mirror pod may not reference service accounts');
  const secretRef =
    (spec.imagePullSecrets ?? []).length > 0 ||
    volumes.some((v) => v.secret || v.projected?.sources?.some((s) => s.secret)) ||
    containers.some(
      (c) =>
        (c.env ?? []).some((e) => e.valueFrom?.secretKeyRef) ||
        (c.envFrom ?? []).some((e) => e.secretRef),
    );
  if (secretRef) return forbidden('a mirror pod may not reference secrets');
  if (volumes.some((v) => v.projected?.sources?.some((s) => s.serviceAccountToken)))
    return forbidden('a mirror pod may not use ServiceAccountToken volume projections');
  const configMapRef =
    volumes.some((v) => v.configMap || v.projected?.sources?.some((s) => s.configMap)) ||
    containers.some(
      (c) =>
        (c.env ?? []).some((e) => e.valueFrom?.configMapKeyRef) ||
        (c.envFrom ?? []).some((e) => e.configMapRef),
    );
  if (configMapRef)
    return forbidden(`node "${node}" can not create pods that reference configmaps`);
  return undefined;
}
