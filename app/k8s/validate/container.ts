/**
 * One container: kubernetes validation.go `validateContainerCommon`, `validateContainerPorts`,
 * `validateInitContainers` (V5/V6 of kubelet-container.md §2) and `validateContainers`.
 */
import type { Issues } from '../issues.ts';
import type { Segment } from '../path.ts';
import { asArray, asNumber, asRecord, asString, type JsonObject } from '../json.ts';
import { validateLifecycle, validateProbe, type ProbeKind } from './handlers.ts';
import { validateRegularRestartPolicy } from './restartRules.ts';
import type { VersionFeatures } from '../features.ts';
import { isValidPortName, isValidPortNum } from './names.ts';
import { parseQuantity, QUANTITY_FORMAT_ERROR } from '../quantity.ts';
import { formatPath } from '../path.ts';
import { formatValue } from '../issues.ts';

export interface ContainerContext {
  /** `initContainers`, `containers` */
  list: 'initContainers' | 'containers';
  /** Pod terminationGracePeriodSeconds, for sleep hooks. */
  grace: number | undefined;
  volumeNames: ReadonlySet<string>;
  /** The Kubernetes version and feature gates the API server runs with. */
  api: VersionFeatures;
}

const PROBES: readonly ProbeKind[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const INIT_FORBIDDEN = 'may not be set for init containers without restartPolicy=Always';

function validatePorts(ports: unknown[], path: Segment[], issues: Issues): void {
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const port = asRecord(p);
    if (!port) return;
    const at = [...path, i];
    const name = asString(port.name);
    if (name) {
      const msgs = isValidPortName(name);
      for (const m of msgs) issues.invalid([...at, 'name'], name, m);
      if (msgs.length === 0 && names.has(name)) issues.duplicate([...at, 'name'], name);
      names.add(name);
    }
    const containerPort = asNumber(port.containerPort);
    if (containerPort === undefined || containerPort === 0)
      issues.required([...at, 'containerPort']);
    else
      for (const m of isValidPortNum(containerPort))
        issues.invalid([...at, 'containerPort'], containerPort, m);
    const hostPort = asNumber(port.hostPort);
    if (hostPort !== undefined && hostPort !== 0) {
      for (const m of isValidPortNum(hostPort)) issues.invalid([...at, 'hostPort'], hostPort, m);
    }
    const protocol = port.protocol;
    if (protocol !== undefined && !['SCTP', 'TCP', 'UDP'].includes(String(protocol))) {
      issues.notSupported([...at, 'protocol'], protocol, ['SCTP', 'TCP', 'UDP']);
    }
  });
}

/** Resource maps print their keys as [key], like the API: `resources.limits[memory]`. */
function resourcePath(path: Segment[], kind: string, name: string): string {
  return `${formatPath([...path, kind])}[${name}]`;
}

/**
 * Malformed quantities fail when the API server decodes the object, before defaulting copies limits
 * into requests: run this on the object as written.
 */
export function validateQuantities(pod: JsonObject, issues: Issues): void {
  const spec = asRecord(pod.spec);
  for (const list of ['initContainers', 'containers']) {
    asArray(spec?.[list]).forEach((c, i) => {
      const resources = asRecord(asRecord(c)?.resources);
      for (const kind of ['limits', 'requests']) {
        for (const [name, q] of Object.entries(asRecord(resources?.[kind]) ?? {})) {
          if ((typeof q !== 'string' && typeof q !== 'number') || parseQuantity(q) !== undefined)
            continue;
          const path: Segment[] = ['spec', list, i, 'resources'];
          issues.raw(
            [...path, kind, name],
            `${resourcePath(path, kind, name)}: Invalid value: ${formatValue(q)}: ${QUANTITY_FORMAT_ERROR}`,
            'invalid-value',
            'value',
          );
        }
      }
    });
  }
}

/** ValidateResourceRequirements: requests ≤ limits (malformed quantities are skipped, see above). */
function validateResources(
  resources: JsonObject | undefined,
  path: Segment[],
  issues: Issues,
): void {
  const limits = asRecord(resources?.limits) ?? {};
  const requests = asRecord(resources?.requests) ?? {};
  for (const [name, req] of Object.entries(requests)) {
    const lim = limits[name];
    const r = typeof req === 'string' || typeof req === 'number' ? parseQuantity(req) : undefined;
    const l = typeof lim === 'string' || typeof lim === 'number' ? parseQuantity(lim) : undefined;
    if (r === undefined || l === undefined || r <= l) continue;
    issues.raw(
      [...path, 'requests', name],
      `${resourcePath(path, 'requests', name)}: Invalid value: ${formatValue(String(req))}: must be less than or equal to ${name} limit of ${String(lim)}`,
      'invalid-value',
      'value',
    );
  }
}

function validateCommon(
  ctr: JsonObject,
  path: Segment[],
  ctx: ContainerContext,
  issues: Issues,
): void {
  const image = ctr.image;
  if (image === undefined || image === '') issues.required([...path, 'image']);
  else if (typeof image === 'string' && image.trim() !== image) {
    issues.invalid([...path, 'image'], image, 'must not have leading or trailing whitespace');
  }
  const pull = ctr.imagePullPolicy;
  if (pull !== undefined && !['Always', 'IfNotPresent', 'Never'].includes(String(pull))) {
    issues.notSupported([...path, 'imagePullPolicy'], pull, ['Always', 'IfNotPresent', 'Never']);
  }
  const tmp = ctr.terminationMessagePolicy;
  if (tmp !== undefined && !['File', 'FallbackToLogsOnError'].includes(String(tmp))) {
    issues.notSupported([...path, 'terminationMessagePolicy'], tmp, [
      'File',
      'FallbackToLogsOnError',
    ]);
  }
  validatePorts(asArray(ctr.ports), [...path, 'ports'], issues);
  validateResources(asRecord(ctr.resources), [...path, 'resources'], issues);
  asArray(ctr.env).forEach((e, i) => {
    if (!asString(asRecord(e)?.name)) issues.required([...path, 'env', i, 'name']);
  });
  asArray(ctr.volumeMounts).forEach((m, i) => {
    const mount = asRecord(m);
    const name = asString(mount?.name);
    if (!name) issues.required([...path, 'volumeMounts', i, 'name']);
    else if (!ctx.volumeNames.has(name))
      issues.notFound([...path, 'volumeMounts', i, 'name'], name);
    if (!asString(mount?.mountPath)) issues.required([...path, 'volumeMounts', i, 'mountPath']);
  });
}

export function validateContainer(
  ctr: JsonObject,
  path: Segment[],
  ctx: ContainerContext,
  issues: Issues,
): void {
  validateCommon(ctr, path, ctx, issues);
  const restartPolicy = ctr.restartPolicy;
  const sidecar = ctx.list === 'initContainers' && restartPolicy === 'Always';
  if (ctx.list === 'containers' && restartPolicy !== undefined) {
    validateRegularRestartPolicy(restartPolicy, [...path, 'restartPolicy'], ctx.api, issues);
  }
  if (ctx.list === 'initContainers' && restartPolicy !== undefined && restartPolicy !== 'Always') {
    issues.notSupported([...path, 'restartPolicy'], restartPolicy, ['Always']);
  }
  const plainInit = ctx.list === 'initContainers' && !sidecar;
  const lifecycle = asRecord(ctr.lifecycle);
  if (lifecycle) {
    if (plainInit) issues.forbidden([...path, 'lifecycle'], INIT_FORBIDDEN);
    else validateLifecycle(lifecycle, ctx.grace, [...path, 'lifecycle'], issues, ctx.api);
  }
  for (const kind of PROBES) {
    const probe = asRecord(ctr[kind]);
    if (!probe) continue;
    if (plainInit) issues.forbidden([...path, kind], INIT_FORBIDDEN);
    else validateProbe(probe, kind, ctx.grace, [...path, kind], issues);
  }
}
