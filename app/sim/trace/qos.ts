/**
 * QoS class (pod-level R11.5): k8s.io/kubectl/pkg/util/qos `GetPodQOS` / kubernetes
 * pkg/apis/core/v1/helper/qos `ComputePodQOS`. Requests default to limits (API defaulting).
 */
import type { Container, Pod } from '../../k8s/types.ts';
import { parseQuantity as parseApiQuantity } from '../../k8s/quantity.ts';

/** A resource.Quantity as a number; 0 when absent, NaN when malformed (app/k8s's grammar). */
function parseQuantity(q: string | number | undefined): number {
  if (q === undefined) return 0;
  return parseApiQuantity(q) ?? NaN;
}

type ResourceList = Record<string, string | number>;

/** Requests as the API stores them: a missing request defaults to the limit. */
export function effectiveRequests(c: Container): ResourceList {
  const limits = (c.resources?.limits ?? {}) as ResourceList;
  const requests = { ...((c.resources?.requests ?? {}) as ResourceList) };
  for (const [name, v] of Object.entries(limits)) if (!(name in requests)) requests[name] = v;
  return requests;
}

const COMPUTE = new Set(['cpu', 'memory']);

export function podQOSClass(pod: Pod): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of all) {
    for (const [name, q] of Object.entries(effectiveRequests(c))) {
      const v = parseQuantity(q);
      if (COMPUTE.has(name) && v > 0) requests.set(name, (requests.get(name) ?? 0) + v);
    }
    const found = new Set<string>();
    for (const [name, q] of Object.entries((c.resources?.limits ?? {}) as ResourceList)) {
      const v = parseQuantity(q);
      if (COMPUTE.has(name) && v > 0) {
        found.add(name);
        limits.set(name, (limits.get(name) ?? 0) + v);
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (lim === undefined || Math.abs(lim - req) > 1e-12 * Math.max(lim, req)) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
