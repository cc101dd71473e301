/**
 * A pod's resource request as the scheduler computes it (k8s.io/component-helpers/resource:
 * PodRequests, via noderesources computePodResourceRequest): regular containers and sidecars sum;
 * each non-restartable init container needs its own request plus the sidecars started before it;
 * the pod needs the larger of the two; overhead is added.
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../../k8s/quantity.ts';
import type { Resources } from './types.ts';

/** schedutil.DefaultMilliCPURequest / DefaultMemoryRequest: what scoring counts for an empty request. */
export const DEFAULT_MILLI_CPU = 100;
export const DEFAULT_MEMORY = 200 * 1024 * 1024;

/** cpu in milli-cores (rounded up, as Quantity.MilliValue), everything else in base units. */
export function toSchedUnits(
  resources: Readonly<Record<string, string | number>> | undefined,
): Resources {
  const out: Resources = {};
  for (const [k, q] of Object.entries(resources ?? {})) {
    const v = parseQuantity(q);
    if (v === undefined) continue;
    out[k] = k === 'cpu' ? Math.ceil(v * 1000 - 1e-9) : Math.ceil(v - 1e-9);
  }
  return out;
}

function add(into: Resources, r: Resources): void {
  for (const [k, v] of Object.entries(r)) into[k] = (into[k] ?? 0) + v;
}

function max(into: Resources, r: Resources): void {
  for (const [k, v] of Object.entries(r)) into[k] = Math.max(into[k] ?? 0, v);
}

type Requests = (c: Container) => Resources;

const requestsOfDefault: Requests = (c) =>
  toSchedUnits(c.resources?.requests as Record<string, string | number> | undefined);

/** NonMissingContainerRequests: a container without a cpu or memory request counts the defaults. */
const nonMissing: Requests = (c) => {
  const r = requestsOfDefault(c);
  const given = c.resources?.requests ?? {};
  return {
    ...r,
    cpu: 'cpu' in given ? (r.cpu ?? 0) : DEFAULT_MILLI_CPU,
    memory: 'memory' in given ? (r.memory ?? 0) : DEFAULT_MEMORY,
  };
};

/** Specs do not change while a pod is bound: each is summed once (a cycle reads every bound pod). */
const requestsCache = new WeakMap<PodSpec, Resources>();
const nonZeroCache = new WeakMap<PodSpec, { cpu: number; memory: number }>();

export function podRequests(spec: PodSpec, requestsOf?: Requests): Readonly<Resources> {
  if (requestsOf) return sumRequests(spec, requestsOf);
  let r = requestsCache.get(spec);
  if (!r) requestsCache.set(spec, (r = sumRequests(spec, requestsOfDefault)));
  return r;
}

function sumRequests(spec: PodSpec, requestsOf: Requests): Resources {
  const sum: Resources = {};
  for (const c of spec.containers) add(sum, requestsOf(c));
  const sidecars: Resources = {};
  const initMax: Resources = {};
  for (const c of spec.initContainers ?? []) {
    const r = requestsOf(c);
    if (c.restartPolicy === 'Always') {
      add(sum, r);
      add(sidecars, r);
      max(initMax, { ...sidecars });
    } else {
      const need = { ...sidecars };
      add(need, r);
      max(initMax, need);
    }
  }
  max(sum, initMax);
  add(sum, toSchedUnits(spec.overhead as Record<string, string | number> | undefined));
  return sum;
}

/** The requests scoring counts: an absent cpu or memory request counts as the defaults above. */
export function nonZeroRequests(spec: PodSpec): { cpu: number; memory: number } {
  let v = nonZeroCache.get(spec);
  if (!v) {
    const r = sumRequests(spec, nonMissing);
    nonZeroCache.set(spec, (v = { cpu: r.cpu ?? 0, memory: r.memory ?? 0 }));
  }
  return { ...v };
}
