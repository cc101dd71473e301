import { describe, expect, it } from 'vitest';
import { livenessExecTrace } from './fixtures.ts';
import { formatPodsTable, getPodRows, getWatchRows } from './podRows.ts';
import { createTraceIndex } from './traceIndex.ts';
import { running, terminated, TraceBuilder, waiting } from './traceBuilder.ts';

describe('getWatchRows on the G4 liveness-exec trace (pod-level §12)', () => {
  const idx = createTraceIndex(livenessExecTrace(700));

  it('lists one row per change of READY/STATUS/RESTARTS', () => {
    const rows = getWatchRows(idx).map((r) => [r.t, r.ready, r.status, r.restarts]);
    expect(rows).toEqual([
      [0, '0/1', 'Pending', '0'],
      [0, '0/1', 'ContainerCreating', '0'],
      [2, '1/1', 'Running', '0'],
      [77, '1/1', 'Running', '1 (0s ago)'],
      [152, '1/1', 'Running', '2 (0s ago)'],
      [227, '1/1', 'Running', '3 (0s ago)'],
      [302, '1/1', 'Running', '4 (0s ago)'],
      [377, '1/1', 'Running', '5 (0s ago)'],
      [452, '0/1', 'CrashLoopBackOff', '5 (0s ago)'],
      [532, '1/1', 'Running', '6 (80s ago)'],
      [607, '0/1', 'CrashLoopBackOff', '6 (0s ago)'],
    ]);
    expect(getWatchRows(idx, 100)).toHaveLength(4);
  });

  it('prints kubectl get pods at a time, with restarts ago and age', () => {
    const rows = getPodRows(idx, 100);
    expect(rows.map((r) => [r.ready, r.status, r.restarts, r.age])).toEqual([
      ['1/1', 'Running', '1 (23s ago)', '100s'],
    ]);
    expect(formatPodsTable(rows)).toBe(
      'NAME            READY   STATUS    RESTARTS      AGE\n' +
        'liveness-exec   1/1     Running   1 (23s ago)   100s\n',
    );
    expect(formatPodsTable(getPodRows(idx, 100), { wide: true })).toContain(
      '10.244.0.5   node-1   <none>           <none>',
    );
  });
});

describe('printPod STATUS rules (pod-level R6.1)', () => {
  const initPod = (b: TraceBuilder): TraceBuilder =>
    b.pod('p', {
      initContainers: [
        { name: 'init-a', image: 'busybox' },
        { name: 'init-b', image: 'busybox' },
      ],
      containers: [{ name: 'app', image: 'busybox' }],
    });
  const status = (b: TraceBuilder, t: number): string =>
    getPodRows(createTraceIndex(b.build()), t)[0]?.status ?? '';

  it('shows Init:i/N, Init:Error, Init:CrashLoopBackOff, PodInitializing', () => {
    const b = initPod(new TraceBuilder());
    b.condition(0, 'p', 'Initialized', 'False', 'ContainersNotInitialized');
    b.container(0, 'p', 'init-a', { state: waiting('PodInitializing') }, 'init');
    b.container(0, 'p', 'init-b', { state: waiting('PodInitializing') }, 'init');
    b.container(0, 'p', 'app', { state: waiting('PodInitializing') });
    b.container(2, 'p', 'init-a', { state: running(2) }, 'init');
    b.container(5, 'p', 'init-a', { state: terminated(0, 'Completed', 2, 5), ready: true }, 'init');
    b.container(6, 'p', 'init-b', { state: terminated(1, 'Error', 5, 6) }, 'init');
    b.container(
      7,
      'p',
      'init-b',
      {
        state: waiting('CrashLoopBackOff'),
        restartCount: 1,
        lastState: terminated(1, 'Error', 5, 6),
      },
      'init',
    );
    b.container(
      20,
      'p',
      'init-b',
      { state: terminated(0, 'Completed', 17, 20), ready: true },
      'init',
    );
    b.condition(20, 'p', 'Initialized', 'True');
    expect(status(b, 0)).toBe('Init:0/2');
    expect(status(b, 2)).toBe('Init:0/2');
    expect(status(b, 5)).toBe('Init:1/2');
    expect(status(b, 6)).toBe('Init:Error');
    expect(status(b, 7)).toBe('Init:CrashLoopBackOff');
    expect(getPodRows(createTraceIndex(b.build()), 8)[0]?.restarts).toBe('1 (2s ago)');
    expect(status(b, 20)).toBe('PodInitializing');
  });

  it('shows ExitCode:N without a reason, Completed → NotReady with a running container', () => {
    const b = new TraceBuilder().pod('p', {
      containers: [
        { name: 'a', image: 'busybox' },
        { name: 'b', image: 'busybox' },
      ],
    });
    b.container(1, 'p', 'a', { state: terminated(0, 'Completed', 0, 1) });
    b.container(1, 'p', 'b', { state: running(0), ready: true });
    b.container(3, 'p', 'a', { state: terminated(3, '', 0, 3) });
    expect(status(b, 1)).toBe('NotReady');
    expect(getPodRows(createTraceIndex(b.build()), 1)[0]?.ready).toBe('1/2');
    expect(status(b, 3)).toBe('ExitCode:3');
  });

  it('counts started sidecars in READY and shows Terminating while deleting', () => {
    const b = new TraceBuilder().pod('p', {
      initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }],
      containers: [{ name: 'app', image: 'nginx' }],
    });
    b.container(1, 'p', 'proxy', { state: running(1), started: false }, 'sidecar');
    b.container(1, 'p', 'app', { state: waiting('PodInitializing') });
    b.container(
      3,
      'p',
      'proxy',
      { state: running(1), started: true, ready: true, restartCount: 0 },
      'sidecar',
    );
    b.condition(3, 'p', 'Initialized', 'True');
    b.container(4, 'p', 'app', { state: running(4), ready: true, started: true });
    b.phase(4, 'p', 'Running');
    b.deleting(10, 'p', 30);
    b.deleted(20, 'p');
    const idx = createTraceIndex(b.build());
    expect(getPodRows(idx, 1)[0]).toMatchObject({ ready: '0/2', status: 'Init:0/1' });
    expect(getPodRows(idx, 3)[0]).toMatchObject({ ready: '1/2', status: 'PodInitializing' });
    expect(getPodRows(idx, 4)[0]).toMatchObject({ ready: '2/2', status: 'Running' });
    expect(getPodRows(idx, 10)[0]).toMatchObject({ ready: '2/2', status: 'Terminating' });
    expect(getPodRows(idx, 20)).toEqual([]);
    expect(formatPodsTable([])).toBe('No resources found in default namespace.\n');
  });

  it('lets status.reason win (DeadlineExceeded) and SchedulingGated', () => {
    const b = new TraceBuilder().pod('p', { containers: [{ name: 'a', image: 'busybox' }] });
    b.condition(0, 'p', 'PodScheduled', 'False', 'SchedulingGated');
    b.condition(5, 'p', 'PodScheduled', 'True');
    b.container(6, 'p', 'a', { state: running(6), ready: true });
    b.phase(9, 'p', 'Failed', 'DeadlineExceeded');
    expect(status(b, 1)).toBe('SchedulingGated');
    expect(status(b, 9)).toBe('DeadlineExceeded');
  });
});

describe('getWatchRows splits writes that share a second (pod-level R8.3)', () => {
  it('shows Terminating from the API server, then the kubelet’s Completed, both at t', () => {
    const b = new TraceBuilder().pod('web', { containers: [{ name: 'nginx', image: 'nginx' }] });
    b.container(0, 'web', 'nginx', { state: waiting('ContainerCreating') });
    b.container(2, 'web', 'nginx', { state: running(2), ready: true });
    b.phase(2, 'web', 'Running');
    b.deleting(60, 'web', 30);
    b.container(60, 'web', 'nginx', { state: terminated(0, 'Completed', 2, 60) });
    b.phase(60, 'web', 'Succeeded');
    b.deleted(61, 'web');
    const rows = getWatchRows(createTraceIndex(b.build())).map((r) => [r.t, r.ready, r.status]);
    expect(rows).toEqual([
      [0, '0/1', 'Pending'],
      [0, '0/1', 'ContainerCreating'],
      [2, '1/1', 'Running'],
      [60, '1/1', 'Terminating'],
      [60, '0/1', 'Completed'],
    ]);
  });
});
