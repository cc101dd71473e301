import { describe, expect, it } from 'vitest';
import { defaultedPod } from '../../../k8s/index.ts';
import type { DefaultedProbe, Probe } from '../../../k8s/types.ts';
import { SimClock } from '../../clock/simClock.ts';
import type { ContainerProcess, ExecResult, HttpResult, PodSandbox } from '../../runtime/types.ts';
import { ProbeRunner, resolveProbePort, type ProbeOutcome } from './prober.ts';

/** The container and its probe as parseScenario would hand them to the engine (defaulted). */
function defaulted(probe: Probe = {}) {
  const pod = defaultedPod({
    metadata: { name: 'p' },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'busybox',
          ports: [{ name: 'http', containerPort: 8080 }],
          livenessProbe: probe,
        },
      ],
    },
  });
  const container = pod.spec.containers[0]!;
  return { container, probe: container.livenessProbe as DefaultedProbe };
}
const c = defaulted().container;
const sandbox = (http: HttpResult): PodSandbox => ({
  podIP: '10.244.1.5',
  createContainer: () => ({ ok: false, reason: 'x', message: 'x' }),
  httpGet: () => http,
  tcpConnect: () => ({ ok: false, error: 'dial tcp 10.244.1.5:8080: connect: connection refused' }),
  grpcCheck: () => ({ ok: true, status: 'NOT_SERVING' }),
  destroy: () => {},
});

function attempt(probe: Probe, sb: PodSandbox) {
  const clock = new SimClock();
  const out: ProbeOutcome[] = [];
  new ProbeRunner(defaulted(probe).probe, c, { doc: 0, path: 'p' }).run(
    {
      container: c,
      process: undefined,
      sandbox: sb,
      podIP: '10.244.1.5',
      scheduler: clock,
      field: { doc: 0, path: 'p' },
    },
    (o) => out.push({ ...o, output: `${o.output}@${clock.now()}` }),
  );
  clock.runUntil(10_000);
  return out[0];
}

describe('probe handlers (pod-level R3.5, kubelet-container §7.4)', () => {
  // pkg/probe/util.go ResolveContainerPort (1.29–1.36: an unknown name falls through to strconv.Atoi).
  it.each([
    ['http', { port: 8080 }],
    [9090, { port: 9090 }],
    ['9091', { port: 9091 }],
    ['nope', { error: 'strconv.Atoi: parsing "nope": invalid syntax' }],
    [0, { error: 'invalid port number: 0' }],
    [70000, { error: 'invalid port number: 70000' }],
  ] as const)('resolves probe port %s', (port, want) => {
    expect(resolveProbePort(port, c)).toEqual(want);
  });

  it('HTTP: 2xx success, 3xx warning, ≥400 failure with the status code, refused with the Go error text', () => {
    const ok = { httpGet: { path: '/healthz', port: 'http' } };
    expect(attempt(ok, sandbox({ ok: true, status: 204, body: '' }))?.result).toBe('success');
    expect(attempt(ok, sandbox({ ok: true, status: 302, body: '' }))?.result).toBe('warning');
    expect(attempt(ok, sandbox({ ok: true, status: 404, body: '' }))).toEqual({
      result: 'failure',
      output: 'HTTP probe failed with statuscode: 404@0',
    });
    expect(
      attempt(
        ok,
        sandbox({ ok: false, error: 'dial tcp 10.244.1.5:8080: connect: connection refused' }),
      )?.output,
    ).toBe(
      'Get "http://10.244.1.5:8080/healthz": dial tcp 10.244.1.5:8080: connect: connection refused@0',
    );
  });

  it('a hanging endpoint fails at tick + timeoutSeconds', () => {
    const o = attempt(
      { httpGet: { path: '/', port: 8080 }, timeoutSeconds: 3 },
      sandbox({ ok: false, error: 'context deadline exceeded', timeout: true }),
    );
    expect(o?.result).toBe('failure');
    expect(o?.output.endsWith('@3000')).toBe(true);
  });

  it('TCP refused and gRPC NOT_SERVING are failures', () => {
    expect(
      attempt({ tcpSocket: { port: 8080 } }, sandbox({ ok: true, status: 200, body: '' }))?.output,
    ).toBe('dial tcp 10.244.1.5:8080: connect: connection refused@0');
    expect(attempt({ grpc: { port: 9000 } }, sandbox({ ok: true, status: 200, body: '' }))).toEqual(
      {
        result: 'failure',
        output: 'service unhealthy (responded with "NOT_SERVING")@0',
      },
    );
  });

  it('exec: a start error is retried at once up to 3 times, then reported as an error', () => {
    const replies: ExecResult[] = [
      { exitCode: 126, output: 'OCI runtime exec failed: no such binary', startError: true },
      { exitCode: 126, output: 'OCI runtime exec failed: no such binary', startError: true },
      { exitCode: 126, output: 'OCI runtime exec failed: no such binary', startError: true },
      { exitCode: 0, output: '' },
    ];
    const runExec = (script: ExecResult[]) => {
      const calls: number[] = [];
      const clock = new SimClock();
      const proc: ContainerProcess = {
        start: () => {},
        signal: () => {},
        exec: (_argv, _opts, done) => {
          calls.push(clock.now());
          done(script[calls.length - 1] ?? { exitCode: 0, output: '' });
          return { cancel: () => {} };
        },
        memoryBytes: () => 0,
        running: true,
        stopSignal: 'SIGTERM',
      };
      const out: ProbeOutcome[] = [];
      new ProbeRunner(defaulted({ exec: { command: ['check'] } }).probe, c, {
        doc: 0,
        path: 'p',
      }).run(
        {
          container: c,
          process: proc,
          sandbox: undefined,
          podIP: '10.244.1.5',
          scheduler: clock,
          field: { doc: 0, path: 'p' },
        },
        (o) => out.push(o),
      );
      return { calls, out };
    };
    const failing = runExec(replies);
    expect(failing.calls).toEqual([0, 0, 0]);
    expect(failing.out).toEqual([
      {
        result: 'error',
        output: 'rpc error: code = Unknown desc = OCI runtime exec failed: no such binary',
      },
    ]);
    // One error then an answer: the answer counts (runProbeWithRetries returns the first non-error).
    const recovers = runExec([replies[0]!, { exitCode: 1, output: 'not yet' }]);
    expect(recovers.calls).toEqual([0, 0]);
    expect(recovers.out).toEqual([{ result: 'failure', output: 'not yet' }]);
  });
});
