/**
 * Hand-built traces shaped like the reference's golden scenarios (pod-level §12), for tests,
 * benchmarks and UI work before/without the engine.
 */
import type { SimResult } from './types.ts';
import { running, terminated, TraceBuilder, waiting } from './traceBuilder.ts';
import { formatGoDuration } from './time.ts';

const LIVENESS_ARGS = [
  '/bin/sh',
  '-c',
  'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600',
];
const UNHEALTHY =
  "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory";

/**
 * G4 liveness-exec: restarts at 77, 152, 227, 302, 377; CrashLoopBackOff at 452 (80 s), running
 * again at 532, CrashLoopBackOff at 607 (160 s), running at 767, … until `until`.
 */
export function livenessExecTrace(until = 600): SimResult {
  const pod = 'liveness-exec';
  const c = 'liveness';
  const fieldPath = 'spec.containers{liveness}';
  const b = new TraceBuilder().pod(
    pod,
    {
      containers: [
        {
          name: c,
          image: 'registry.k8s.io/busybox',
          args: LIVENESS_ARGS,
          livenessProbe: {
            exec: { command: ['cat', '/tmp/healthy'] },
            initialDelaySeconds: 5,
            periodSeconds: 5,
            timeoutSeconds: 1,
            successThreshold: 1,
            failureThreshold: 3,
          },
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
    },
    { labels: { test: 'liveness' } },
  );
  b.started(pod, [c]);
  const startEvents = (t: number): void => {
    b.event(
      t,
      pod,
      'Normal',
      'Pulled',
      'Container image "registry.k8s.io/busybox" already present on machine',
      { fieldPath },
    );
    b.event(t, pod, 'Normal', 'Created', `Created container: ${c}`, { fieldPath });
    b.event(t, pod, 'Normal', 'Started', `Started container ${c}`, { fieldPath });
  };
  const ready = (t: number, v: boolean): void => {
    const msg = `containers with unready status: [${c}]`;
    b.condition(
      t,
      pod,
      'ContainersReady',
      v ? 'True' : 'False',
      v ? undefined : 'ContainersNotReady',
      v ? undefined : msg,
    );
    b.condition(
      t,
      pod,
      'Ready',
      v ? 'True' : 'False',
      v ? undefined : 'ContainersNotReady',
      v ? undefined : msg,
    );
  };
  let start = 2;
  let restarts = 0;
  let backoff = 0;
  startEvents(1.5);
  b.container(start, pod, c, {
    state: running(start),
    ready: true,
    started: true,
    containerID: 'containerd://a0',
  });
  b.phase(start, pod, 'Running');
  ready(start, true);
  while (start < until) {
    for (const k of [35, 40, 45])
      b.event(start + k, pod, 'Warning', 'Unhealthy', UNHEALTHY, { fieldPath });
    b.event(
      start + 45,
      pod,
      'Normal',
      'Killing',
      `Container ${c} failed liveness probe, will be restarted`,
      { fieldPath },
    );
    const exit = start + 75;
    if (exit > until) break;
    const prevExit = start; // the previous instance died when this one started
    const blocked = restarts >= 1 && backoff > exit - prevExit;
    const last = terminated(137, 'Error', start, exit);
    if (!blocked) {
      if (restarts >= 1) backoff = backoff === 0 ? 10 : Math.min(backoff * 2, 300);
      restarts++;
      startEvents(exit);
      b.container(exit, pod, c, {
        state: running(exit),
        ready: true,
        started: true,
        restartCount: restarts,
        lastState: last,
        containerID: `containerd://a${restarts}`,
      });
      start = exit;
      continue;
    }
    b.container(exit, pod, c, {
      state: waiting(
        'CrashLoopBackOff',
        `back-off ${formatGoDuration(backoff)} restarting failed container=${c} pod=${pod}_default(uid)`,
      ),
      ready: false,
      started: false,
      lastState: last,
    });
    ready(exit, false);
    b.event(
      exit,
      pod,
      'Warning',
      'BackOff',
      `Back-off restarting failed container ${c} in pod ${pod}_default(uid)`,
      { fieldPath },
    );
    const next = exit + backoff;
    backoff = Math.min(backoff * 2, 300);
    if (next > until) break;
    restarts++;
    startEvents(next);
    b.container(next, pod, c, {
      state: running(next),
      ready: true,
      started: true,
      restartCount: restarts,
      containerID: `containerd://a${restarts}`,
    });
    ready(next, true);
    start = next;
  }
  return b.build(until);
}
