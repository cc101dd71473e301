import { describe, expect, it } from 'vitest';
import { createHarness, podOf } from './testing.ts';
import type { ExecResult } from './types.ts';

describe('pod network namespace', () => {
  it('a sidecar reaches the app on localhost', () => {
    const h = createHarness(
      podOf({
        containers: [
          { name: 'web', image: 'nginx' },
          {
            name: 'side',
            image: 'busybox',
            command: [
              'sh',
              '-c',
              'sleep 1; wget -qO- localhost:80/index.html | head -4 | tail -1; wget -qO- http://127.0.0.1/nope',
            ],
          },
        ],
      }),
    );
    h.start('web');
    const side = h.start('side');
    h.scheduler.runUntil(2_000);
    expect(side.logs).toEqual([
      '<title>Welcome to nginx!</title>',
      'wget: server returned error: HTTP/1.1 404 Not Found',
    ]);
    expect(side.exits[0]?.code).toBe(1);
  });

  it('two containers binding port 80 clash: nginx retries, then exits 1', () => {
    const h = createHarness(
      podOf({
        containers: [
          { name: 'a', image: 'nginx' },
          { name: 'b', image: 'nginx' },
        ],
      }),
    );
    h.start('a');
    const b = h.start('b');
    h.scheduler.runUntil(5_000);
    expect(
      b.logs.filter(
        (l) => l === 'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)',
      ),
    ).toHaveLength(5);
    expect(b.logs.at(-1)).toBe('nginx: [emerg] still could not bind()');
    expect(b.exits).toEqual([{ code: 1, reason: 'Error', t: 2_000 }]);
  });

  it('remote names go through the cluster network; unknown ones fail like wget/curl/nc do', () => {
    const h = createHarness(podOf({ containers: [{ name: 'c', image: 'nginx:alpine' }] }));
    const s = h.start('c');
    h.network.dns.set('backend', ['10.96.5.5']);
    h.network.http.set('10.96.5.5:8080', () => ({ ok: true, status: 200, body: 'pong' }));
    expect(h.exec(s.container, ['wget', '-qO-', 'http://backend:8080/ping'])).toEqual({
      exitCode: 0,
      output: 'pong',
    });
    expect(h.exec(s.container, ['wget', '-qO-', 'http://nothere/'])).toEqual({
      exitCode: 1,
      output: "wget: bad address 'nothere'\n",
    });
    expect(h.exec(s.container, ['nc', '-z', 'backend', '8080']).exitCode).toBe(0);
    expect(h.exec(s.container, ['nc', '-z', 'backend', '9090']).exitCode).toBe(1);
    const deb = createHarness(podOf({ containers: [{ name: 'c', image: 'nginx' }] }));
    const d = deb.start('c');
    expect(deb.exec(d.container, ['curl', '-sf', 'http://localhost/missing'])).toEqual({
      exitCode: 22,
      output: '',
    });
    expect(deb.exec(d.container, ['curl', '-s', 'http://localhost:81/'])).toEqual({
      exitCode: 7,
      output: '',
    });
    expect(deb.exec(d.container, ['curl', 'http://nothere/']).output).toBe(
      'curl: (6) Could not resolve host: nothere\n',
    );
  });

  it('answers gRPC checks only from gRPC servers', () => {
    const h = createHarness(podOf({ containers: [{ name: 'c', image: 'redis' }] }));
    h.start('c');
    expect(h.sandbox.grpcCheck(6379, undefined)).toMatchObject({ ok: false });
    expect(h.sandbox.grpcCheck(1234, undefined)).toMatchObject({
      ok: false,
      error: expect.stringContaining('connection refused'),
    });
    expect(h.sandbox.httpGet({ host: '', port: 6379, path: '/' })).toEqual({
      ok: false,
      error: 'EOF',
    });
  });
});

describe('kubelet-managed files and volumes', () => {
  it('writes /etc/hosts with the pod line and hostAliases in the kubelet format', () => {
    const h = createHarness(
      podOf(
        {
          hostAliases: [{ ip: '10.1.2.3', hostnames: ['foo.remote', 'bar.remote'] }],
          containers: [{ name: 'c', image: 'busybox', command: ['sleep', '1d'] }],
        },
        { name: 'web-0', namespace: 'default' },
      ),
    );
    const s = h.start('c');
    expect(h.exec(s.container, ['cat', '/etc/hosts']).output).toBe(
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.244.0.5\tweb-0\n\n# Entries added by HostAliases.\n10.1.2.3\tfoo.remote\tbar.remote\n',
    );
    expect(h.exec(s.container, ['hostname']).output).toBe('web-0\n');
    expect(
      h.exec(s.container, ['cat', '/var/run/secrets/kubernetes.io/serviceaccount/namespace'])
        .output,
    ).toBe('default');
    expect(h.exec(s.container, ['cat', '/etc/resolv.conf']).output).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('an emptyDir outlives a container instance; readOnly mounts and subPath work', () => {
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'w',
            image: 'busybox',
            command: ['sh', '-c', 'echo $(date +%s) >> /data/boots; sleep 1d'],
            volumeMounts: [{ name: 'd', mountPath: '/data' }],
          },
          {
            name: 'r',
            image: 'busybox',
            command: ['sleep', '1d'],
            volumeMounts: [
              { name: 'd', mountPath: '/ro', readOnly: true },
              { name: 'd', mountPath: '/sub', subPath: 'nested/dir' },
            ],
          },
        ],
        volumes: [{ name: 'd', emptyDir: {} }],
      }),
    );
    const w1 = h.start('w');
    w1.container.signal('SIGKILL');
    h.scheduler.runUntil(10_000);
    h.start('w');
    const r = h.start('r');
    expect(h.exec(r.container, ['wc', '-l', '/ro/boots']).output).toBe('2 /ro/boots\n');
    expect(h.exec(r.container, ['touch', '/ro/x'])).toEqual({
      exitCode: 1,
      output: 'touch: /ro/x: Read-only file system\n',
    });
    expect(
      h.exec(r.container, ['sh', '-c', 'echo hi > /sub/f && cat /ro/nested/dir/f']).output,
    ).toBe('hi\n');
  });

  it('a configMap volume with items; a missing ConfigMap is a FailedMount', () => {
    const pod = podOf({
      containers: [
        {
          name: 'c',
          image: 'busybox',
          command: ['sleep', '1d'],
          volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }],
        },
      ],
      volumes: [
        { name: 'cfg', configMap: { name: 'app', items: [{ key: 'conf', path: 'sub/app.conf' }] } },
      ],
    });
    const h = createHarness(pod);
    expect(() => h.start('c')).toThrow(
      'CreateContainerConfigError: MountVolume.SetUp failed for volume "cfg" : configmap "app" not found',
    );
    const r = h.sandbox.createContainer(
      pod.spec!.containers[0]!,
      { kind: 'regular', index: 0 },
      { onExit: () => undefined, onLog: () => undefined },
    );
    expect(r).toMatchObject({ ok: false, failedMount: { volume: 'cfg' } });
    h.configMaps.set('app', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app' },
      data: { conf: 'a=1\n', other: 'x' },
    });
    const s = h.start('c');
    expect(h.exec(s.container, ['cat', '/etc/cfg/sub/app.conf']).output).toBe('a=1\n');
    expect(h.exec(s.container, ['ls', '/etc/cfg']).output).toBe('sub\n');
  });

  it('a missing ConfigMap key in env is CreateContainerConfigError', () => {
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'c',
            image: 'busybox',
            env: [
              { name: 'X', valueFrom: { configMapKeyRef: { name: 'special-config', key: 'k' } } },
            ],
          },
        ],
      }),
    );
    expect(() => h.start('c')).toThrow(
      'CreateContainerConfigError: configmap "special-config" not found',
    );
  });

  it('hostPath is shared by pods on the same node', () => {
    const pod = podOf({
      containers: [
        {
          name: 'c',
          image: 'busybox',
          command: ['sleep', '1d'],
          volumeMounts: [{ name: 'h', mountPath: '/host' }],
        },
      ],
      volumes: [{ name: 'h', hostPath: { path: '/var/log/app' } }],
    });
    const h = createHarness(pod);
    const a = h.start('c');
    h.exec(a.container, ['sh', '-c', 'echo from-a > /host/x']);
    const b = h.start('c');
    expect(h.exec(b.container, ['cat', '/host/x']).output).toBe('from-a\n');
  });
});

describe('executables and scripts', () => {
  it('a script needs its exec bit: chmod +x, or a ConfigMap volume defaultMode', () => {
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'c',
            image: 'busybox',
            command: ['sleep', '1d'],
            volumeMounts: [
              { name: 's', mountPath: '/scripts' },
              { name: 'p', mountPath: '/plain' },
            ],
          },
        ],
        volumes: [
          { name: 's', configMap: { name: 'scripts', defaultMode: 0o755 } },
          { name: 'p', configMap: { name: 'scripts' } },
        ],
      }),
    );
    h.configMaps.set('scripts', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'scripts' },
      data: { 'run.sh': '#!/bin/sh\necho ran with $1\n' },
    });
    const s = h.start('c');
    expect(h.exec(s.container, ['/scripts/run.sh', 'x'])).toEqual({
      exitCode: 0,
      output: 'ran with x\n',
    });
    expect(h.exec(s.container, ['sh', '-c', '/plain/run.sh; echo $?']).output).toBe(
      'sh: /plain/run.sh: Permission denied\n126\n',
    );
    expect(h.exec(s.container, ['sh', '/plain/run.sh', 'y']).output).toBe('ran with y\n');
    expect(
      h.exec(s.container, [
        'sh',
        '-c',
        "printf '#!/bin/sh\\necho made\\n' > /tmp/m.sh; chmod +x /tmp/m.sh; /tmp/m.sh",
      ]).output,
    ).toBe('made\n');
  });

  it('a script over 64 KB is refused with a diagnostic', () => {
    const h = createHarness(
      podOf({
        containers: [
          { name: 'c', image: 'busybox', command: ['sh', '-c', 'true;'.repeat(14_000)] },
        ],
      }),
    );
    const s = h.start('c');
    h.scheduler.runUntil(1);
    expect(s.exits[0]?.code).toBe(2);
    expect(h.diagnostics[0]?.message).toContain('Podlab interprets scripts up to 65536 bytes');
  });

  it('diagnostics from an exec probe point at the probe field', () => {
    const h = createHarness(
      podOf({ containers: [{ name: 'c', image: 'busybox', command: ['sleep', '1d'] }] }),
    );
    const s = h.start('c');
    const field = { doc: 0, path: 'spec.containers[0].livenessProbe.exec.command' };
    s.container.exec(['sh', '-c', 'if true; then'], { field }, () => undefined);
    expect(h.diagnostics).toEqual([
      { severity: 'warning', field, message: expect.stringContaining('syntax error') },
    ]);
  });
});

describe('security context and PID namespace', () => {
  it('readOnlyRootFilesystem: the image is read-only, volumes and /etc/hosts are not', () => {
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'c',
            image: 'busybox',
            command: ['sleep', '1d'],
            securityContext: { readOnlyRootFilesystem: true },
            volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
          },
        ],
        volumes: [{ name: 'tmp', emptyDir: {} }],
      }),
    );
    const s = h.start('c');
    expect(h.exec(s.container, ['touch', '/root/x'])).toEqual({
      exitCode: 1,
      output: 'touch: /root/x: Read-only file system\n',
    });
    expect(h.exec(s.container, ['touch', '/tmp/x']).exitCode).toBe(0);
    expect(h.exec(s.container, ['sh', '-c', 'echo 1.2.3.4 x >> /etc/hosts']).exitCode).toBe(0);
  });

  it('shareProcessNamespace: a shell entrypoint is not PID 1, so SIGTERM kills it (143)', () => {
    const h = createHarness(
      podOf({
        shareProcessNamespace: true,
        containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'sleep 600'] }],
      }),
    );
    const s = h.start('c');
    s.container.signal('SIGTERM');
    h.scheduler.runUntil(1);
    expect(s.exits).toEqual([{ code: 143, reason: 'Error', t: 0 }]);
  });

  const shared = () =>
    createHarness(
      podOf({
        shareProcessNamespace: true,
        containers: [
          { name: 'web', image: 'nginx:1.27' },
          { name: 'shell', image: 'busybox:1.36', command: ['sleep', '3600'] },
        ],
      }),
    );

  it('shared: /pause is PID 1 and ps in one container lists every container (cluster.md P6.1, P6.5)', () => {
    const h = shared();
    h.start('web');
    h.scheduler.runUntil(100);
    const sh = h.start('shell');
    expect(h.exec(sh.container, ['ps']).output).toBe(
      [
        'PID   USER     TIME  COMMAND',
        '    1 65535     0:00 /pause',
        '    2 root      0:00 nginx: master process nginx -g daemon off;',
        '    3 root      0:00 sleep 3600',
        '    4 root      0:00 ps',
        '',
      ].join('\n'),
    );
  });

  it('without sharing each container sees only its own processes, its entrypoint as PID 1', () => {
    const h = createHarness(
      podOf({
        containers: [
          { name: 'web', image: 'nginx:1.27' },
          { name: 'shell', image: 'busybox:1.36', command: ['sleep', '3600'] },
        ],
      }),
    );
    h.start('web');
    const sh = h.start('shell');
    expect(h.exec(sh.container, ['ps']).output).toBe(
      'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    7 root      0:00 ps\n',
    );
    expect(h.exec(sh.container, ['kill', '-HUP', '2']).exitCode).toBe(1);
  });

  it('shared: a sidecar signals another container (kill -HUP reloads nginx, P6.2)', () => {
    const h = shared();
    const web = h.start('web');
    h.scheduler.runUntil(100);
    const sh = h.start('shell');
    expect(h.exec(sh.container, ['kill', '-HUP', '2'])).toEqual({ exitCode: 0, output: '' });
    h.scheduler.runUntil(2000);
    expect(web.exits).toEqual([]);
    expect(web.logs.filter((l) => l.includes('SIGHUP'))).toEqual([
      '2026/01/01 00:00:00 [notice] 2#2: signal 1 (SIGHUP) received, reconfiguring',
    ]);
    expect(h.exec(sh.container, ['kill', '-TERM', '2']).exitCode).toBe(0);
    h.scheduler.runUntil(3000);
    expect(web.exits).toEqual([{ code: 0, reason: 'Completed', t: 2000 }]);
    expect(web.logs.at(-1)).toBe(
      '2026/01/01 00:00:02 [notice] 2#2: signal 15 (SIGTERM) received, exiting',
    );
  });

  it('shared: pause ignores SIGKILL from inside; SIGTERM ends it and every container dies (P6.3)', () => {
    const h = shared();
    const web = h.start('web');
    const sh = h.start('shell');
    h.scheduler.runUntil(100);
    expect(h.exec(sh.container, ['kill', '-9', '1']).exitCode).toBe(0);
    h.scheduler.runUntil(200);
    expect(h.pauseExits.count).toBe(0);
    expect(h.exec(sh.container, ['kill', '1']).exitCode).toBe(0);
    h.scheduler.runUntil(300);
    expect(h.pauseExits.count).toBe(1);
    expect(web.exits).toEqual([{ code: 137, reason: 'Error', t: 200 }]);
    expect(sh.exits).toEqual([{ code: 137, reason: 'Error', t: 200 }]);
  });
});

describe('starting and exec', () => {
  it('an entrypoint missing from the image is StartError 128 with containerd wording', () => {
    const h = createHarness(
      podOf({ containers: [{ name: 'c', image: 'busybox', command: ['bash', '-c', 'echo hi'] }] }),
    );
    const s = h.start('c');
    h.scheduler.runUntil(1);
    expect(s.exits).toEqual([
      {
        code: 128,
        reason: 'StartError',
        t: 0,
        message: expect.stringContaining('exec: "bash": executable file not found in $PATH'),
      },
    ]);
  });

  it('postgres without POSTGRES_PASSWORD exits 1 with its message; with it, listens after init', () => {
    const h = createHarness(podOf({ containers: [{ name: 'db', image: 'postgres:16' }] }));
    const s = h.start('db');
    h.scheduler.runUntil(1);
    expect(s.exits[0]?.code).toBe(1);
    expect(s.logs[0]).toBe(
      'Error: Database is uninitialized and superuser password is not specified.',
    );
    const ok = createHarness(
      podOf({
        containers: [
          { name: 'db', image: 'postgres:16', env: [{ name: 'POSTGRES_PASSWORD', value: 'pw' }] },
        ],
      }),
    );
    const db = ok.start('db');
    ok.scheduler.runUntil(1_999);
    expect(ok.exec(db.container, ['pg_isready']).exitCode).toBe(2);
    ok.scheduler.runUntil(2_000);
    expect(ok.exec(db.container, ['pg_isready'])).toEqual({
      exitCode: 0,
      output: '/var/run/postgresql:5432 - accepting connections\n',
    });
    expect(db.container.stopSignal).toBe('SIGINT');
  });

  it('an exec past its timeout is reported as timedOut', () => {
    const h = createHarness(
      podOf({ containers: [{ name: 'c', image: 'busybox', command: ['sleep', '1d'] }] }),
    );
    const s = h.start('c');
    let r: ExecResult | undefined;
    s.container.exec(['sleep', '5'], { timeoutMs: 1_000 }, (x) => (r = x));
    h.scheduler.runUntil(999);
    expect(r).toBeUndefined();
    h.scheduler.runUntil(1_000);
    expect(r).toEqual({ exitCode: 1, output: '', timedOut: true });
  });

  it('a cancelled exec never calls back; exec in a stopped container is a start error', () => {
    const h = createHarness(
      podOf({ containers: [{ name: 'c', image: 'busybox', command: ['sleep', '1'] }] }),
    );
    const s = h.start('c');
    let called = false;
    s.container.exec(['sleep', '0.5'], {}, () => (called = true)).cancel();
    h.scheduler.runUntil(2_000);
    expect(called).toBe(false);
    expect(s.exits).toEqual([{ code: 0, reason: 'Completed', t: 1_000 }]);
    expect(h.exec(s.container, ['true'])).toMatchObject({ startError: true });
  });

  it('interpreter limits surface as diagnostics at the exec field', () => {
    const h = createHarness(
      podOf({ containers: [{ name: 'c', image: 'busybox', command: ['sleep', '1d'] }] }),
    );
    const s = h.start('c');
    const r = h.exec(s.container, ['sed', '-n', '/x/p', '/etc/hosts']);
    expect(r.exitCode).toBe(0);
    expect(h.diagnostics[0]?.message).toContain('Podlab models only s/re/replacement/flags');
  });
});

describe('schemes and service links', () => {
  it('an HTTPS request to a plain-HTTP server fails at the transport', () => {
    const h = createHarness(podOf({ containers: [{ name: 'web', image: 'nginx' }] }));
    h.start('web');
    expect(h.sandbox.httpGet({ host: '', port: 80, path: '/', scheme: 'HTTPS' })).toEqual({
      ok: false,
      error: 'http: server gave HTTP response to HTTPS client',
    });
  });
});

describe('downward API files', () => {
  it('writes names, limits (with divisor) and label maps', () => {
    const h = createHarness(
      podOf(
        {
          containers: [
            {
              name: 'c',
              image: 'busybox',
              command: ['sleep', '1d'],
              resources: { limits: { memory: '64Mi', cpu: '500m' } },
              volumeMounts: [{ name: 'info', mountPath: '/info' }],
            },
          ],
          volumes: [
            {
              name: 'info',
              downwardAPI: {
                items: [
                  { path: 'name', fieldRef: { fieldPath: 'metadata.name' } },
                  {
                    path: 'mem',
                    resourceFieldRef: {
                      containerName: 'c',
                      resource: 'limits.memory',
                      divisor: '1Mi',
                    },
                  },
                  {
                    path: 'cpu',
                    resourceFieldRef: { containerName: 'c', resource: 'limits.cpu', divisor: '1m' },
                  },
                  { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
                ],
              },
            },
          ],
        },
        { name: 'dapi', namespace: 'default', labels: { b: '2', a: 'x"y' } },
      ),
    );
    const s = h.start('c');
    expect(
      h.exec(s.container, [
        'sh',
        '-c',
        'cat /info/name; echo; cat /info/mem; echo; cat /info/cpu; echo; cat /info/labels',
      ]).output,
    ).toBe('dapi\n64\n500\na="x\\"y"\nb="2"');
    expect(s.container.memoryBytes()).toBe(512 * 1024);
  });

  it('exit(code) ends the main process as if the app called exit(code)', () => {
    const h = createHarness(
      podOf({
        containers: [
          { name: 'c', image: 'nginx:1.27' },
          { name: 's', image: 'busybox', command: ['sh', '-c', 'echo -n partial; sleep 600'] },
        ],
      }),
    );
    const c = h.start('c');
    const s = h.start('s');
    h.scheduler.advance(1_000);
    expect(h.sandbox.tcpConnect(80).ok).toBe(true);
    c.container.exit?.(3);
    // Reported on the next 0 ms timer, never from inside the call; ports close at once.
    expect(c.exits).toEqual([]);
    expect(c.container.running).toBe(false);
    expect(h.sandbox.tcpConnect(80).ok).toBe(false);
    h.scheduler.advance(0);
    expect(c.exits).toEqual([{ code: 3, reason: 'Error', t: 1_000 }]);
    s.container.exit?.(0);
    h.scheduler.advance(0);
    expect(s.exits).toEqual([{ code: 0, reason: 'Completed', t: 1_000 }]);
    expect(s.logs).toEqual(['partial']);
    // Once ended, nothing more: no second report, and codes wrap like exit(2).
    s.container.exit?.(1);
    h.scheduler.advance(10);
    expect(s.exits).toHaveLength(1);
    const again = h.start('s');
    again.container.exit?.(257);
    h.scheduler.advance(0);
    expect(again.exits).toEqual([{ code: 1, reason: 'Error', t: 1_010 }]);
  });
});
