import { describe, expect, it } from 'vitest';
import { defaultedService } from '../../k8s/index.ts';
import type { Service } from '../../k8s/types.ts';
import type { PodSandbox } from '../runtime/types.ts';
import type { EndpointRecord } from '../trace/types.ts';
import { Network, type ServiceEntry } from './network.ts';

const sandbox = (ip: string, log: string[]): PodSandbox => ({
  podIP: ip,
  createContainer: () => ({ ok: false, reason: 'x', message: 'x' }),
  httpGet: (r) => {
    log.push(`${r.host}:${r.port}${r.path}`);
    return { ok: true, status: 200, body: ip };
  },
  tcpConnect: () => ({ ok: true }),
  grpcCheck: () => ({ ok: false, error: 'x' }),
  destroy: () => {},
});

const ep = (
  pod: string,
  ip: string,
  ready: boolean,
  serving = ready,
  terminating = false,
): EndpointRecord => ({
  pod,
  ip,
  ready,
  serving,
  terminating,
});

function net(endpoints: EndpointRecord[], svc: Partial<NonNullable<Service['spec']>> = {}) {
  const log: string[] = [];
  const entry: ServiceEntry = {
    service: defaultedService({
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }], ...svc },
    }),
    name: 'web',
    namespace: 'default',
    clusterIP: svc.clusterIP === 'None' ? 'None' : '10.96.0.10',
    endpoints,
    requests: 0,
  };
  const pods = new Map(['10.244.1.2', '10.244.1.3'].map((ip) => [ip, sandbox(ip, log)]));
  const n = new Network({
    clusterDomain: 'cluster.local',
    defaultNamespace: 'default',
    services: () => [entry],
    podRecords: () => [
      { namespace: 'default', ip: '10.244.1.2', hostname: 'db-0', subdomain: 'web' },
    ],
    podByIP: (ip) => {
      const s = pods.get(ip);
      return s ? { sandbox: s, ports: new Map([['http', 8080]]) } : undefined;
    },
  });
  return { n, log };
}

describe('cluster DNS (R9.8)', () => {
  it('resolves a Service by every name form while it exists', () => {
    const { n } = net([]);
    for (const name of [
      'web',
      'web.default',
      'web.default.svc',
      'web.default.svc.cluster.local',
      'web.default.svc.cluster.local.',
    ])
      expect(n.resolve(name, 'default')).toEqual(['10.96.0.10']);
    expect(n.resolve('web', 'other')).toBeUndefined();
    expect(n.resolve('db', 'default')).toBeUndefined();
    expect(n.resolve('kubernetes.default.svc.cluster.local', 'x')).toEqual(['10.96.0.1']);
  });

  it('a headless Service resolves only to ready endpoints', () => {
    expect(
      net([ep('a', '10.244.1.2', false)], { clusterIP: 'None' }).n.resolve('web', 'default'),
    ).toBeUndefined();
    expect(
      net([ep('a', '10.244.1.2', true), ep('b', '10.244.1.3', false)], {
        clusterIP: 'None',
      }).n.resolve('web', 'default'),
    ).toEqual(['10.244.1.2']);
  });
});

describe('pod DNS records', () => {
  it('answers a-b-c-d.ns.pod and hostname.subdomain for a headless Service', () => {
    const { n } = net([], { clusterIP: 'None' });
    expect(n.resolve('10-244-1-2.default.pod.cluster.local', 'x')).toEqual(['10.244.1.2']);
    expect(n.resolve('10-244-1-9.default.pod', 'x')).toBeUndefined();
    expect(n.resolve('db-0.web', 'default')).toEqual(['10.244.1.2']);
    expect(n.resolve('db-0.web.default.svc.cluster.local', 'x')).toEqual(['10.244.1.2']);
    expect(net([]).n.resolve('db-0.web', 'default')).toBeUndefined(); // not headless
  });
});

describe('Service traffic (R9.5)', () => {
  it('round-robins over ready endpoints and resolves a named targetPort', () => {
    const { n, log } = net([ep('a', '10.244.1.2', true), ep('b', '10.244.1.3', true)]);
    for (let i = 0; i < 3; i++)
      expect(n.httpGet({ host: 'web', port: 80, path: '/' }).ok).toBe(true);
    expect(log).toEqual(['10.244.1.2:8080/', '10.244.1.3:8080/', '10.244.1.2:8080/']);
  });

  it('falls back to serving+terminating endpoints, else refuses', () => {
    const t = net([ep('a', '10.244.1.2', false, true, true)]);
    expect(t.n.httpGet({ host: '10.96.0.10', port: 80, path: '/' }).ok).toBe(true);
    const none = net([ep('a', '10.244.1.2', false)]);
    expect(none.n.httpGet({ host: 'web', port: 80, path: '/' })).toEqual({
      ok: false,
      error: 'dial tcp 10.96.0.10:80: connect: connection refused',
    });
    expect(none.n.tcpConnect('nope', 80)).toEqual({
      ok: false,
      error: 'dial tcp: lookup nope: no such host',
    });
  });
});
