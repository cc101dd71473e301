import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatEndpointSlicesTable, getEndpointSlices, sliceName } from './endpointSlices.ts';
import { livenessExecTrace } from './fixtures.ts';
import { formatLegacyEndpointsTable, getLegacyEndpoints } from './legacyEndpoints.ts';
import { readLogs } from './logs.ts';
import { podYaml } from './podYaml.ts';
import { toPodsimJson } from './podsimJson.ts';
import { createTraceIndex } from './traceIndex.ts';
import { running, terminated, TraceBuilder, waiting } from './traceBuilder.ts';

function webTrace(): TraceBuilder {
  const b = new TraceBuilder()
    .pod(
      'web',
      {
        containers: [
          { name: 'nginx', image: 'nginx', ports: [{ containerPort: 80, name: 'http' }] },
        ],
      },
      { labels: { app: 'web' } },
    )
    .service('web-svc', { app: 'web' }, 80);
  b.started('web', ['nginx']);
  b.endpoints(1, 'web-svc', [
    { pod: 'web', ip: '10.244.0.5', ready: false, serving: false, terminating: false },
  ]);
  b.container(2, 'web', 'nginx', {
    state: running(2),
    ready: true,
    started: true,
    containerID: 'containerd://n0',
  });
  b.phase(2, 'web', 'Running');
  b.condition(2, 'web', 'Ready', 'True');
  b.endpoints(2, 'web-svc', [
    { pod: 'web', ip: '10.244.0.5', ready: true, serving: true, terminating: false },
  ]);
  b.log(2, 'web', 'nginx', 0, 'start worker processes');
  return b;
}

describe('podYaml', () => {
  it('renders the object with status, sorted keys, RFC 3339 times', () => {
    const text = podYaml(createTraceIndex(livenessExecTrace(700)), 'liveness-exec', 100);
    expect(text.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n')).toBe(true);
    expect(text).toContain('  containers:\n  - args:\n    - /bin/sh\n');
    expect(text).toContain('    lastTransitionTime: "2026-01-01T00:00:02Z"\n');
    // Cached per change point: same text in a quiet stretch, new text after a change.
    const idx = createTraceIndex(livenessExecTrace(700));
    expect(podYaml(idx, 'liveness-exec', 100)).toBe(podYaml(idx, 'liveness-exec', 140));
    expect(podYaml(idx, 'liveness-exec', 160)).toContain('restartCount: 2');
    const obj = parse(text) as { status: Record<string, unknown> };
    expect(obj.status).toMatchObject({
      phase: 'Running',
      podIP: '10.244.0.5',
      podIPs: [{ ip: '10.244.0.5' }],
      qosClass: 'BestEffort',
      startTime: '2026-01-01T00:00:01Z',
      containerStatuses: [
        {
          name: 'liveness',
          restartCount: 1,
          ready: true,
          state: { running: { startedAt: '2026-01-01T00:01:17Z' } },
          lastState: { terminated: { exitCode: 137, reason: 'Error' } },
        },
      ],
    });
  });
});

describe('endpoint slices', () => {
  it('prints kubectl get endpointslices and per-endpoint conditions', () => {
    const idx = createTraceIndex(webTrace().build());
    expect(formatEndpointSlicesTable(getEndpointSlices(idx, 0))).toBe(
      `NAME            ADDRESSTYPE   PORTS     ENDPOINTS   AGE\n${sliceName('web-svc')}   IPv4          <unset>   <unset>     0s\n`,
    );
    const [slice] = getEndpointSlices(idx, 5);
    expect(slice?.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(slice?.endpoints).toEqual([
      {
        pod: 'web',
        ip: '10.244.0.5',
        ready: true,
        serving: true,
        terminating: false,
        nodeName: 'node-1',
      },
    ]);
    expect(sliceName('web-svc')).toMatch(/^web-svc-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});

describe('logs', () => {
  it('shows the current and previous instance, and kubectl errors', () => {
    const b = new TraceBuilder().pod('p', { containers: [{ name: 'c', image: 'busybox' }] });
    b.container(0, 'p', 'c', { state: waiting('ContainerCreating') });
    b.container(1, 'p', 'c', { state: running(1) });
    b.log(1, 'p', 'c', 0, 'first run');
    b.container(3, 'p', 'c', {
      state: waiting('CrashLoopBackOff'),
      restartCount: 1,
      lastState: terminated(1, 'Error', 1, 2),
    });
    b.container(13, 'p', 'c', { state: running(13), restartCount: 1 });
    b.log(13, 'p', 'c', 1, 'second run');
    const idx = createTraceIndex(b.build());
    expect(readLogs(idx, 'p', 'c', 0)).toEqual({
      ok: false,
      error:
        'Error from server (BadRequest): container "c" in pod "p" is waiting to start: ContainerCreating',
    });
    expect(readLogs(idx, 'p', 'c', 2)).toEqual({ ok: true, text: 'first run\n' });
    expect(readLogs(idx, 'p', 'c', 2, { previous: true }).ok).toBe(false);
    expect(readLogs(idx, 'p', 'c', 20)).toEqual({ ok: true, text: 'second run\n' });
    expect(readLogs(idx, 'p', 'c', 20, { previous: true })).toEqual({
      ok: true,
      text: 'first run\n',
    });
    expect(readLogs(idx, 'p', 'x', 20).ok).toBe(false);
  });
});

describe('toPodsimJson (DESIGN.md §4)', () => {
  it('lists every series only when it changes', () => {
    const json = toPodsimJson(livenessExecTrace(500));
    const pod = json.pods['liveness-exec'];
    expect(pod?.rows.slice(0, 4)).toEqual([
      { t: 0, ready: '0/1', status: 'Pending', restarts: 0 },
      { t: 0, ready: '0/1', status: 'ContainerCreating', restarts: 0 },
      { t: 2, ready: '1/1', status: 'Running', restarts: 0 },
      { t: 77, ready: '1/1', status: 'Running', restarts: 1 },
    ]);
    expect(pod?.phase).toEqual([
      { t: 0, value: 'Pending' },
      { t: 2, value: 'Running' },
    ]);
    expect(pod?.conditions.Ready).toEqual([
      { t: 0, status: 'False', reason: 'ContainersNotReady' },
      { t: 2, status: 'True' },
      { t: 452, status: 'False', reason: 'ContainersNotReady' },
    ]);
    const c = pod?.containers.liveness;
    expect(c?.restartCount.map((p) => p.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(c?.state[2]).toEqual({ t: 77, state: 'running', startedAt: 77 });
    expect(c?.state.at(-1)).toEqual({ t: 452, state: 'waiting', reason: 'CrashLoopBackOff' });
    expect(json.events[0]).toEqual({
      t: 0,
      object: 'pod/liveness-exec',
      type: 'Normal',
      reason: 'Scheduled',
      message: 'Successfully assigned default/liveness-exec to node-1',
    });
  });

  it('lists endpoint changes per service', () => {
    const json = toPodsimJson(webTrace().build());
    expect(json.endpoints['web-svc']).toEqual([
      { t: 1, ready: [], serving: [], terminating: [] },
      { t: 2, ready: ['web'], serving: ['web'], terminating: [] },
    ]);
  });
});

describe('legacy endpoints (R9.4)', () => {
  it('lists only ready addresses as ip:port, <none> otherwise', () => {
    const idx = createTraceIndex(webTrace().build());
    expect(formatLegacyEndpointsTable(getLegacyEndpoints(idx, 1))).toBe(
      'NAME      ENDPOINTS   AGE\nweb-svc   <none>      1s\n',
    );
    expect(formatLegacyEndpointsTable(getLegacyEndpoints(idx, 5))).toBe(
      'NAME      ENDPOINTS       AGE\nweb-svc   10.244.0.5:80   5s\n',
    );
  });
});
