/**
 * Playground warnings the API server does not give but a user needs: references that will fail at
 * kubelet time (named probe/hook ports, missing ConfigMaps/Secrets) and Services that select nothing.
 */
import type { Issues } from '../issues.ts';
import type { Segment } from '../path.ts';
import { asArray, asRecord, asString, type JsonObject } from '../json.ts';
import { WORKLOAD_KINDS } from '../workloads.ts';

export interface CheckedObject {
  kind: string;
  name: string;
  namespace: string;
  object: JsonObject;
  issues: Issues;
}

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];

/**
 * A probe on an unresolvable port errors on every attempt and the prober worker throws the result
 * away (worker.go doProbe), so the probe's initial result stays for good.
 */
const UNRESOLVED_PROBE: Record<string, string> = {
  livenessProbe:
    'every attempt of this probe errors and is discarded, so it never restarts the container',
  readinessProbe:
    'every attempt of this probe errors and is discarded, so the container never becomes ready',
  startupProbe:
    'every attempt of this probe errors and is discarded, so the container never counts as started',
};
const HANDLER_PORTS = ['httpGet', 'tcpSocket'];

function checkNamedPorts(ctr: JsonObject, path: Segment[], issues: Issues): void {
  const names = new Set(asArray(ctr.ports).map((p) => asString(asRecord(p)?.name)));
  const check = (handler: JsonObject | undefined, at: Segment[], consequence: string) => {
    for (const h of HANDLER_PORTS) {
      const port = asRecord(handler?.[h])?.port;
      if (typeof port === 'string' && port !== '' && !names.has(port)) {
        issues.warn(
          [...at, h, 'port'],
          `port name "${port}" is not defined in this container's ports: ${consequence}`,
          'unknown-port-name',
        );
      }
    }
  };
  for (const p of PROBES) check(asRecord(ctr[p]), [...path, p], UNRESOLVED_PROBE[p] ?? '');
  const lifecycle = asRecord(ctr.lifecycle);
  for (const hook of ['postStart', 'preStop'])
    check(
      asRecord(lifecycle?.[hook]),
      [...path, 'lifecycle', hook],
      'the kubelet will fail this hook',
    );
}

function containersOf(pod: JsonObject): [Segment[], JsonObject][] {
  const spec = asRecord(pod.spec);
  const out: [Segment[], JsonObject][] = [];
  for (const list of ['initContainers', 'containers']) {
    asArray(spec?.[list]).forEach((c, i) => {
      const ctr = asRecord(c);
      if (ctr) out.push([['spec', list, i], ctr]);
    });
  }
  return out;
}

function checkConfigRefs(pod: CheckedObject, has: (kind: string, name: string) => boolean): void {
  const missing = (kind: string, name: string | undefined, optional: unknown, at: Segment[]) => {
    if (!name || optional === true || has(kind, name)) return;
    pod.issues.warn(
      at,
      `${kind} "${name}" is not defined in this scenario: the kubelet cannot start the containers that need it`,
      'missing-reference',
    );
  };
  asArray(asRecord(pod.object.spec)?.volumes).forEach((v, i) => {
    const vol = asRecord(v);
    const cm = asRecord(vol?.configMap);
    const secret = asRecord(vol?.secret);
    if (cm)
      missing('ConfigMap', asString(cm.name), cm.optional, [
        'spec',
        'volumes',
        i,
        'configMap',
        'name',
      ]);
    if (secret) {
      missing('Secret', asString(secret.secretName), secret.optional, [
        'spec',
        'volumes',
        i,
        'secret',
        'secretName',
      ]);
    }
    asArray(asRecord(vol?.projected)?.sources).forEach((s, j) => {
      const src = asRecord(s);
      const at: Segment[] = ['spec', 'volumes', i, 'projected', 'sources', j];
      const pcm = asRecord(src?.configMap);
      const psec = asRecord(src?.secret);
      if (pcm) missing('ConfigMap', asString(pcm.name), pcm.optional, [...at, 'configMap', 'name']);
      if (psec) missing('Secret', asString(psec.name), psec.optional, [...at, 'secret', 'name']);
    });
  });
  for (const [path, ctr] of containersOf(pod.object)) {
    asArray(ctr.env).forEach((e, i) => {
      const from = asRecord(asRecord(e)?.valueFrom);
      const cm = asRecord(from?.configMapKeyRef);
      const sec = asRecord(from?.secretKeyRef);
      const at = [...path, 'env', i, 'valueFrom'];
      if (cm)
        missing('ConfigMap', asString(cm.name), cm.optional, [...at, 'configMapKeyRef', 'name']);
      if (sec) missing('Secret', asString(sec.name), sec.optional, [...at, 'secretKeyRef', 'name']);
    });
    asArray(ctr.envFrom).forEach((e, i) => {
      const src = asRecord(e);
      const cm = asRecord(src?.configMapRef);
      const sec = asRecord(src?.secretRef);
      if (cm)
        missing('ConfigMap', asString(cm.name), cm.optional, [
          ...path,
          'envFrom',
          i,
          'configMapRef',
          'name',
        ]);
      if (sec)
        missing('Secret', asString(sec.name), sec.optional, [
          ...path,
          'envFrom',
          i,
          'secretRef',
          'name',
        ]);
    });
  }
}

function labelsOf(o: JsonObject): JsonObject {
  return asRecord(asRecord(o.metadata)?.labels) ?? {};
}

function checkService(svc: CheckedObject, pods: CheckedObject[]): void {
  const spec = asRecord(svc.object.spec);
  const selector = asRecord(spec?.selector);
  if (!selector || Object.keys(selector).length === 0) return;
  const selected = pods.filter(
    (p) =>
      p.namespace === svc.namespace &&
      Object.entries(selector).every(([k, v]) => labelsOf(p.object)[k] === v),
  );
  const text = Object.entries(selector)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(',');
  if (selected.length === 0) {
    svc.issues.warn(
      ['spec', 'selector'],
      `selector ${text} matches no Pod in this scenario: the Service will have no endpoints`,
      'selector-matches-nothing',
      'key',
    );
    return;
  }
  asArray(spec?.ports).forEach((p, i) => {
    const target = asRecord(p)?.targetPort;
    if (typeof target !== 'string' || target === '') return;
    const found = selected.some((pod) =>
      containersOf(pod.object).some(([, ctr]) =>
        asArray(ctr.ports).some((cp) => asRecord(cp)?.name === target),
      ),
    );
    if (!found) {
      svc.issues.warn(
        ['spec', 'ports', i, 'targetPort'],
        `targetPort "${target}" is not a port name of any selected Pod (${selected.map((s) => s.name).join(', ')}): those endpoints get no port`,
        'unknown-port-name',
      );
    }
  });
}

/** The pods the workload controllers will create, as their templates describe them. */
function templatePods(objects: readonly CheckedObject[]): CheckedObject[] {
  return objects.flatMap((o) => {
    if (!WORKLOAD_KINDS.includes(o.kind)) return [];
    const t = asRecord(asRecord(o.object.spec)?.template) ?? {};
    return [{ ...o, kind: 'Pod', object: { metadata: t.metadata, spec: t.spec } }];
  });
}

export function checkReferences(objects: readonly CheckedObject[]): void {
  const pods = [...objects.filter((o) => o.kind === 'Pod'), ...templatePods(objects)];
  const keys = new Set(objects.map((o) => `${o.kind}/${o.namespace}/${o.name}`));
  for (const o of objects) {
    if (o.kind === 'Pod') {
      for (const [path, ctr] of containersOf(o.object)) checkNamedPorts(ctr, path, o.issues);
      checkConfigRefs(o, (kind, name) => keys.has(`${kind}/${o.namespace}/${name}`));
    }
    if (o.kind === 'Service') checkService(o, pods);
  }
}
