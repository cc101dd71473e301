/**
 * What admission adds to every Pod before kubectl ever sees it, so describe and -o yaml read like
 * a real cluster: the Priority plugin's `priority: 0`, the ServiceAccount plugin's
 * `serviceAccountName: default` and its projected `kube-api-access-xxxxx` token volume mounted in
 * every container, and DefaultTolerationSeconds' two 300 s tolerations (pod-level R10.4).
 * Idempotent: anything already present in the spec is kept as written.
 */
import type { Container, Pod, Volume } from '../../k8s/types.ts';
import type { Toleration } from 'kubernetes-types/core/v1';

const TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** A stable stand-in for the 5 random characters of generated names. */
export function generatedSuffix(seed: string): string {
  let h = 0x811c9dc5;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += ALPHANUMS[h % ALPHANUMS.length] ?? 'x';
    h = (Math.imul(h, 2654435761) + i) >>> 0;
  }
  return out;
}

function tokenVolume(name: string): Volume {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [
              {
                fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                path: 'namespace',
              },
            ],
          },
        },
      ],
    },
  };
}

function withMount(c: Container, volume: string): Container {
  if ((c.volumeMounts ?? []).some((m) => m.mountPath === TOKEN_PATH)) return c;
  return {
    ...c,
    volumeMounts: [
      ...(c.volumeMounts ?? []),
      { name: volume, mountPath: TOKEN_PATH, readOnly: true },
    ],
  };
}

export function admittedTolerations(existing: readonly Toleration[]): Toleration[] {
  const tolerations: Toleration[] = [...existing];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const tolerated = tolerations.some(
      (tol) =>
        (tol.key === key || (tol.key === undefined && tol.operator === 'Exists')) &&
        (tol.effect === undefined || tol.effect === 'NoExecute'),
    );
    if (!tolerated)
      tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  return tolerations;
}

export function admitPod(pod: Pod): Pod {
  const spec = pod.spec;
  if (!spec) return pod;
  // A mirror pod (a static pod's API object): the ServiceAccount plugin neither names a service
  // account nor mounts a token for it (plugin/pkg/admission/serviceaccount Admit: mirror pods).
  if (pod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined)
    return {
      ...pod,
      spec: {
        ...spec,
        priority: spec.priority ?? 0,
        tolerations: admittedTolerations(spec.tolerations ?? []),
      },
    };
  const next = {
    ...spec,
    priority: spec.priority ?? 0,
    serviceAccountName: spec.serviceAccountName || 'default',
    tolerations: admittedTolerations(spec.tolerations ?? []),
  };
  const alreadyMounted = [...spec.containers, ...(spec.initContainers ?? [])].some((c) =>
    (c.volumeMounts ?? []).some((m) => m.mountPath === TOKEN_PATH),
  );
  if (spec.automountServiceAccountToken !== false && !alreadyMounted) {
    const name = `kube-api-access-${generatedSuffix(`${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`)}`;
    next.volumes = [...(spec.volumes ?? []), tokenVolume(name)];
    next.containers = spec.containers.map((c) => withMount(c, name));
    if (spec.initContainers)
      next.initContainers = spec.initContainers.map((c) => withMount(c, name));
  }
  return { ...pod, spec: next };
}
