import { describe, expect, it } from 'vitest';
import { createHarness, podOf } from '../testing.ts';

describe('agnhost and etcd', () => {
  it('serve-hostname answers the pod name on 9376 (the Service example targetPort)', () => {
    const h = createHarness(
      podOf(
        {
          containers: [
            {
              name: 'c',
              image: 'registry.k8s.io/e2e-test-images/agnhost:2.39',
              args: ['serve-hostname'],
            },
          ],
        },
        { name: 'hostnames-abc', namespace: 'default' },
      ),
    );
    h.start('c');
    expect(h.sandbox.httpGet({ host: '', port: 9376, path: '/' })).toEqual({
      ok: true,
      status: 200,
      body: 'hostnames-abc',
    });
  });

  it('netexec serves /hostname and exits with the code asked on /exit', () => {
    const h = createHarness(
      podOf(
        {
          containers: [
            {
              name: 'c',
              image: 'registry.k8s.io/e2e-test-images/agnhost:2.39',
              args: ['netexec', '--http-port=8080'],
            },
          ],
        },
        { name: 'ne', namespace: 'default' },
      ),
    );
    const s = h.start('c');
    expect(h.sandbox.httpGet({ host: '', port: 8080, path: '/hostname' })).toMatchObject({
      status: 200,
      body: 'ne',
    });
    h.sandbox.httpGet({ host: '', port: 8080, path: '/exit?code=3' });
    h.scheduler.runUntil(1);
    expect(s.exits).toEqual([{ code: 3, reason: 'Error', t: 0 }]);
  });

  it('grpc-health-checking can be switched to NOT_SERVING', () => {
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'c',
            image: 'registry.k8s.io/e2e-test-images/agnhost:2.39',
            args: ['grpc-health-checking'],
          },
        ],
      }),
    );
    h.start('c');
    expect(h.sandbox.grpcCheck(5000, undefined)).toEqual({ ok: true, status: 'SERVING' });
    h.sandbox.httpGet({ host: '', port: 8080, path: '/make-not-serving' });
    expect(h.sandbox.grpcCheck(5000, undefined)).toEqual({ ok: true, status: 'NOT_SERVING' });
  });

  it('etcd answers gRPC health on its client port and exits 0 on SIGTERM', () => {
    const cmd = [
      '/usr/local/bin/etcd',
      '--data-dir',
      '/var/lib/etcd',
      '--listen-client-urls',
      'http://0.0.0.0:2379',
      '--advertise-client-urls',
      'http://127.0.0.1:2379',
      '--log-level',
      'debug',
    ];
    const h = createHarness(
      podOf({
        containers: [{ name: 'etcd', image: 'registry.k8s.io/etcd:3.5.1-0', command: cmd }],
      }),
    );
    const s = h.start('etcd');
    expect(h.sandbox.grpcCheck(2379, undefined)).toEqual({ ok: true, status: 'SERVING' });
    s.container.signal('SIGTERM');
    h.scheduler.runUntil(1);
    expect(s.exits).toEqual([{ code: 0, reason: 'Completed', t: 0 }]);
  });
});
