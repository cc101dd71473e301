/**
 * Golden scenarios of reference/pod-level.md §12 through YAML, parseScenario and the real runtime
 * (G9 node loss is not modelled: there is no node model yet).
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from './index.ts';
import { TraceQuery } from './testing/scenario.ts';

function sim(yaml: string, until?: number) {
  const { result, parsed } = simulateText(yaml, until ? { until } : {});
  return { q: new TraceQuery(result.trace, result.diagnostics), result, parsed };
}

const scenario = (until: string, actions: string) => `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: g }
spec:
  until: ${until}
  actions:
${actions}
---
`;

describe('G2 init containers waiting for Services created at 60 s and 120 s', () => {
  const init = (svc: string) => `  - name: init-${svc}
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup ${svc}.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting; sleep 2; done"]`;
  const svc = (name: string) => `---
apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec:
  ports: [{ port: 80, targetPort: 9376 }]
`;
  const { q } = sim(
    scenario(
      '200s',
      `  - at: 60s
    apply: { kind: Service, name: myservice }
  - at: 120s
    apply: { kind: Service, name: mydb }`,
    ) +
      `apiVersion: v1
kind: Pod
metadata: { name: myapp-pod, labels: { app: myapp } }
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
${init('myservice')}
${init('mydb')}
${svc('myservice')}${svc('mydb')}---
apiVersion: v1
kind: Service
metadata: { name: app-svc }
spec:
  selector: { app: myapp }
  ports: [{ port: 80 }]
`,
  );

  it('runs the init containers one after the other, 1–3 s after each Service appears', () => {
    const started = q.events('myapp-pod', 'Started').map((e) => [e.t, e.fieldPath]);
    expect(started).toHaveLength(3);
    expect(started[0]![0]).toBe(1);
    expect(started[1]![0]).toBeGreaterThanOrEqual(61);
    expect(started[1]![0]).toBeLessThanOrEqual(63);
    expect(started[2]![0]).toBeGreaterThanOrEqual(121);
    expect(started[2]![0]).toBeLessThanOrEqual(123);
    expect(q.states('myapp-pod', 'init-myservice')[1]).toEqual([2, 'running', 0, false]);
  });

  it('keeps the pod Pending with Initialized False until the last init container completes', () => {
    const phases = q.phases('myapp-pod');
    expect(phases[0]).toEqual([0, 'Pending']);
    expect(phases[1]![1]).toBe('Running');
    expect(phases[1]![0]).toBeGreaterThanOrEqual(121);
    expect(phases[1]![0]).toBeLessThanOrEqual(124);
    const init = q.of('pod.condition').filter((c) => c.condition === 'Initialized');
    expect(init.map((c) => c.message)).toEqual([
      'containers with incomplete status: [init-myservice init-mydb]',
      'containers with incomplete status: [init-mydb]',
      undefined,
    ]);
    expect(init.at(-1)!.lastTransitionTime).toBe(init.at(-1)!.t);
  });

  it('puts the pod in app-svc with its IP during init, ready once Running', () => {
    const eps = q.endpoints('app-svc');
    expect(eps[0]).toEqual([0, '']);
    expect(eps[1]).toEqual([1, 'myapp-pod(F,F,F)']);
    expect(eps[2]![1]).toBe('myapp-pod(T,T,F)');
    expect(eps[2]![0]).toBe(phasesRunning(q));
  });
});

function phasesRunning(q: TraceQuery) {
  return q.phases('myapp-pod').find((p) => p[1] === 'Running')?.[0];
}

describe('G3 readiness httpGet 404 until a file exists (exec at 40, removed at 100)', () => {
  const { q } = sim(
    scenario(
      '150s',
      `  - at: 40s
    exec: { pod: web, container: nginx, command: "echo ok > /usr/share/nginx/html/ready.html" }
  - at: 100s
    exec: { pod: web, container: nginx, command: "rm /usr/share/nginx/html/ready.html" }`,
    ) +
      `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports: [{ containerPort: 80 }]
    readinessProbe:
      httpGet: { path: /ready.html, port: 80 }
      periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata: { name: app-svc }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`,
  );

  it('is Running and NotReady from 2, Ready at 42, NotReady at the third failure (112)', () => {
    expect(q.states('web', 'nginx').map(([t, s, , r]) => [t, s, r])).toEqual([
      [0, 'waiting:ContainerCreating', false],
      [2, 'running', false],
      [42, 'running', true],
      [112, 'running', false],
    ]);
    expect(q.endpoints('app-svc').map(([t, e]) => [t, e])).toEqual([
      [0, ''],
      [1, 'web(F,F,F)'],
      [42, 'web(T,T,F)'],
      [112, 'web(F,F,F)'],
    ]);
  });

  it('emits one Unhealthy per failed probe with the status code', () => {
    const u = q.events('web', 'Unhealthy');
    expect(u[0]!.message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 404');
    expect(u.map((e) => e.t).slice(0, 3)).toEqual([2, 7, 12]);
    expect(q.of('exec')).toHaveLength(2);
    expect(q.eventTimes('web', 'Killing')).toEqual([]);
  });
});

describe('G4 the docs liveness-exec seed (busybox, no tag → imagePullPolicy Always)', () => {
  const { q, result } = sim(`apiVersion: v1
kind: Pod
metadata: { name: liveness-exec, labels: { test: liveness } }
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox
    args: [/bin/sh, -c, touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600]
    livenessProbe:
      exec: { command: [cat, /tmp/healthy] }
      initialDelaySeconds: 5
      periodSeconds: 5
`);
  it('restarts visible at 77, 152, 227, 302, 377 (75 s cycles), CrashLoopBackOff at 451, back at 532', () => {
    expect(result.diagnostics).toEqual([]);
    expect(q.runningAt('liveness-exec', 'liveness')).toEqual([
      [3, 0],
      [77, 1],
      [152, 2],
      [227, 3],
      [302, 4],
      [377, 5],
      [532, 6],
    ]);
    expect(q.eventTimes('liveness-exec', 'Killing').slice(0, 6)).toEqual([
      45, 120, 195, 270, 345, 420,
    ]);
    expect(q.events('liveness-exec', 'Unhealthy')[0]!.message).toBe(
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    );
    const clbo = q
      .statuses('liveness-exec', 'liveness')
      .find((r) => r.t > 0 && 'waiting' in r.status.state);
    expect(clbo?.t).toBe(451);
    expect(JSON.stringify(clbo?.status.state)).toContain(
      'back-off 1m20s restarting failed container=liveness',
    );
    // every start pulls (Always): Pulling at the restart, Pulled 1 s later
    expect(q.eventTimes('liveness-exec', 'Pulling').slice(0, 3)).toEqual([1, 75, 150]);
    expect(q.events('liveness-exec', 'Pulled')[0]!.message).toBe(
      'Successfully pulled image "registry.k8s.io/busybox" in 1s (1s including waiting). Image size: 1140000 bytes.',
    );
  });
});

const job = (name: string, policy: string, cmd: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { app: job } }
spec:
  restartPolicy: ${policy}
  containers:
  - name: c
    image: busybox:1.36
    command: [sh, -c, "${cmd}"]
---
apiVersion: v1
kind: Service
metadata: { name: job-svc }
spec:
  selector: { app: job }
  ports: [{ port: 80 }]
`;

describe('G5 / G6 restartPolicy Never, exit 0 and exit 1', () => {
  it('G5: Completed, phase Succeeded at 7 with PodCompleted conditions, endpoint removed', () => {
    const { q } = sim(job('done', 'Never', 'sleep 5; exit 0'), 60);
    expect(q.states('done', 'c').at(-1)).toEqual([7, 'terminated:Completed(0)', 0, false]);
    expect(q.phases('done')).toEqual([
      [0, 'Pending'],
      [2, 'Running'],
      [7, 'Succeeded'],
    ]);
    expect(q.condition('done', 'Ready').at(-1)).toEqual([7, 'False', 'PodCompleted']);
    expect(q.condition('done', 'Initialized').at(-1)).toEqual([7, 'True', 'PodCompleted']);
    expect(q.condition('done', 'PodReadyToStartContainers').at(-1)).toEqual([7, 'False']);
    expect(q.endpoints('job-svc').at(-1)).toEqual([7, '']);
    expect(q.eventTimes('done', 'Killing')).toEqual([]);
  });

  it('G6: Error, phase Failed at 7 (PodFailed), no restart', () => {
    const { q } = sim(job('fail', 'Never', 'sleep 5; exit 1'), 60);
    expect(q.states('fail', 'c').at(-1)).toEqual([7, 'terminated:Error(1)', 0, false]);
    expect(q.phases('fail').at(-1)).toEqual([7, 'Failed']);
    expect(q.condition('fail', 'ContainersReady').at(-1)).toEqual([7, 'False', 'PodFailed']);
    expect(q.eventTimes('fail', 'Started')).toEqual([1]);
  });

  it('deleting a Succeeded pod is immediate', () => {
    const { q } = sim(
      scenario('60s', `  - at: 30s\n    delete: { kind: Pod, name: done }`) +
        job('done', 'Never', 'sleep 5; exit 0'),
    );
    expect(q.of('pod.deleted').map((d) => d.t)).toEqual([30]);
    expect(q.of('pod.deleting')).toEqual([]);
  });
});

describe('G7 restartPolicy OnFailure, exits 1 after 1 s', () => {
  const { q } = sim(job('onf', 'OnFailure', 'sleep 1; exit 1'), 400);
  it('runs at 2, Error at 3, restarted at 3, CrashLoopBackOff at 5, restarts at 14, 35, 76, 157, 318', () => {
    expect(q.eventTimes('onf', 'Started')).toEqual([1, 3, 14, 35, 76, 157, 318]);
    const s = q.states('onf', 'c').map(([t, st, rc]) => [t, st, rc]);
    expect(s.slice(0, 6)).toEqual([
      [0, 'waiting:ContainerCreating', 0],
      [2, 'running', 0],
      [3, 'terminated:Error(1)', 0],
      [4, 'running', 1],
      [5, 'terminated:Error(1)', 1],
      [5, 'waiting:CrashLoopBackOff', 1],
    ]);
    expect(s[6]).toEqual([15, 'running', 2]);
    expect(q.phases('onf')).toEqual([
      [0, 'Pending'],
      [2, 'Running'],
    ]);
  });
});

describe('G8 deletion with preStop sleep 5 while in a Service', () => {
  const { q } = sim(
    scenario('100s', `  - at: 30s\n    delete: { kind: Pod, name: web }`) +
      `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec:
  terminationGracePeriodSeconds: 30
  containers:
  - name: nginx
    image: nginx:1.27
    ports: [{ containerPort: 80 }]
    lifecycle:
      preStop:
        exec: { command: [sh, -c, "sleep 5"] }
---
apiVersion: v1
kind: Service
metadata: { name: app-svc }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`,
  );
  it('marks the endpoint terminating at once, stops nginx gracefully at 35, Succeeded, then deleted', () => {
    expect(q.of('pod.deleting')[0]).toMatchObject({
      t: 30,
      deletionTimestamp: 60,
      gracePeriodSeconds: 30,
    });
    expect(q.endpoints('app-svc').slice(-2)).toEqual([
      [30, 'web(F,T,T)'],
      [35, ''],
    ]);
    expect(q.signals('web', 'nginx')).toEqual([[35, 'SIGQUIT']]);
    expect(q.exits('web', 'nginx')).toEqual([[35, 0]]);
    expect(q.phases('web').at(-1)).toEqual([35, 'Succeeded']);
    expect(q.of('pod.deleted')[0]?.t).toBe(36);
    expect(q.events('web', 'Killing').map((e) => [e.t, e.message])).toEqual([
      [30, 'Stopping container nginx'],
    ]);
  });
});

describe('G10 OOMKilled with restartPolicy Always', () => {
  const { q } = sim(
    `apiVersion: v1
kind: Pod
metadata: { name: oom }
spec:
  containers:
  - name: stress
    image: polinux/stress
    resources: { limits: { memory: 64Mi } }
    command: [sh, -c, "sleep 3; stress --vm 1 --vm-bytes 200M --vm-hang 0"]
`,
    60,
  );
  it('is OOMKilled (137), restarted at once, then CrashLoopBackOff', () => {
    const s = q.states('oom', 'stress').map(([, st]) => st);
    expect(s.slice(0, 4)).toEqual([
      'waiting:ContainerCreating',
      'running',
      'terminated:OOMKilled(137)',
      'running',
    ]);
    expect(s).toContain('waiting:CrashLoopBackOff');
    expect(q.phases('oom').at(-1)?.[1]).toBe('Running');
  });
});

describe('determinism', () => {
  it('gives a byte-identical result for the same input', () => {
    const y = job('x', 'Always', 'sleep 2; exit 3');
    expect(JSON.stringify(simulateText(y, { until: 300 }).result)).toBe(
      JSON.stringify(simulateText(y, { until: 300 }).result),
    );
  });
});

describe('simulateText diagnostics', () => {
  it('maps profile diagnostics to line/column and still simulates', () => {
    const { result } = simulateText(
      `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: d }
spec:
  until: 10s
  profile:
    bogus: 1
---
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: c, image: busybox:1.36, command: [sleep, "100"] }]
`,
    );
    const d = result.diagnostics.find((x) => x.message.includes('bogus'));
    expect(d).toMatchObject({ severity: 'warning', line: 7 });
    expect(result.trace.some((r) => r.type === 'pod.phase' && r.phase === 'Running')).toBe(true);
    expect(result.until).toBe(10);
  });
});
