/**
 * The pod bandwidth annotations as the runtime reads them when it sets up the pod's network:
 * containerd's toCNIBandWidth calls ExtractPodBandwidthResources (kubernetes pkg/util/bandwidth
 * utils.go): each present annotation must parse as a quantity and lie within
 * validateBandwidthIsReasonable's [1k, 1P] (compared by Value(), which rounds up). Nothing is
 * checked by the API server: a bad value only fails the sandbox, on the node.
 */
import { parseQuantity, QUANTITY_FORMAT_ERROR } from './quantity.ts';

export const INGRESS_BANDWIDTH = 'kubernetes.io/ingress-bandwidth';
export const EGRESS_BANDWIDTH = 'kubernetes.io/egress-bandwidth';

export type PodBandwidth =
  { ok: true; ingress?: number; egress?: number } | { ok: false; key: string; error: string };

export function extractPodBandwidth(
  annotations: Readonly<Record<string, unknown>> | undefined,
): PodBandwidth {
  const out: { ok: true; ingress?: number; egress?: number } = { ok: true };
  for (const [key, dir] of [
    [INGRESS_BANDWIDTH, 'ingress'],
    [EGRESS_BANDWIDTH, 'egress'],
  ] as const) {
    const raw = annotations?.[key];
    if (raw === undefined) continue;
    const s = String(raw);
    // resource.ParseQuantity takes the string as it is: no trimming.
    const q = s === s.trim() && s !== '' ? parseQuantity(s) : undefined;
    if (q === undefined) return { ok: false, key, error: QUANTITY_FORMAT_ERROR };
    const value = Math.ceil(q);
    if (value < 1e3) return { ok: false, key, error: 'resource is unreasonably small (< 1kbit)' };
    if (value > 1e15) return { ok: false, key, error: 'resource is unreasonably large (> 1Pbit)' };
    out[dir] = value;
  }
  return out;
}

/** containerd's RunPodSandbox error for a bad annotation (sandbox_run.go setupPodNetwork, cniNamespaceOpts). */
export function bandwidthSandboxError(sandboxID: string, error: string): string {
  return `failed to setup network for sandbox "${sandboxID}": get cni namespace options: reading pod bandwidth annotations: ${error}`;
}
