/** Service rules: kubernetes validation.go `ValidateService` / `validateServicePort` (ClusterIP-centric). */
import type { Issues } from '../issues.ts';
import { asArray, asNumber, asRecord, asString, type JsonObject } from '../json.ts';
import { validatePortNumOrName } from './handlers.ts';
import { validateLabels, validateObjectMeta } from './meta.ts';
import { isDNS1035Label, isDNS1123Label, isValidPortNum } from './names.ts';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const AFFINITIES = ['ClientIP', 'None'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export function validateService(svc: JsonObject, issues: Issues): void {
  validateObjectMeta(svc, isDNS1035Label, issues);
  const spec = asRecord(svc.spec) ?? {};
  const type = spec.type;
  if (type !== undefined && !TYPES.includes(String(type)))
    issues.notSupported(['spec', 'type'], type, TYPES);
  const affinity = spec.sessionAffinity;
  if (affinity !== undefined && !AFFINITIES.includes(String(affinity))) {
    issues.notSupported(['spec', 'sessionAffinity'], affinity, AFFINITIES);
  }
  const ports = asArray(spec.ports);
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && type !== 'ExternalName' && !headless)
    issues.required(['spec', 'ports']);
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const port = asRecord(p);
    if (!port) return;
    const at = ['spec', 'ports', i];
    const name = asString(port.name);
    if (ports.length > 1 && !name) issues.required([...at, 'name']);
    if (name) {
      for (const m of isDNS1123Label(name)) issues.invalid([...at, 'name'], name, m);
      if (names.has(name)) issues.duplicate([...at, 'name'], name);
      names.add(name);
    }
    const num = asNumber(port.port);
    if (num === undefined) issues.required([...at, 'port']);
    else for (const m of isValidPortNum(num)) issues.invalid([...at, 'port'], num, m);
    const protocol = port.protocol;
    if (protocol !== undefined && !PROTOCOLS.includes(String(protocol))) {
      issues.notSupported([...at, 'protocol'], protocol, PROTOCOLS);
    }
    if (port.targetPort !== undefined)
      validatePortNumOrName(port.targetPort, [...at, 'targetPort'], issues);
    if (port.nodePort !== undefined && (type === 'ClusterIP' || type === undefined)) {
      issues.forbidden([...at, 'nodePort'], "may not be used when `type` is 'ClusterIP'");
    }
  });
  validateLabels(asRecord(spec.selector), ['spec', 'selector'], issues);
  warnNotSimulated(spec, issues);
}

/**
 * Service fields kube-proxy honours that Podlab's proxy does not (yet): said at their line, never
 * silently ignored. ClientIP affinity would pin a client to one endpoint (K8.4); Local traffic
 * policy would keep connections on the client's node (CategorizeEndpoints, K8.5).
 */
function warnNotSimulated(spec: JsonObject, issues: Issues): void {
  const notYet = (field: string, value: string, what: string) =>
    issues.warn(
      ['spec', field],
      `${field}: ${value} is not simulated yet: Podlab's kube-proxy ${what}`,
      'not-simulated',
    );
  if (spec.sessionAffinity === 'ClientIP')
    notYet(
      'sessionAffinity',
      'ClientIP',
      'spreads every new connection round robin instead of pinning a client to one endpoint',
    );
  for (const f of ['internalTrafficPolicy', 'externalTrafficPolicy'])
    if (spec[f] === 'Local')
      notYet(
        f,
        'Local',
        "sends connections to every node's ready endpoints, not only the client's node's",
      );
}
