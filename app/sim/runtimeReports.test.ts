/**
 * What the runtime reports that the kubelet model acts on, through YAML, parseScenario and the
 * real runtime: an exec that cannot start (prober error, hook failure), a volume that cannot be
 * mounted (FailedMount, ContainerCreating), the Service environment, and a scenario kill with an
 * exit code.
 */
import { describe, expect, it } from 'vitest';
import { simulate, simulateText } from './index.ts';
import type { ContainerProcess, RuntimeModel } from './runtime/types.ts';
import { createFakeRuntime } from './testing/fakeRuntime.ts';
import { container, pod, run, TraceQuery } from './testing/scenario.ts';

function sim(yaml: string, until: number) {
  const { result, parsed } = simulateText(yaml, { until });
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return new TraceQuery(result.trace, result.diagnostics);
}

const MISSING = (probe: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    ${probe}:
      exec:
        command: ["healthcheck"]
      periodSeconds: 5
`;

describe('an exec probe whose binary is missing is a prober error (prober.go runProbeWithRetries)', () => {
  it('liveness: discarded every period, never kills the container', () => {
    const q = sim(MISSING('livenessProbe'), 60);
    const probes = q.probes('p', 'app', 'liveness');
    expect(probes.length).toBeGreaterThan(5);
    expect(probes.every((r) => r.result === 'error' && !r.published)).toBe(true);
    const ev = q.events('p', 'Unhealthy');
    expect(ev.map((e) => e.t)).toEqual(probes.map((r) => r.t));
    expect(ev[0]!.eventType).toBe('Warning');
    // prober.go probe → recordContainerEvent; the text is containerd's ExecSync error as the CRI
    // client returns it (a fresh exec ID per attempt).
    expect(ev[0]!.message).toMatch(
      /^Liveness probe errored and resulted in unknown state: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "healthcheck": executable file not found in \$PATH: unknown$/,
    );
    expect(q.events('p', 'Killing')).toEqual([]);
    expect(q.states('p', 'app').at(-1)).toEqual([2, 'running', 0, true]);
  });

  it('readiness: errors leave the initial Failure, so the container never becomes ready', () => {
    const q = sim(MISSING('readinessProbe'), 60);
    const probes = q.probes('p', 'app', 'readiness');
    // The manual readiness trigger at the first status with a container ID (t = 2) resets the ticker.
    expect(probes.map((r) => r.t)).toEqual([2, 7, 12, 17, 22, 27, 32, 37, 42, 47, 52, 57]);
    expect(probes.every((r) => r.result === 'error')).toBe(true);
    expect(q.condition('p', 'Ready').at(-1)?.[1]).toBe('False');
    expect(q.states('p', 'app').every(([, , , ready]) => !ready)).toBe(true);
  });
});

describe('an exec hook whose binary is missing fails (handlers.go)', () => {
  it('postStart: FailedPostStartHook, the container is killed and restarted', () => {
    const q = sim(
      `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  terminationGracePeriodSeconds: 5
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
    lifecycle:
      postStart:
        exec:
          command: ["notify-ready"]
`,
      30,
    );
    expect(q.eventTimes('p', 'FailedPostStartHook')[0]).toBe(1);
    const hook = q.of('hook').find((h) => h.phase === 'end');
    expect(hook?.result).toBe('failure');
    expect(hook?.output).toContain('executable file not found in $PATH');
    expect(q.eventTimes('p', 'Killing')[0]).toBe(1);
  });
});

const CONFIG_VOLUME = (applyAt: string) => `apiVersion: podlab.dev/v1
kind: Scenario
metadata:
  name: late-config
spec:
  until: 60s
  actions:
    - at: ${applyAt}
      apply: { kind: ConfigMap, name: app-config }
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  greeting: hello
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "cat /etc/app/greeting; echo; sleep 3600"]
    volumeMounts:
    - name: config
      mountPath: /etc/app
  volumes:
  - name: config
    configMap:
      name: app-config
`;

describe('an exec preStop hook whose binary is missing fails (handlers.go)', () => {
  it('FailedPreStopHook at once, then the stop signal without waiting', () => {
    const q = sim(
      `apiVersion: podlab.dev/v1
kind: Scenario
metadata:
  name: prestop
spec:
  actions:
    - at: 10s
      delete: { kind: Pod, name: p }
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    lifecycle:
      preStop:
        exec:
          command: ["/drain.sh"]
`,
      60,
    );
    expect(q.eventTimes('p', 'FailedPreStopHook')).toEqual([10]);
    expect(q.signals('p', 'app')[0]).toEqual([10, 'SIGTERM']);
  });
});

describe('a ConfigMap volume that does not exist yet (kubelet.go SyncPod → WaitForAttachAndMount)', () => {
  const q = sim(CONFIG_VOLUME('25s'), 60);

  it('FailedMount on every sync attempt (admission, then the 10 s error requeue), no sandbox', () => {
    const ev = q.events('p', 'FailedMount');
    expect(ev.map((e) => e.t)).toEqual([0, 10, 20]);
    expect(ev[0]!.eventType).toBe('Warning');
    expect(ev[0]!.message).toBe(
      'MountVolume.SetUp failed for volume "config" : configmap "app-config" not found',
    );
    expect(q.of('pod.ip')[0]?.t).toBe(31);
    expect(q.condition('p', 'PodReadyToStartContainers')).toEqual([
      [0, 'False'],
      [31, 'True'],
    ]);
  });

  it('stays Pending / ContainerCreating (not CreateContainerConfigError), then runs', () => {
    expect(q.states('p', 'app')).toEqual([
      [0, 'waiting:ContainerCreating', 0, false],
      [32, 'running', 0, true],
    ]);
    expect(q.events('p', 'Failed')).toEqual([]);
    expect(q.phases('p')).toEqual([
      [0, 'Pending'],
      [32, 'Running'],
    ]);
    expect(q.of('log').map((l) => l.line)).toEqual(['hello']);
  });

  it('a missing key in an env configMapKeyRef stays CreateContainerConfigError', () => {
    const q2 = sim(
      `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  greeting: hello
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    env:
    - name: X
      valueFrom:
        configMapKeyRef: { name: app-config, key: nope }
`,
      20,
    );
    expect(q2.events('p', 'FailedMount')).toEqual([]);
    expect(q2.states('p', 'app').at(-1)?.[1]).toBe('waiting:CreateContainerConfigError');
  });
});

describe('mount failures: deletion, and what only the runtime can tell', () => {
  it('a pod stuck on FailedMount is deleted without ever getting a sandbox', () => {
    const yaml = CONFIG_VOLUME('50s').replace(
      '      apply: { kind: ConfigMap, name: app-config }',
      '      apply: { kind: ConfigMap, name: app-config }\n    - at: 15s\n      delete: { kind: Pod, name: p }',
    );
    const q = sim(yaml, 60);
    expect(q.eventTimes('p', 'FailedMount')).toEqual([0, 10]);
    expect(q.of('pod.ip')).toEqual([]);
    // Nothing to stop: terminal status at 15, removed deleteAfterTerminal (1 s) later.
    expect(q.of('object.deleted').map((r) => [r.t, r.name])).toEqual([[16, 'p']]);
  });

  it("the runtime's failedMount (fake runtime): FailedMount, ContainerCreating, retried every 10 s", () => {
    const createError = {
      reason: 'CreateContainerConfigError',
      message: 'MountVolume.SetUp failed for volume "data" : subPath is invalid',
      failedMount: {
        volume: 'data',
        message: 'MountVolume.SetUp failed for volume "data" : subPath is invalid',
      },
    };
    const q = run([pod('p', { containers: [container('app'), container('other')] })], {
      until: 30,
      behaviours: { app: { createError } },
    });
    expect(q.eventTimes('p', 'FailedMount')).toEqual([1, 11, 21]);
    expect(q.events('p', 'FailedMount')[0]?.message).toBe(createError.failedMount.message);
    expect(q.events('p', 'Failed')).toEqual([]);
    expect(q.states('p', 'app')).toEqual([[0, 'waiting:ContainerCreating', 0, false]]);
    // The pod is blocked: the next container is not started either.
    expect(q.states('p', 'other')).toEqual([[0, 'waiting:ContainerCreating', 0, false]]);
  });
});

describe('Service environment variables (kubelet_pods.go getServiceEnvVarMap, envvars.FromServices)', () => {
  const PRINT =
    'echo "$MY_SERVICE_SERVICE_HOST $MY_SERVICE_SERVICE_PORT $MY_SERVICE_SERVICE_PORT_HTTP $MY_SERVICE_PORT"; echo "$MY_SERVICE_PORT_80_TCP $MY_SERVICE_PORT_80_TCP_PROTO $MY_SERVICE_PORT_80_TCP_PORT $MY_SERVICE_PORT_80_TCP_ADDR $MY_SERVICE_PORT_53_UDP"; echo "late=$LATE_SERVICE_HOST headless=$HEADLESS_SERVICE_HOST k=$KUBERNETES_SERVICE_HOST"';
  const yaml = (links: string) => `apiVersion: podlab.dev/v1
kind: Scenario
metadata:
  name: service-env
spec:
  until: 40s
  actions:
    - at: 5s
      apply: { kind: Service, name: late }
---
apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: { app: x }
  ports:
  - name: http
    port: 80
    targetPort: 8080
  - name: dns
    port: 53
    protocol: UDP
---
apiVersion: v1
kind: Service
metadata:
  name: headless
spec:
  clusterIP: None
  selector: { app: x }
  ports:
  - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: late
spec:
  selector: { app: x }
  ports:
  - port: 81
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${links}  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", ${JSON.stringify(PRINT + '; sleep 10')}]
`;
  const lines = (links: string) =>
    sim(yaml(links), 20)
      .of('log')
      .map((l) => `${l.t} ${l.instance} ${l.line}`);

  it('Services of the namespace that exist at CreateContainer; a restart sees new ones', () => {
    expect(lines('')).toEqual([
      '1 0 10.96.0.10 80 80 tcp://10.96.0.10:80',
      '1 0 tcp://10.96.0.10:80 tcp 80 10.96.0.10 udp://10.96.0.10:53',
      '1 0 late= headless= k=10.96.0.1',
      // exits at 11, seen and restarted at 12 (the first restart has no back-off)
      '12 1 10.96.0.10 80 80 tcp://10.96.0.10:80',
      '12 1 tcp://10.96.0.10:80 tcp 80 10.96.0.10 udp://10.96.0.10:53',
      '12 1 late=10.96.0.11 headless= k=10.96.0.1',
    ]);
  });

  it('enableServiceLinks: false keeps only the kubernetes Service', () => {
    expect(lines('  enableServiceLinks: false\n').slice(0, 3)).toEqual([
      '1 0    ',
      '1 0     ',
      '1 0 late= headless= k=10.96.0.1',
    ]);
  });
});

describe('scenario kill with an exit code (ContainerProcess.exit)', () => {
  const yaml = (policy: string, code: number) => `apiVersion: podlab.dev/v1
kind: Scenario
metadata:
  name: kill-exit
spec:
  until: 30s
  actions:
    - at: 10s
      kill: { pod: p, container: app, exitCode: ${code} }
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  restartPolicy: ${policy}
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
`;

  it('exit 3: the process exits with 3 (Error), seen 1 s later and restarted at once', () => {
    const q = sim(yaml('Always', 3), 30);
    expect(q.exits('p', 'app')).toEqual([[10, 3]]);
    expect(q.of('process.exit')[0]?.reason).toBe('Error');
    expect(q.signals('p', 'app')).toEqual([[10, 'exit 3']]);
    expect(q.states('p', 'app')).toEqual([
      [0, 'waiting:ContainerCreating', 0, false],
      [2, 'running', 0, true],
      // the sync at 11 writes the exit it saw, restarts at once; PLEG sees the new one at 12
      [11, 'terminated:Error(3)', 0, false],
      [12, 'running', 1, true],
    ]);
    expect(q.diagnostics).toEqual([]);
  });

  it('exit 0 under OnFailure: Completed, not restarted, the pod Succeeds', () => {
    const q = sim(yaml('OnFailure', 0), 30);
    expect(q.exits('p', 'app')).toEqual([[10, 0]]);
    expect(q.states('p', 'app').at(-1)).toEqual([11, 'terminated:Completed(0)', 0, false]);
    expect(q.phases('p').at(-1)).toEqual([11, 'Succeeded']);
  });
});

describe('an exec probe in the second between an exit and the relist that sees it', () => {
  it('execs into the stopped container: a prober error, not a failure', () => {
    const q = sim(
      `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 4"]
    livenessProbe:
      exec:
        command: ["true"]
      periodSeconds: 1
`,
      10,
    );
    expect(q.exits('p', 'app')).toEqual([[5, 0]]);
    const at5 = q.probes('p', 'app', 'liveness').filter((r) => r.t === 5);
    expect(at5.map((r) => [r.result, r.output])).toEqual([
      [
        'error',
        'rpc error: code = Unknown desc = failed to exec in container: container is in CONTAINER_EXITED state',
      ],
    ]);
    expect(q.probes('p', 'app', 'liveness').some((r) => r.result === 'failure')).toBe(false);
    expect(q.events('p', 'Killing')).toEqual([]);
  });
});

describe('scenario kill with an exit code on a runtime without ContainerProcess.exit', () => {
  it('falls back to SIGKILL (137) with a warning', () => {
    const fake = createFakeRuntime();
    // Hide the fake process's exit(): a runtime that cannot force an exit code.
    const runtime: RuntimeModel = {
      inspectImage: (i) => fake.inspectImage(i),
      createSandbox: (ctx) => {
        const sb = fake.createSandbox(ctx);
        return {
          get podIP() {
            return sb.podIP;
          },
          createContainer: (spec, where, cb) => {
            const r = sb.createContainer(spec, where, cb);
            if (!r.ok) return r;
            const p = r.container;
            const bare: ContainerProcess = {
              start: () => p.start(),
              signal: (sig) => p.signal(sig),
              exec: (argv, opts, done) => p.exec(argv, opts, done),
              memoryBytes: () => p.memoryBytes(),
              get running() {
                return p.running;
              },
              stopSignal: p.stopSignal,
            };
            return { ok: true, container: bare };
          },
          httpGet: (req) => sb.httpGet(req),
          tcpConnect: (port, t) => sb.tcpConnect(port, t),
          grpcCheck: (port, svc, t) => sb.grpcCheck(port, svc, t),
          destroy: () => sb.destroy(),
        };
      },
    };
    const result = simulate(
      {
        objects: [pod('p', { containers: [container('app')] })],
        scenario: {
          name: 't',
          until: 20,
          profile: {},
          deferred: [],
          actions: [
            {
              at: 10,
              doc: 0,
              path: 'spec.actions[0]',
              kill: { pod: 'p', container: 'app', exitCode: 3 },
            },
          ],
        },
      },
      { runtime },
    );
    const q = new TraceQuery(result.trace, result.diagnostics);
    expect(q.exits('p', 'app')).toEqual([[10, 137]]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'this runtime cannot force an exit code; sending SIGKILL instead',
    ]);
  });
});

describe('mount failures before the sandbox: Secrets, projected sources, optional, init containers', () => {
  it('every failing volume gets its FailedMount; optional ones do not block; PodInitializing', () => {
    const q = run(
      [
        pod('p', {
          initContainers: [container('init', { command: ['true'] })],
          containers: [container('app')],
          volumes: [
            { name: 'opt', configMap: { name: 'absent', optional: true } },
            { name: 'creds', secret: { secretName: 'db-creds' } },
            { name: 'bundle', projected: { sources: [{ configMap: { name: 'bundle-cm' } }] } },
          ],
        }),
      ],
      { until: 15 },
    );
    expect(q.events('p', 'FailedMount').map((e) => [e.t, e.message])).toEqual([
      [0, 'MountVolume.SetUp failed for volume "creds" : secret "db-creds" not found'],
      [0, 'MountVolume.SetUp failed for volume "bundle" : configmap "bundle-cm" not found'],
      [10, 'MountVolume.SetUp failed for volume "creds" : secret "db-creds" not found'],
      [10, 'MountVolume.SetUp failed for volume "bundle" : configmap "bundle-cm" not found'],
    ]);
    expect(q.states('p', 'init')).toEqual([[0, 'waiting:PodInitializing', 0, false]]);
    expect(q.states('p', 'app')).toEqual([[0, 'waiting:PodInitializing', 0, false]]);
    expect(q.of('pod.ip')).toEqual([]);
  });
});
