/**
 * `kubectl get endpointslices` at time t (printers.go `printEndpointSlice`, pod-level §9): one
 * slice per Service with a selector, named `<svc>-<5 chars>` (deterministic here), endpoint
 * conditions as the engine published them.
 */
import type { Service } from '../../k8s/types.ts';
import type { EndpointRecord } from './types.ts';
import { generatedSuffix } from './admission.ts';
import { valueAt } from './series.ts';
import { podSnapshot } from './podState.ts';
import { serviceAt, type TraceIndex } from './traceIndex.ts';
import { noResources, objectKey } from './objectKey.ts';
import { TABLE_TABWRITER, tabRows, tabwrite } from './tabwriter.ts';
import { apiSeconds, humanDuration } from './time.ts';

export interface EndpointSlicePort {
  name: string;
  /** Undefined when a named targetPort could not be resolved. */
  port?: number;
  protocol: string;
}

export interface EndpointView extends EndpointRecord {
  nodeName?: string;
}

export interface EndpointSliceView {
  name: string;
  namespace: string;
  service: string;
  addressType: 'IPv4';
  ports: EndpointSlicePort[];
  endpoints: EndpointView[];
  age: string;
}

/** `<svc>-<5 chars>`; the suffix is seeded by the Service's key, so same-named Services differ. */
export function sliceName(service: string, namespace = 'default'): string {
  return `${service}-${generatedSuffix(`endpointslice/${objectKey(namespace, service)}`)}`;
}

function resolvePorts(
  idx: TraceIndex,
  namespace: string,
  svc: Service,
  endpoints: EndpointRecord[],
  t: number,
): EndpointSlicePort[] {
  if (endpoints.length === 0) return [];
  const first = endpoints[0]
    ? podSnapshot(idx, objectKey(namespace, endpoints[0].pod), t)
    : undefined;
  return (svc.spec?.ports ?? []).map((p) => {
    const target = p.targetPort ?? p.port;
    let port: number | undefined =
      typeof target === 'number'
        ? target
        : Number.isFinite(Number(target))
          ? Number(target)
          : undefined;
    if (port === undefined && first) {
      for (const c of first.pod.spec?.containers ?? []) {
        const named = (c.ports ?? []).find((cp) => cp.name === target);
        if (named) port = named.containerPort;
      }
    }
    return {
      name: p.name ?? '',
      ...(port !== undefined ? { port } : {}),
      protocol: p.protocol ?? 'TCP',
    };
  });
}

/** The slices at t of one namespace's Services, or of every namespace (by namespace, then name). */
export function getEndpointSlices(
  idx: TraceIndex,
  t: number,
  opts?: { namespace?: string },
): EndpointSliceView[] {
  const views: EndpointSliceView[] = [];
  for (const key of idx.services.keys()) {
    const track = serviceAt(idx, key, t);
    if (!track) continue;
    if (opts?.namespace !== undefined && track.namespace !== opts.namespace) continue;
    const ns = track.namespace;
    const svc = valueAt(track.spec, t);
    if (!svc?.spec?.selector) continue;
    const endpoints = valueAt(track.endpoints, t) ?? [];
    views.push({
      name: sliceName(track.name, ns),
      namespace: ns,
      service: track.name,
      addressType: 'IPv4',
      ports: resolvePorts(idx, ns, svc, endpoints, t),
      endpoints: endpoints.map((e) => ({
        ...e,
        nodeName: podSnapshot(idx, objectKey(ns, e.pod), t)?.nodeName,
      })),
      age: humanDuration(t - apiSeconds(track.createdAt)),
    });
  }
  return views.sort((a, b) => compare(a.namespace, b.namespace) || compare(a.service, b.service));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function listWithMore(list: string[]): string {
  if (list.length > 3) return `${list.slice(0, 3).join(',')} + ${list.length - 3} more...`;
  return list.length === 0 ? '<unset>' : list.join(',');
}

/**
 * NAME ADDRESSTYPE PORTS ENDPOINTS AGE, as kubectl prints it; `allNamespaces` (`-A`) adds the
 * NAMESPACE column first.
 */
export function formatEndpointSlicesTable(
  views: EndpointSliceView[],
  namespace = 'default',
  allNamespaces = false,
): string {
  if (views.length === 0) return noResources(allNamespaces ? undefined : namespace);
  const rows = views.map((v) => {
    const cells = [
      v.name,
      v.addressType,
      listWithMore(v.ports.map((p) => (p.port !== undefined ? String(p.port) : p.name || '*'))),
      listWithMore(v.endpoints.map((e) => e.ip)),
      v.age,
    ];
    return allNamespaces ? [v.namespace, ...cells] : cells;
  });
  const header = ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'];
  return tabwrite(
    tabRows([allNamespaces ? ['NAMESPACE', ...header] : header, ...rows]),
    TABLE_TABWRITER,
  );
}

/**
 * A detailed view: one line per endpoint with its conditions (kubectl describe endpointslice);
 * `allNamespaces` adds the slice's namespace first.
 */
export function formatEndpointConditions(
  views: EndpointSliceView[],
  allNamespaces = false,
): string {
  const header = ['SLICE', 'POD', 'ADDRESS', 'READY', 'SERVING', 'TERMINATING', 'NODE'];
  const rows: string[][] = [allNamespaces ? ['NAMESPACE', ...header] : header];
  for (const v of views) {
    for (const e of v.endpoints) {
      const cells = [
        v.name,
        e.pod,
        e.ip,
        String(e.ready),
        String(e.serving),
        String(e.terminating),
        e.nodeName ?? '<none>',
      ];
      rows.push(allNamespaces ? [v.namespace, ...cells] : cells);
    }
  }
  return tabwrite(tabRows(rows), TABLE_TABWRITER);
}
