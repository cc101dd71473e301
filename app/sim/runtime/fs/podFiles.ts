/** Files the kubelet writes for every pod: /etc/hosts, /etc/resolv.conf, /etc/hostname, SA token. */
import type { Pod } from '../../../k8s/types.ts';

export const CLUSTER_DOMAIN = 'cluster.local';
export const DNS_SERVER = '10.96.0.10';

export function podHostname(pod: Pod): string {
  return (pod.spec?.hostname ?? pod.metadata?.name ?? 'pod').slice(0, 63);
}

/** kubelet `managedHostsFileContent` + `hostsEntriesFromHostAliases`. */
export function hostsFile(pod: Pod, podIP: string): string {
  const ns = pod.metadata?.namespace ?? 'default';
  const host = podHostname(pod);
  const sub = pod.spec?.subdomain;
  let s =
    '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
  s += sub
    ? `${podIP}\t${host}.${sub}.${ns}.svc.${CLUSTER_DOMAIN}\t${host}\n`
    : `${podIP}\t${host}\n`;
  const aliases = pod.spec?.hostAliases ?? [];
  if (aliases.length > 0) {
    s += '\n# Entries added by HostAliases.\n';
    for (const a of aliases) s += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`;
  }
  return s;
}

export function resolvConf(pod: Pod): string {
  const ns = pod.metadata?.namespace ?? 'default';
  if (pod.spec?.dnsPolicy === 'Default') return `nameserver 10.0.0.2\n`;
  return `search ${ns}.svc.${CLUSTER_DOMAIN} svc.${CLUSTER_DOMAIN} ${CLUSTER_DOMAIN}\nnameserver ${DNS_SERVER}\noptions ndots:5\n`;
}

/** A deterministic stand-in for a projected service-account token (a JWT's shape, not a real one). */
export function serviceAccountToken(
  pod: Pod,
  audience = 'https://kubernetes.default.svc.cluster.local',
): string {
  const ns = pod.metadata?.namespace ?? 'default';
  const sa = pod.spec?.serviceAccountName ?? 'default';
  const payload = JSON.stringify({
    aud: [audience],
    iss: audience,
    sub: `system:serviceaccount:${ns}:${sa}`,
  });
  const b64 = (s: string) =>
    encodeB64(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64('{"alg":"RS256","kid":"podlab"}')}.${b64(payload)}.c2lnbmF0dXJlLW5vdC12ZXJpZmllZA`;
}

function encodeB64(s: string): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < s.length; i += 3) {
    const n =
      (s.charCodeAt(i) << 16) | ((s.charCodeAt(i + 1) || 0) << 8) | (s.charCodeAt(i + 2) || 0);
    out +=
      A[(n >> 18) & 63]! +
      A[(n >> 12) & 63]! +
      (i + 1 < s.length ? A[(n >> 6) & 63]! : '=') +
      (i + 2 < s.length ? A[n & 63]! : '=');
  }
  return out;
}

export const CA_CRT =
  '-----BEGIN CERTIFICATE-----\nMIIBdzCCAR2gAwIBAgIBADAKBggqhkjOPQQDAjAjMSEwHwYDVQQDDBhwb2RsYWIt\nc2ltdWxhdGVkLWNsdXN0ZXItY2EwHhcNMjUwMTAxMDAwMDAwWhcNMzUwMTAxMDAw\n-----END CERTIFICATE-----\n';
