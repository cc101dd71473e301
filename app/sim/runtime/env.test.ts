import { describe, expect, it } from 'vitest';
import { buildEnv, expandK8s, resolveArgv } from './env.ts';
import { parseQuantity } from './quantity.ts';
import { podOf } from './testing.ts';
import type { ConfigMap, Container, Secret } from '../../k8s/types.ts';

const vars = new Map([['NAME', 'world']]);
const look = (n: string) => vars.get(n);

describe('$(VAR) expansion (kubelet expansion.Expand)', () => {
  it.each([
    ['hello $(NAME)', 'hello world'],
    ['$$(NAME) stays', '$(NAME) stays'],
    ['$(UNKNOWN) stays', '$(UNKNOWN) stays'],
    ['$(NAME', '$(NAME'],
    ['cost $5 and $$', 'cost $5 and $'],
    ['$(NAME)$(NAME)', 'worldworld'],
  ])('%j → %j', (input, out) => {
    expect(expandK8s(input, look)).toBe(out);
  });

  it('command replaces ENTRYPOINT and drops CMD; args replace CMD', () => {
    const image = { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] };
    expect(resolveArgv({ name: 'c' }, image, vars)).toEqual([
      '/docker-entrypoint.sh',
      'nginx',
      '-g',
      'daemon off;',
    ]);
    expect(resolveArgv({ name: 'c', command: ['sh'] }, image, vars)).toEqual(['sh']);
    expect(resolveArgv({ name: 'c', args: ['echo', '$(NAME)'] }, image, vars)).toEqual([
      '/docker-entrypoint.sh',
      'echo',
      'world',
    ]);
    expect(resolveArgv({ name: 'c', command: ['echo'], args: ['a'] }, image, vars)).toEqual([
      'echo',
      'a',
    ]);
  });
});

describe('container env', () => {
  const pod = podOf(
    { nodeName: 'node-1', containers: [] },
    { name: 'p', namespace: 'ns1', labels: { app: 'web' }, annotations: { a: 'b' } },
  );
  const cm: ConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cfg', namespace: 'ns1' },
    data: { LEVEL: 'debug', MODE: 'x' },
  };
  const secret: Secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 's', namespace: 'ns1' },
    data: { password: 'czNjcjN0' },
  };
  const ctx = {
    pod,
    podIP: '10.244.1.9',
    hostIP: '192.168.0.2',
    nodeName: 'node-1',
    lookup: {
      configMap: (_: string, n: string) => (n === 'cfg' ? cm : undefined),
      secret: (_: string, n: string) => (n === 's' ? secret : undefined),
    },
  };
  const env = (c: Partial<Container>) => buildEnv({ name: 'c', ...c }, ctx);

  it('resolves fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef and envFrom, expanding in order', () => {
    const r = env({
      envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }],
      env: [
        { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
        { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
        {
          name: 'MEM',
          valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } },
        },
        { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'LEVEL' } } },
        { name: 'PW', valueFrom: { secretKeyRef: { name: 's', key: 'password' } } },
        { name: 'GREETING', value: '$(POD) in $(NS) $(LATER)' },
        { name: 'LATER', value: 'x' },
      ],
      resources: { limits: { memory: '64Mi' } },
    });
    expect(r.ok).toBe(true);
    const m = new Map(r.ok ? r.vars : []);
    expect(Object.fromEntries([...m].filter(([k]) => !k.startsWith('KUBERNETES_')))).toEqual({
      CFG_LEVEL: 'debug',
      CFG_MODE: 'x',
      POD: 'p',
      NS: 'ns1',
      IP: '10.244.1.9',
      APP: 'web',
      MEM: '64',
      LEVEL: 'debug',
      PW: 's3cr3t',
      GREETING: 'p in ns1 $(LATER)',
      LATER: 'x',
    });
    expect(m.get('KUBERNETES_SERVICE_HOST')).toBe('10.96.0.1');
  });

  it.each([
    [
      { env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k' } } }] },
      'configmap "nope" not found',
    ],
    [
      { env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }] },
      "couldn't find key k in ConfigMap ns1/cfg",
    ],
    [
      { env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'nope', key: 'k' } } }] },
      'secret "nope" not found',
    ],
    [
      { env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] },
      "couldn't find key k in Secret ns1/s",
    ],
    [{ envFrom: [{ secretRef: { name: 'nope' } }] }, 'secret "nope" not found'],
  ])('missing references fail with the kubelet wording: %#', (c, message) => {
    expect(env(c as Partial<Container>)).toEqual({ ok: false, message });
  });

  it('optional references are skipped', () => {
    expect(
      env({
        env: [
          { name: 'X', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k', optional: true } } },
        ],
      }).ok,
    ).toBe(true);
  });
});

describe('Quantity', () => {
  it.each([
    ['100Mi', 100 * 1024 * 1024],
    ['1Gi', 1024 ** 3],
    ['128M', 128e6],
    ['1G', 1e9],
    ['512Ki', 512 * 1024],
    ['500k', 500_000],
    ['1e3', 1000],
    ['12E6', 12e6],
    ['1048576', 1048576],
    ['500m', 0.5],
    ['0.5', 0.5],
  ])('%s = %d', (q, n) => {
    expect(parseQuantity(q)).toBeCloseTo(n);
  });

  it('rejects garbage', () => {
    expect(parseQuantity('12 apples')).toBeUndefined();
  });
});

describe('service links', () => {
  it('adds the cluster-provided Service variables unless enableServiceLinks is false', () => {
    const base = {
      podIP: '10.0.0.1',
      hostIP: '10.0.0.2',
      nodeName: 'n',
      lookup: { configMap: () => undefined, secret: () => undefined },
      serviceEnv: () => ({ MYSERVICE_SERVICE_HOST: '10.96.0.50' }),
    };
    const on = buildEnv(
      { name: 'c', env: [{ name: 'URL', value: 'http://$(MYSERVICE_SERVICE_HOST)/' }] },
      { ...base, pod: podOf({ containers: [] }) },
    );
    expect(on.ok && new Map(on.vars).get('URL')).toBe('http://10.96.0.50/');
    const off = buildEnv(
      { name: 'c' },
      { ...base, pod: podOf({ containers: [], enableServiceLinks: false }) },
    );
    expect(off.ok && new Map(off.vars).has('MYSERVICE_SERVICE_HOST')).toBe(false);
  });
});
