/**
 * Legacy `kubectl get endpoints` (pod-level R9.4; printers.go `formatEndpoints`): only ready
 * addresses (the EndpointSlice `ready` condition already folds in publishNotReadyAddresses and
 * drops terminating pods), printed as ip:port, three at most then `+ N more...`, `<none>` if empty.
 */
import { getEndpointSlices } from './endpointSlices.ts';
import { noResources } from './objectKey.ts';
import { TABLE_TABWRITER, tabRows, tabwrite } from './tabwriter.ts';
import type { TraceIndex } from './traceIndex.ts';

export interface EndpointsView {
  name: string;
  namespace: string;
  /** `ip:port` for every ready address and port, in kubectl's order. */
  addresses: string[];
  age: string;
}

function ipKey(ip: string): string {
  return ip
    .split('.')
    .map((p) => p.padStart(3, '0'))
    .join('.');
}

export function getLegacyEndpoints(
  idx: TraceIndex,
  t: number,
  opts?: { namespace?: string },
): EndpointsView[] {
  return getEndpointSlices(idx, t, opts).map((slice) => {
    const ips = slice.endpoints
      .filter((e) => e.ready)
      .map((e) => e.ip)
      .sort((a, b) => (ipKey(a) < ipKey(b) ? -1 : ipKey(a) > ipKey(b) ? 1 : 0));
    const addresses: string[] = [];
    for (const port of slice.ports) {
      if (port.port === undefined) continue;
      for (const ip of ips) addresses.push(`${ip}:${port.port}`);
    }
    return { name: slice.service, namespace: slice.namespace, addresses, age: slice.age };
  });
}

export function formatLegacyEndpointsTable(
  views: EndpointsView[],
  namespace = 'default',
  allNamespaces = false,
): string {
  if (views.length === 0) return noResources(allNamespaces ? undefined : namespace);
  const rows = views.map((v) => {
    const shown = v.addresses.slice(0, 3).join(',');
    const text =
      v.addresses.length === 0
        ? '<none>'
        : v.addresses.length > 3
          ? `${shown} + ${v.addresses.length - 3} more...`
          : shown;
    return allNamespaces ? [v.namespace, v.name, text, v.age] : [v.name, text, v.age];
  });
  const header = ['NAME', 'ENDPOINTS', 'AGE'];
  return tabwrite(
    tabRows([allNamespaces ? ['NAMESPACE', ...header] : header, ...rows]),
    TABLE_TABWRITER,
  );
}
