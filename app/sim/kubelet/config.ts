/**
 * The kubelet's own copy of a pod (pkg/kubelet/config/config.go podStorage.merge): a pod the
 * kubelet sees for the first time gets `kubernetes.io/config.seen` (recordFirstSeenTime, the
 * kubelet's clock in RFC3339Nano) and `kubernetes.io/config.source` (`api` for pods from the API
 * server). Only the kubelet's copy has them — the API object does not — so they show through the
 * downward API, not in `kubectl get pod -o yaml`.
 */
import type { Pod } from '../../k8s/types.ts';
import { rfc3339Nano } from '../trace/time.ts';

export const CONFIG_SEEN = 'kubernetes.io/config.seen';
export const CONFIG_SOURCE = 'kubernetes.io/config.source';

export function kubeletPodCopy<P extends Pod>(pod: P, seenMs: number, source = 'api'): P {
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      annotations: {
        ...pod.metadata?.annotations,
        // A static pod's manifest copy has its own (config/common.go applyDefaults: source file).
        [CONFIG_SEEN]: pod.metadata?.annotations?.[CONFIG_SEEN] ?? rfc3339Nano(seenMs),
        [CONFIG_SOURCE]: pod.metadata?.annotations?.[CONFIG_SOURCE] ?? source,
      },
    },
  };
}
