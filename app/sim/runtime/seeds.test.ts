/** The seed notes' examples, at the runtime level (no kubelet): what each container does over time. */
import { describe, expect, it } from 'vitest';
import { createHarness, podOf } from './testing.ts';
import type { ExecResult } from './types.ts';

describe('seed: liveness exec (k8s.gcr.io/busybox)', () => {
  const pod = podOf({
    containers: [
      {
        name: 'liveness',
        image: 'k8s.gcr.io/busybox',
        args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600'],
      },
    ],
  });

  it('cat /tmp/healthy succeeds at 29 s and fails at 31 s after start', () => {
    const h = createHarness(pod);
    h.scheduler.runUntil(1_000);
    const s = h.start('liveness');
    h.scheduler.runUntil(30_000);
    expect(h.exec(s.container, ['cat', '/tmp/healthy'], 1_000).exitCode).toBe(0);
    h.scheduler.runUntil(32_000);
    expect(h.exec(s.container, ['cat', '/tmp/healthy'], 1_000)).toEqual({
      exitCode: 1,
      output: "cat: can't open '/tmp/healthy': No such file or directory\n",
    });
  });

  it('ignores SIGTERM as PID 1 and dies with 137 on SIGKILL', () => {
    const h = createHarness(pod);
    const s = h.start('liveness');
    h.scheduler.runUntil(45_000);
    s.container.signal('SIGTERM');
    h.scheduler.runUntil(75_000);
    expect(s.container.running).toBe(true);
    s.container.signal('SIGKILL');
    h.scheduler.runUntil(75_000);
    expect(s.exits).toEqual([{ code: 137, reason: 'Error', t: 75_000 }]);
    expect(s.container.running).toBe(false);
  });

  it('the seed variant test -e /tmp/live runs as argv without a shell', () => {
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'c',
            image: 'busybox',
            command: ['/bin/sh', '-c', 'touch /tmp/live ; sleep 60; rm -rf /tmp/live; sleep 3600'],
          },
        ],
      }),
    );
    const s = h.start('c');
    h.scheduler.runUntil(59_999);
    expect(h.exec(s.container, ['test', '-e', '/tmp/live']).exitCode).toBe(0);
    h.scheduler.runUntil(60_000);
    expect(h.exec(s.container, ['test', '-e', '/tmp/live'])).toEqual({ exitCode: 1, output: '' });
  });
});

describe('seed: init containers waiting for Services', () => {
  it('until nslookup myservice exits 0 within 2 s of the name resolving', () => {
    const h = createHarness(
      podOf({
        initContainers: [
          {
            name: 'init-myservice',
            image: 'busybox',
            command: [
              'sh',
              '-c',
              'until nslookup myservice; do echo waiting for myservice; sleep 2; done;',
            ],
          },
        ],
        containers: [],
      }),
    );
    const s = h.start('init-myservice');
    h.scheduler.runUntil(20_500);
    expect(s.exits).toEqual([]);
    expect(s.logs.filter((l) => l === 'waiting for myservice')).toHaveLength(11);
    expect(s.logs).toContain("** server can't find myservice: NXDOMAIN");
    h.network.dns.set('myservice', ['10.96.120.7']);
    h.scheduler.runUntil(23_000);
    expect(s.exits).toEqual([{ code: 0, reason: 'Completed', t: 22_000 }]);
    expect(s.logs.slice(-3)).toEqual([
      'Name:\tmyservice.default.svc.cluster.local',
      'Address: 10.96.120.7',
      '',
    ]);
  });

  it('the busybox:1.28 form with $(cat …/namespace) prints the old nslookup output', () => {
    const cmd =
      'until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done';
    const h = createHarness(
      podOf(
        {
          initContainers: [{ name: 'init', image: 'busybox:1.28', command: ['sh', '-c', cmd] }],
          containers: [],
        },
        { name: 'myapp-pod', namespace: 'default' },
      ),
    );
    const s = h.start('init');
    h.scheduler.runUntil(3_000);
    expect(s.logs).toContain("nslookup: can't resolve 'myservice.default.svc.cluster.local'");
    h.network.dns.set('myservice', ['10.96.0.42']);
    h.scheduler.runUntil(10_000);
    expect(s.exits[0]).toEqual({ code: 0, reason: 'Completed', t: 4_000 });
    expect(h.network.resolved).toContain('myservice.default.svc.cluster.local');
    expect(s.logs.slice(-2)).toEqual([
      'Name:      myservice.default.svc.cluster.local',
      'Address 1: 10.96.0.42 myservice.default.svc.cluster.local',
    ]);
  });
});

describe('seed: readiness httpGet on myapp / nginx', () => {
  it.each(['myapp:v1', 'ikubernetes/myapp:v1', 'nginx'])(
    '%s: /index1.html is 404 until the file is written by an exec, then 200',
    (image) => {
      const h = createHarness(podOf({ containers: [{ name: 'web', image }] }));
      const s = h.start('web');
      const get = (path: string) => h.sandbox.httpGet({ host: '', port: 80, path });
      expect(get('/index.html')).toMatchObject({ ok: true, status: 200 });
      expect(get('/index1.html')).toMatchObject({ ok: true, status: 404 });
      const r = h.exec(s.container, ['sh', '-c', 'echo ok > /usr/share/nginx/html/index1.html']);
      expect(r).toEqual({ exitCode: 0, output: '' });
      expect(get('/index1.html')).toMatchObject({ ok: true, status: 200, body: 'ok\n' });
      expect(h.sandbox.tcpConnect(80)).toEqual({ ok: true });
      expect(h.sandbox.tcpConnect(81)).toMatchObject({ ok: false });
    },
  );

  it('myapp serves its version page and hostname.html', () => {
    const h = createHarness(
      podOf(
        { containers: [{ name: 'web', image: 'myapp:v1' }] },
        { name: 'readiness-httpget-pod', namespace: 'default' },
      ),
    );
    h.start('web');
    expect(h.sandbox.httpGet({ host: '', port: 80, path: '/' })).toMatchObject({
      status: 200,
      body: 'Hello MyApp | Version: v1 | <a href="hostname.html">Pod Name</a>\n',
    });
    expect(h.sandbox.httpGet({ host: '', port: 80, path: '/hostname.html' })).toMatchObject({
      status: 200,
      body: 'readiness-httpget-pod\n',
    });
  });

  it('nginx answers connection refused once stopped, and logs probe requests', () => {
    const h = createHarness(podOf({ containers: [{ name: 'web', image: 'nginx:1.25' }] }));
    const s = h.start('web');
    h.sandbox.httpGet({
      host: '',
      port: 80,
      path: '/',
      headers: { 'User-Agent': 'kube-probe/1.33' },
    });
    expect(s.logs.at(-1)).toMatch(/"GET \/ HTTP\/1.1" 200 615 "-" "kube-probe\/1.33" "-"$/);
    expect(s.container.stopSignal).toBe('SIGQUIT');
    s.container.signal('SIGQUIT');
    h.scheduler.runUntil(1);
    expect(s.exits).toEqual([{ code: 0, reason: 'Completed', t: 0 }]);
    expect(h.sandbox.httpGet({ host: '', port: 80, path: '/' })).toEqual({
      ok: false,
      error: 'dial tcp 10.244.0.5:80: connect: connection refused',
    });
  });
});

describe('seed: lifecycle hooks on nginx', () => {
  it('postStart exec writes /usr/share/message', () => {
    const h = createHarness(
      podOf({ containers: [{ name: 'lifecycle-demo-container', image: 'nginx' }] }),
    );
    const s = h.start('lifecycle-demo-container');
    expect(
      h.exec(s.container, [
        '/bin/sh',
        '-c',
        'echo Hello from the postStart handler > /usr/share/message',
      ]),
    ).toEqual({ exitCode: 0, output: '' });
    expect(h.exec(s.container, ['cat', '/usr/share/message']).output).toBe(
      'Hello from the postStart handler\n',
    );
  });

  it('preStop `nginx -s quit; while killall -0 nginx; …` quits nginx (exit 0); Debian nginx has no killall', () => {
    const h = createHarness(podOf({ containers: [{ name: 'web', image: 'nginx' }] }));
    const s = h.start('web');
    const r = h.exec(s.container, [
      '/bin/sh',
      '-c',
      'nginx -s quit; while killall -0 nginx; do sleep 1; done',
    ]);
    expect(r.exitCode).toBe(0);
    expect(r.output).toContain('sh: 1: killall: not found');
    h.scheduler.runUntil(1);
    expect(s.exits).toEqual([{ code: 0, reason: 'Completed', t: 0 }]);
  });

  it('on alpine nginx, killall -0 nginx loops until the master is gone', () => {
    const h = createHarness(podOf({ containers: [{ name: 'web', image: 'nginx:alpine' }] }));
    const s = h.start('web');
    let res: ExecResult | undefined;
    s.container.exec(
      ['/bin/sh', '-c', 'nginx -s quit; while killall -0 nginx; do sleep 1; done; echo gone'],
      {},
      (r) => (res = r),
    );
    h.scheduler.runUntil(5_000);
    expect(s.exits[0]?.code).toBe(0);
    // The container (and the hook with it) is gone as soon as PID 1 exits.
    expect(res?.exitCode).toBe(137);
  });
});

describe('seed: war init container and tomcat', () => {
  const pod = podOf({
    initContainers: [
      {
        name: 'war',
        image: 'sample:v2',
        command: ['cp', '/sample.war', '/app'],
        volumeMounts: [{ mountPath: '/app', name: 'app-volume' }],
      },
    ],
    containers: [
      {
        name: 'tomcat',
        image: 'tomcat:7.0',
        command: ['sh', '-c', '/root/apache-tomcat-7.0.42-v2/bin/start.sh'],
        volumeMounts: [{ mountPath: '/root/apache-tomcat-7.0.42/webapps', name: 'app-volume' }],
        ports: [{ containerPort: 8080 }],
      },
    ],
    volumes: [{ name: 'app-volume', emptyDir: {} }],
  });

  it('copies the war into the emptyDir; tomcat serves /sample/ once started (~4 s)', () => {
    const h = createHarness(pod);
    const war = h.start('war');
    h.scheduler.runUntil(1_000);
    expect(war.exits).toEqual([{ code: 0, reason: 'Completed', t: 0 }]);
    const t = h.start('tomcat');
    const get = () => h.sandbox.httpGet({ host: '', port: 8080, path: '/sample/' });
    h.scheduler.runUntil(4_999);
    expect(get()).toMatchObject({ ok: false });
    expect(h.sandbox.tcpConnect(8080)).toMatchObject({ ok: false });
    h.scheduler.runUntil(5_000);
    expect(get()).toMatchObject({ ok: true, status: 200 });
    expect(h.sandbox.httpGet({ host: '', port: 8080, path: '/other/' })).toMatchObject({
      ok: true,
      status: 404,
    });
    expect(
      t.logs.some((l) =>
        l.includes(
          'deployWAR Deploying web application archive [/root/apache-tomcat-7.0.42/webapps/sample.war]',
        ),
      ),
    ).toBe(true);
    t.container.signal('SIGTERM');
    h.scheduler.runUntil(6_000);
    expect(t.exits).toEqual([{ code: 143, reason: 'Error', t: 5_000 }]);
  });
});

describe('seed: downward API volume', () => {
  it('prints the labels and annotations files every 5 s in the kubelet format', () => {
    const args = [
      "while true; do if [[ -e /etc/podinfo/labels ]]; then echo -en '\\n\\n'; cat /etc/podinfo/labels; fi; if [[ -e /etc/podinfo/annotations ]]; then echo -en '\\n\\n'; cat /etc/podinfo/annotations; fi; sleep 5; done;",
    ];
    const h = createHarness(
      podOf(
        {
          containers: [
            {
              name: 'client-container',
              image: 'k8s.gcr.io/busybox',
              command: ['sh', '-c'],
              args,
              volumeMounts: [{ name: 'podinfo', mountPath: '/etc/podinfo', readOnly: false }],
            },
          ],
          volumes: [
            {
              name: 'podinfo',
              downwardAPI: {
                items: [
                  { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
                  { path: 'annotations', fieldRef: { fieldPath: 'metadata.annotations' } },
                ],
              },
            },
          ],
        },
        {
          name: 'kubernetes-downwardapi-volume-example',
          namespace: 'default',
          labels: { zone: 'us-est-coast', cluster: 'test-cluster1', rack: 'rack-22' },
          annotations: { build: 'two', builder: 'john-doe' },
        },
      ),
    );
    const s = h.start('client-container');
    h.scheduler.runUntil(10_000);
    const cycle = [
      '',
      '',
      'cluster="test-cluster1"',
      'rack="rack-22"',
      'zone="us-est-coast"',
      '',
      'build="two"',
    ];
    expect(s.logs).toEqual([
      ...cycle,
      'builder="john-doe"',
      ...cycle.slice(1),
      'builder="john-doe"',
      ...cycle.slice(1),
    ]);
    expect(h.exec(s.container, ['sh', '-c', 'echo x > /etc/podinfo/new'])).toEqual({
      exitCode: 1,
      output: "sh: can't create /etc/podinfo/new: Read-only file system\n",
    });
  });
});

describe('seed: memory limit', () => {
  it('stress --vm 1 --vm-bytes 250M with a 100Mi limit is OOMKilled (137)', () => {
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'memory-demo-2-ctr',
            image: 'polinux/stress',
            command: ['stress'],
            args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'],
            resources: { limits: { memory: '100Mi' }, requests: { memory: '50Mi' } },
          },
        ],
      }),
    );
    const s = h.start('memory-demo-2-ctr');
    h.scheduler.runUntil(5_000);
    // (100Mi − 1Mi base) at 1 GiB/s of allocation: the limit is crossed at 97 ms.
    expect(s.exits).toEqual([{ code: 137, reason: 'OOMKilled', t: 97 }]);
    expect(s.logs).toEqual(['stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd']);
  });

  it('a shell running stress is OOMKilled as a whole and prints nothing after', () => {
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'c',
            image: 'polinux/stress',
            command: ['sh', '-c', 'echo start; stress --vm 1 --vm-bytes 64M; echo after'],
            resources: { limits: { memory: '32Mi' } },
          },
        ],
      }),
    );
    const s = h.start('c');
    h.scheduler.runUntil(1_000);
    expect(s.exits.map((e) => [e.code, e.reason])).toEqual([[137, 'OOMKilled']]);
    expect(s.logs).toEqual([
      'start',
      'stress: info: [7] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd',
    ]);
  });

  it('stays up under the limit and reports its memory', () => {
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'c',
            image: 'polinux/stress',
            command: ['stress'],
            args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'],
            resources: { limits: { memory: '200Mi' } },
          },
        ],
      }),
    );
    const s = h.start('c');
    h.scheduler.runUntil(5_000);
    expect(s.exits).toEqual([]);
    expect(s.container.memoryBytes()).toBe(151 * 1024 * 1024);
  });
});

describe('seed: liveness HTTP (/server) and goproxy TCP', () => {
  it('/healthz is 200 for the first 10 s after start, then 500', () => {
    const h = createHarness(
      podOf({
        containers: [{ name: 'liveness', image: 'k8s.gcr.io/liveness', args: ['/server'] }],
      }),
    );
    h.scheduler.runUntil(1_000);
    const s = h.start('liveness');
    const get = () =>
      h.sandbox.httpGet({
        host: '',
        port: 8080,
        path: '/healthz',
        headers: { 'Custom-Header': 'Awesome' },
      });
    h.scheduler.runUntil(11_000);
    expect(get()).toEqual({ ok: true, status: 200, body: 'ok' });
    h.scheduler.runUntil(11_001);
    expect(get()).toMatchObject({ ok: true, status: 500, body: 'error: 10.001' });
    // A Go PID 1 without signal handling exits 2 on SIGTERM.
    s.container.signal('SIGTERM');
    h.scheduler.runUntil(12_000);
    expect(s.exits).toEqual([{ code: 2, reason: 'Error', t: 11_001 }]);
  });

  it('registry.k8s.io/liveness has no shell: exec cat cannot start', () => {
    const h = createHarness(
      podOf({ containers: [{ name: 'l', image: 'registry.k8s.io/liveness', args: ['/server'] }] }),
    );
    const s = h.start('l');
    expect(h.exec(s.container, ['cat', '/tmp/healthy'])).toMatchObject({
      startError: true,
      output: expect.stringContaining('exec: "cat": executable file not found in $PATH'),
    });
  });

  it('goproxy accepts TCP on 8080', () => {
    const h = createHarness(
      podOf({
        containers: [
          { name: 'goproxy', image: 'k8s.gcr.io/goproxy:0.1', ports: [{ containerPort: 8080 }] },
        ],
      }),
    );
    h.start('goproxy');
    expect(h.sandbox.tcpConnect(8080)).toEqual({ ok: true });
  });
});

describe('seed: projected volume from Secrets, argv without a shell', () => {
  it('mounts user and pass secrets read-only; sleep 86400 runs as PID 1', () => {
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'test-secret-volume',
            image: 'busybox',
            args: ['sleep', '86400'],
            volumeMounts: [{ name: 'mysql-cred', mountPath: '/projected-volume', readOnly: true }],
          },
        ],
        volumes: [
          {
            name: 'mysql-cred',
            projected: { sources: [{ secret: { name: 'user' } }, { secret: { name: 'pass' } }] },
          },
        ],
      }),
    );
    h.secrets.set('user', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'user' },
      data: { 'username.txt': 'YWRtaW4=' },
    });
    h.secrets.set('pass', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'pass' },
      data: { 'password.txt': 'MWYyZDFlMmU2N2Rm' },
    });
    const s = h.start('test-secret-volume');
    expect(h.exec(s.container, ['ls', '/projected-volume']).output).toBe(
      'password.txt\nusername.txt\n',
    );
    expect(h.exec(s.container, ['cat', '/projected-volume/username.txt']).output).toBe('admin');
    expect(h.exec(s.container, ['cat', '/projected-volume/password.txt']).output).toBe(
      '1f2d1e2e67df',
    );
    s.container.signal('SIGTERM');
    h.scheduler.runUntil(86_399_000);
    expect(s.exits).toEqual([]);
    h.scheduler.runUntil(86_400_000);
    expect(s.exits).toEqual([{ code: 0, reason: 'Completed', t: 86_400_000 }]);
  });
});

describe('nginx configured by a ConfigMap', () => {
  it('listens on the port and serves the root its default.conf names', () => {
    const h = createHarness(
      podOf({
        containers: [
          {
            name: 'web',
            image: 'nginx:1.27',
            volumeMounts: [
              { name: 'conf', mountPath: '/etc/nginx/conf.d' },
              { name: 'site', mountPath: '/srv/site' },
            ],
          },
        ],
        volumes: [
          { name: 'conf', configMap: { name: 'nginx-conf' } },
          { name: 'site', configMap: { name: 'site' } },
        ],
      }),
    );
    h.configMaps.set('nginx-conf', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'nginx-conf' },
      data: { 'default.conf': 'server {\n  listen 8080;\n  location / { root /srv/site; }\n}\n' },
    });
    h.configMaps.set('site', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'site' },
      data: { 'index.html': 'custom\n' },
    });
    h.start('web');
    expect(h.sandbox.tcpConnect(80)).toMatchObject({ ok: false });
    expect(h.sandbox.httpGet({ host: '', port: 8080, path: '/' })).toMatchObject({
      ok: true,
      status: 200,
      body: 'custom\n',
    });
  });
});
