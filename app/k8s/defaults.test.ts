import { describe, expect, it } from 'vitest';
import { parseScenario } from './parseScenario.ts';
import { defaultPullPolicy } from './defaults.ts';
import { parsePath } from './path.ts';

function podWith(containerExtra: string, specExtra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${specExtra}  containers:
  - name: app
    image: nginx:1.25
${containerExtra}`;
}

function get(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const seg of parsePath(path)) cur = (cur as Record<string | number, unknown>)?.[seg];
  return cur;
}

function defaulted(text: string, path: string): unknown {
  const r = parseScenario(text);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return get(r.objects[0]?.object, path);
}

describe('Pod defaulting (pkg/apis/core/v1/defaults.go)', () => {
  it.each([
    ['', 'spec.restartPolicy', 'Always'],
    ['', 'spec.terminationGracePeriodSeconds', 30],
    ['', 'spec.dnsPolicy', 'ClusterFirst'],
    ['', 'spec.schedulerName', 'default-scheduler'],
    ['', 'spec.enableServiceLinks', true],
    ['', 'spec.securityContext', {}],
    ['', 'metadata.namespace', 'default'],
    ['', 'spec.containers[0].terminationMessagePath', '/dev/termination-log'],
    ['', 'spec.containers[0].terminationMessagePolicy', 'File'],
    ['', 'spec.containers[0].imagePullPolicy', 'IfNotPresent'],
    ['    ports: [{containerPort: 80}]\n', 'spec.containers[0].ports[0].protocol', 'TCP'],
  ] as const)('%j → %s = %j', (extra, path, value) => {
    expect(defaulted(podWith(extra), path)).toEqual(value);
  });

  it('keeps explicit values', () => {
    const text = podWith('', '  restartPolicy: Never\n  terminationGracePeriodSeconds: 0\n');
    expect(defaulted(text, 'spec.restartPolicy')).toBe('Never');
    // 0 is a valid grace period (delete immediately): only an absent value is defaulted.
    expect(defaulted(text, 'spec.terminationGracePeriodSeconds')).toBe(0);
  });

  const probe = (body: string) =>
    podWith(`    livenessProbe:\n      exec: {command: [/bin/true]}\n${body}`);
  it.each([
    ['', 'timeoutSeconds', 1],
    ['', 'periodSeconds', 10],
    ['', 'successThreshold', 1],
    ['', 'failureThreshold', 3],
    ['', 'initialDelaySeconds', 0],
    ['      periodSeconds: 0\n', 'periodSeconds', 10],
    ['      timeoutSeconds: 0\n', 'timeoutSeconds', 1],
    ['      failureThreshold: 0\n', 'failureThreshold', 3],
    ['      periodSeconds: 5\n', 'periodSeconds', 5],
    ['      failureThreshold: 1\n', 'failureThreshold', 1],
  ] as const)('probe %j → %s = %d (defaulted only when 0 or absent)', (body, field, value) => {
    expect(defaulted(probe(body), `spec.containers[0].livenessProbe.${field}`)).toBe(value);
  });

  it('httpGet handlers get path / and scheme HTTP', () => {
    const text = podWith(
      '    readinessProbe:\n      httpGet: {port: 80}\n    lifecycle:\n      preStop:\n        httpGet: {port: 80}\n',
    );
    expect(defaulted(text, 'spec.containers[0].readinessProbe.httpGet')).toEqual({
      port: 80,
      path: '/',
      scheme: 'HTTP',
    });
    expect(defaulted(text, 'spec.containers[0].lifecycle.preStop.httpGet.path')).toBe('/');
  });

  it('requests default from limits key by key', () => {
    const text = podWith(
      '    resources:\n      limits: {cpu: 500m, memory: 128Mi}\n      requests: {cpu: 100m}\n',
    );
    expect(defaulted(text, 'spec.containers[0].resources.requests')).toEqual({
      cpu: '100m',
      memory: '128Mi',
    });
    const only = podWith('    resources:\n      limits: {memory: 64Mi}\n');
    expect(defaulted(only, 'spec.containers[0].resources.requests')).toEqual({ memory: '64Mi' });
  });

  it('init containers and sidecars are defaulted too', () => {
    const text = podWith(
      '',
      '  initContainers:\n  - name: side\n    image: envoy\n    restartPolicy: Always\n    startupProbe:\n      tcpSocket: {port: 9901}\n',
    );
    expect(defaulted(text, 'spec.initContainers[0].imagePullPolicy')).toBe('Always');
    expect(defaulted(text, 'spec.initContainers[0].startupProbe.periodSeconds')).toBe(10);
  });

  it('volumes: no source is emptyDir, projected modes 0644, fieldRef apiVersion v1', () => {
    const text = podWith(
      '',
      '  volumes:\n  - name: scratch\n  - name: cfg\n    configMap: {name: c}\n  - name: info\n    downwardAPI:\n      items:\n      - path: labels\n        fieldRef: {fieldPath: metadata.labels}\n',
    );
    const text2 = text
      .replace('kind: Pod', 'kind: Pod')
      .concat('---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    expect(defaulted(text2, 'spec.volumes[0]')).toEqual({ name: 'scratch', emptyDir: {} });
    expect(defaulted(text2, 'spec.volumes[1].configMap.defaultMode')).toBe(420);
    expect(defaulted(text2, 'spec.volumes[2].downwardAPI.items[0].fieldRef.apiVersion')).toBe('v1');
  });

  it('hostNetwork pods get hostPort = containerPort', () => {
    const text = podWith('    ports: [{containerPort: 8080}]\n', '  hostNetwork: true\n');
    expect(defaulted(text, 'spec.containers[0].ports[0].hostPort')).toBe(8080);
  });
});

describe('imagePullPolicy from the image reference (SetDefaults_Container)', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['busybox:1.28', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    ['k8s.gcr.io/liveness', 'Always'],
    [
      'nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
      'IfNotPresent',
    ],
    [
      'nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
      'Always',
    ],
  ] as const)('%s → %s', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});

describe('Service defaulting (SetDefaults_Service)', () => {
  const svc = (ports: string, extra = '') =>
    `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n${extra}  ports:\n${ports}`;
  it.each([
    ['spec.type', 'ClusterIP'],
    ['spec.sessionAffinity', 'None'],
    ['spec.internalTrafficPolicy', 'Cluster'],
    ['spec.ports[0].protocol', 'TCP'],
    ['spec.ports[0].targetPort', 80],
    ['metadata.namespace', 'default'],
  ] as const)('%s = %j', (path, value) => {
    expect(defaulted(svc('  - port: 80\n'), path)).toEqual(value);
  });
  it('keeps a named targetPort', () => {
    expect(defaulted(svc('  - port: 80\n    targetPort: http\n'), 'spec.ports[0].targetPort')).toBe(
      'http',
    );
  });
});

describe('Secret defaulting', () => {
  it('type Opaque; stringData merged into data as base64 and removed', () => {
    const text =
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  user: YWRtaW4=\n  pass: b2xk\nstringData:\n  pass: s3cr3t\n';
    const r = parseScenario(text);
    expect(r.diagnostics).toEqual([]);
    const obj = r.objects[0]?.object as Record<string, unknown>;
    expect(obj.type).toBe('Opaque');
    expect(obj.data).toEqual({ user: 'YWRtaW4=', pass: 'czNjcjN0' });
    expect(obj.stringData).toBeUndefined();
  });
});
