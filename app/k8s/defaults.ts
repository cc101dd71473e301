/**
 * API-server defaulting (what `kubectl apply` would store), as tables: each field, its default, when it
 * applies, and the function in kubernetes `pkg/apis/core/v1/defaults.go` it comes from.
 * Works on plain JSON objects in place and tolerates wrong shapes (the schema reports those).
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { DefaultedPod, DefaultedService } from './defaulted.ts';
import { asArray, asRecord, cloneJson, type JsonObject } from './json.ts';

interface FieldDefault {
  field: string;
  value: unknown;
  /** `absent`: only when the field is missing; `zero`: also when it is 0 or "" (Go zero value). */
  when: 'absent' | 'zero';
  source: string;
}

export const POD_SPEC_DEFAULTS: readonly FieldDefault[] = [
  { field: 'restartPolicy', value: 'Always', when: 'zero', source: 'SetDefaults_PodSpec' },
  {
    field: 'terminationGracePeriodSeconds',
    value: 30,
    when: 'absent',
    source: 'SetDefaults_PodSpec (DefaultTerminationGracePeriodSeconds)',
  },
  { field: 'dnsPolicy', value: 'ClusterFirst', when: 'zero', source: 'SetDefaults_PodSpec' },
  {
    field: 'schedulerName',
    value: 'default-scheduler',
    when: 'zero',
    source: 'SetDefaults_PodSpec',
  },
  { field: 'securityContext', value: {}, when: 'absent', source: 'SetDefaults_PodSpec' },
  { field: 'enableServiceLinks', value: true, when: 'absent', source: 'SetDefaults_Pod' },
];

export const CONTAINER_DEFAULTS: readonly FieldDefault[] = [
  {
    field: 'terminationMessagePath',
    value: '/dev/termination-log',
    when: 'zero',
    source: 'SetDefaults_Container',
  },
  {
    field: 'terminationMessagePolicy',
    value: 'File',
    when: 'zero',
    source: 'SetDefaults_Container',
  },
];

/** Defaulted only when 0 or absent (reference R1.1). */
export const PROBE_DEFAULTS: readonly FieldDefault[] = [
  { field: 'timeoutSeconds', value: 1, when: 'zero', source: 'SetDefaults_Probe' },
  { field: 'periodSeconds', value: 10, when: 'zero', source: 'SetDefaults_Probe' },
  { field: 'successThreshold', value: 1, when: 'zero', source: 'SetDefaults_Probe' },
  { field: 'failureThreshold', value: 3, when: 'zero', source: 'SetDefaults_Probe' },
  { field: 'initialDelaySeconds', value: 0, when: 'absent', source: 'Probe (Go zero value)' },
];

export const HTTP_GET_DEFAULTS: readonly FieldDefault[] = [
  { field: 'path', value: '/', when: 'zero', source: 'SetDefaults_HTTPGetAction' },
  { field: 'scheme', value: 'HTTP', when: 'zero', source: 'SetDefaults_HTTPGetAction' },
];

export const CONTAINER_PORT_DEFAULTS: readonly FieldDefault[] = [
  { field: 'protocol', value: 'TCP', when: 'zero', source: 'SetDefaults_ContainerPort' },
];

export const SERVICE_SPEC_DEFAULTS: readonly FieldDefault[] = [
  { field: 'type', value: 'ClusterIP', when: 'zero', source: 'SetDefaults_Service' },
  { field: 'sessionAffinity', value: 'None', when: 'zero', source: 'SetDefaults_Service' },
];

export const SERVICE_PORT_DEFAULTS: readonly FieldDefault[] = [
  { field: 'protocol', value: 'TCP', when: 'zero', source: 'SetDefaults_Service' },
];

/** Projected file modes: 0644 (`SetDefaults_SecretVolumeSource` and friends). */
const DEFAULT_MODE: FieldDefault = {
  field: 'defaultMode',
  value: 0o644,
  when: 'absent',
  source: 'SetDefaults_{Secret,ConfigMap,DownwardAPI,Projected}VolumeSource',
};

export function applyTable(target: unknown, table: readonly FieldDefault[]): void {
  const obj = asRecord(target);
  if (!obj) return;
  for (const d of table) {
    const cur = obj[d.field];
    const isZero = cur === undefined || (d.when === 'zero' && (cur === 0 || cur === ''));
    if (isZero) obj[d.field] = cloneJson(d.value);
  }
}

/** SetDefaults_Container + parsers.ParseImageName: `latest` or no tag → Always; a digest alone → IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const at = image.indexOf('@');
  const name = at === -1 ? image : image.slice(0, at);
  const hasDigest = at !== -1;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > lastSlash ? name.slice(colon + 1) : '';
  if (tag === '' && hasDigest) return 'IfNotPresent';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: unknown, hostNetwork: boolean): void {
  const ctr = asRecord(c);
  if (!ctr) return;
  applyTable(ctr, CONTAINER_DEFAULTS);
  if (
    (ctr.imagePullPolicy === undefined || ctr.imagePullPolicy === '') &&
    typeof ctr.image === 'string'
  ) {
    ctr.imagePullPolicy = defaultPullPolicy(ctr.image);
  }
  for (const p of asArray(ctr.ports)) {
    applyTable(p, CONTAINER_PORT_DEFAULTS);
    const port = asRecord(p);
    // SetDefaults_Pod → defaultHostNetworkPorts: with hostNetwork the host port is the container port.
    if (port && hostNetwork && (port.hostPort === undefined || port.hostPort === 0)) {
      port.hostPort = port.containerPort;
    }
  }
  for (const probeName of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = asRecord(ctr[probeName]);
    if (!probe) continue;
    applyTable(probe, PROBE_DEFAULTS);
    applyTable(probe.httpGet, HTTP_GET_DEFAULTS);
  }
  const lifecycle = asRecord(ctr.lifecycle);
  for (const hook of ['postStart', 'preStop'])
    applyTable(asRecord(lifecycle?.[hook])?.httpGet, HTTP_GET_DEFAULTS);
  for (const env of asArray(ctr.env)) {
    applyTable(asRecord(asRecord(env)?.valueFrom)?.fieldRef, [FIELD_REF_API_VERSION]);
  }
  // SetDefaults_Pod: requests default to limits, key by key.
  const resources = asRecord(ctr.resources);
  const limits = asRecord(resources?.limits);
  if (resources && limits) {
    const requests = asRecord(resources.requests) ?? {};
    for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v;
    resources.requests = requests;
  }
}

const FIELD_REF_API_VERSION: FieldDefault = {
  field: 'apiVersion',
  value: 'v1',
  when: 'zero',
  source: 'SetDefaults_ObjectFieldSelector',
};

function defaultVolume(v: unknown): void {
  const vol = asRecord(v);
  if (!vol) return;
  const sources = Object.keys(vol).filter((k) => k !== 'name');
  // SetDefaults_Volume: a volume with no source is an emptyDir.
  if (sources.length === 0) vol.emptyDir = {};
  for (const kind of ['secret', 'configMap', 'downwardAPI', 'projected'])
    applyTable(vol[kind], [DEFAULT_MODE]);
  for (const item of asArray(asRecord(vol.downwardAPI)?.items)) {
    applyTable(asRecord(item)?.fieldRef, [FIELD_REF_API_VERSION]);
  }
  for (const src of asArray(asRecord(vol.projected)?.sources)) {
    for (const item of asArray(asRecord(asRecord(src)?.downwardAPI)?.items)) {
      applyTable(asRecord(item)?.fieldRef, [FIELD_REF_API_VERSION]);
    }
  }
}

function defaultMetadata(obj: JsonObject): void {
  const meta = asRecord(obj.metadata);
  if (meta && (meta.namespace === undefined || meta.namespace === '')) meta.namespace = 'default';
}

export function defaultPod(pod: JsonObject): void {
  defaultMetadata(pod);
  const spec = asRecord(pod.spec);
  if (!spec) return;
  applyTable(spec, POD_SPEC_DEFAULTS);
  const hostNetwork = spec.hostNetwork === true;
  for (const c of asArray(spec.initContainers)) defaultContainer(c, hostNetwork);
  for (const c of asArray(spec.containers)) defaultContainer(c, hostNetwork);
  for (const c of asArray(spec.ephemeralContainers)) defaultContainer(c, hostNetwork);
  for (const v of asArray(spec.volumes)) defaultVolume(v);
}

export function defaultService(svc: JsonObject): void {
  defaultMetadata(svc);
  const spec = asRecord(svc.spec);
  if (!spec) return;
  applyTable(spec, SERVICE_SPEC_DEFAULTS);
  if (spec.type !== 'ExternalName' && spec.internalTrafficPolicy === undefined) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  for (const p of asArray(spec.ports)) {
    applyTable(p, SERVICE_PORT_DEFAULTS);
    const port = asRecord(p);
    // SetDefaults_Service: an absent (0 or "") targetPort is the port itself.
    if (
      port &&
      (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '')
    ) {
      port.targetPort = port.port;
    }
  }
}

/**
 * A defaulted copy of a Pod built in code rather than parsed (test builders, benchmarks). Like
 * `parseScenario`, it trusts the object to be valid (a name, an image per container).
 */
export function defaultedPod(pod: Pod): DefaultedPod {
  const copy = cloneJson(pod) as JsonObject;
  defaultPod(copy);
  return copy as unknown as DefaultedPod;
}

/** `defaultedPod` for a Service. */
export function defaultedService(svc: Service): DefaultedService {
  const copy = cloneJson(svc) as JsonObject;
  defaultService(copy);
  return copy as unknown as DefaultedService;
}

export function defaultConfigMap(cm: JsonObject): void {
  defaultMetadata(cm);
}

/** SetDefaults_Secret (type Opaque); stringData is merged into data (base64) by the registry. */
export function defaultSecret(secret: JsonObject, encode: (s: string) => string): void {
  defaultMetadata(secret);
  if (secret.type === undefined || secret.type === '') secret.type = 'Opaque';
  const stringData = asRecord(secret.stringData);
  if (stringData) {
    const data = asRecord(secret.data) ?? {};
    for (const [k, v] of Object.entries(stringData)) if (typeof v === 'string') data[k] = encode(v);
    secret.data = data;
    delete secret.stringData;
  }
}
