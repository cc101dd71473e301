/**
 * The Docker-links style Service variables the kubelet puts into every container's environment
 * (kubelet_pods.go getServiceEnvVarMap + pkg/kubelet/envvars FromServices): for each Service of
 * the pod's namespace that exists when the container is created, unless `enableServiceLinks:
 * false`; the `kubernetes` Service of `default` always (the runtime sets its variables itself).
 * Services without a cluster IP (headless, ExternalName) are skipped.
 */
import { dict } from '../trace/dict.ts';
import type { ServiceEntry } from './network.ts';

/** makeEnvVariableName: upper case, `-` → `_`. */
const envName = (s: string) => s.toUpperCase().replace(/-/g, '_');

function linkVars(e: ServiceEntry, out: Record<string, string>): void {
  const ports = e.service.spec?.ports ?? [];
  const first = ports[0];
  if (!first) return;
  const prefix = envName(e.name);
  const ip = e.clusterIP;
  out[`${prefix}_SERVICE_HOST`] = ip;
  out[`${prefix}_SERVICE_PORT`] = String(first.port);
  for (const p of ports)
    if (p.name) out[`${prefix}_SERVICE_PORT_${envName(p.name)}`] = String(p.port);
  ports.forEach((p, i) => {
    const proto = (p.protocol || 'TCP').toLowerCase();
    const hostPort = ip.includes(':') ? `[${ip}]:${p.port}` : `${ip}:${p.port}`;
    if (i === 0) out[`${prefix}_PORT`] = `${proto}://${hostPort}`;
    const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    out[pp] = `${proto}://${hostPort}`;
    out[`${pp}_PROTO`] = proto;
    out[`${pp}_PORT`] = String(p.port);
    out[`${pp}_ADDR`] = ip;
  });
}

export function serviceEnv(
  services: Iterable<ServiceEntry>,
  namespace: string,
  enableServiceLinks: boolean,
): Record<string, string> {
  const picked = new Map<string, ServiceEntry>();
  for (const e of services) {
    if (!e.clusterIP || e.clusterIP === 'None' || e.service.spec?.type === 'ExternalName') continue;
    if (e.namespace === 'default' && e.name === 'kubernetes') {
      if (!picked.has(e.name)) picked.set(e.name, e);
    } else if (e.namespace === namespace && enableServiceLinks) picked.set(e.name, e);
  }
  const out = dict<string>();
  for (const name of [...picked.keys()].sort()) linkVars(picked.get(name)!, out);
  return out;
}
