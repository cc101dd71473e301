/**
 * Services → EndpointSlice endpoints (pkg/controller/endpointslice `podToEndpoint`,
 * `ShouldPodBeInEndpoints` with includeTerminating = true; pod-level R9.1–R9.3).
 */
import type { DefaultedService as Service } from '../../k8s/types.ts';
import type { EndpointRecord } from '../trace/types.ts';
export { sameEndpoints, withEndpoint } from '../trace/endpointList.ts';

export interface PodView {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  ip: string | undefined;
  phase: string;
  readyCondition: boolean;
  terminating: boolean;
}

export function selects(service: Service, pod: PodView): boolean {
  const sel = service.spec?.selector;
  if (!sel) return false;
  if (service.metadata.namespace !== pod.namespace) return false;
  return Object.entries(sel).every(([k, v]) => pod.labels[k] === v);
}

/** The pod's entry in the Service's EndpointSlice, if it has one (`podToEndpoint`). */
export function endpointFor(service: Service, p: PodView): EndpointRecord | undefined {
  if (!selects(service, p)) return undefined;
  if (p.phase === 'Succeeded' || p.phase === 'Failed') return undefined;
  if (!p.ip) return undefined;
  const pnra = service.spec?.publishNotReadyAddresses === true;
  const serving = p.readyCondition;
  const terminating = p.terminating;
  return { pod: p.name, ip: p.ip, ready: pnra || (serving && !terminating), serving, terminating };
}

const byPod = (a: EndpointRecord, b: EndpointRecord) =>
  a.pod < b.pod ? -1 : a.pod > b.pod ? 1 : 0;

export function getEndpoints(service: Service, pods: Iterable<PodView>): EndpointRecord[] {
  if (!service.spec?.selector) return [];
  const out: EndpointRecord[] = [];
  for (const p of pods) {
    const e = endpointFor(service, p);
    if (e) out.push(e);
  }
  return out.sort(byPod);
}

/** The container port a Service's targetPort names: a number, or a containerPort's name in the pod. */
export function targetPortOf(
  tp: number | string,
  named: ReadonlyMap<string, number>,
): number | undefined {
  return typeof tp === 'number' ? tp : /^\d+$/.test(tp) ? parseInt(tp, 10) : named.get(tp);
}

/** A pod's containerPorts by name (what a named targetPort looks up). */
export function portNames(
  slots: Iterable<{ spec: { ports?: { name?: string; containerPort: number }[] } }>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of slots)
    for (const p of s.spec.ports ?? []) if (p.name) out.set(p.name, p.containerPort);
  return out;
}

/** kube-proxy's choice (R9.5): ready endpoints, else serving+terminating ones, else none. */
export function trafficTargets(eps: EndpointRecord[]): EndpointRecord[] {
  const ready = eps.filter((e) => e.ready);
  if (ready.length > 0) return ready;
  return eps.filter((e) => e.serving && e.terminating);
}
