import { describe, expect, it } from 'vitest';
import { expandTrace } from '../../sim/trace/expand.ts';
import { simulateText } from '../../sim/index.ts';
import { TWO_WEBS } from '../../sim/testing/twoWebs.ts';
import { largeFixture, livenessFixture } from '../fixture/fixtureTrace.ts';
import { buildTimeline, markCause, markMessage, probeStreak, stepFrom } from './model.ts';

describe('buildTimeline', () => {
  const fixture = livenessFixture(120);
  const model = buildTimeline(fixture);
  const pod = model.groups.find((g) => g.id === 'pod/liveness-exec');

  it('has one group per pod and per Service', () => {
    expect(model.groups.map((g) => g.id)).toEqual(['pod/liveness-exec', 'svc/liveness-svc']);
  });

  it('orders rows: phase, conditions in API order, container, its probes', () => {
    expect(pod?.rows.map((r) => r.label)).toEqual([
      'phase',
      'PodScheduled',
      'PodReadyToStartContainers',
      'Initialized',
      'ContainersReady',
      'Ready',
      'liveness',
      'probes',
    ]);
  });

  it('merges repeated states and closes the last interval at until', () => {
    const phase = pod?.rows[0];
    expect(phase?.segments.map((s) => [s.start, s.end, s.label])).toEqual([
      [0, 2, 'Pending'],
      [2, 120, 'Running'],
    ]);
  });

  it('builds container intervals with reasons and restart marks with the running count', () => {
    const c = pod?.rows.find((r) => r.kind === 'container');
    expect(c?.segments.map((s) => [s.start, s.end, s.label])).toEqual([
      [0, 2, 'ContainerCreating'],
      [2, 73, 'Running'],
      [73, 120, 'Running'],
    ]);
    const restart = c?.marks.find((m) => m.kind === 'restart');
    expect(restart).toMatchObject({ t: 73, label: '↻1' });
    const term = c?.marks.find((m) => m.kind === 'sigterm');
    const rec = term ? fixture.trace[term.rec] : undefined;
    expect(markCause(rec)?.message).toMatch(/failureThreshold/);
    expect(term && markMessage(rec, term)).toBe('SIGTERM sent to liveness');
  });

  it('puts probe results as ticks in their lane', () => {
    const probes = pod?.rows.find((r) => r.kind === 'probes');
    expect(probes?.lanes).toEqual(['liveness']);
    expect(probes?.marks[0]).toMatchObject({ t: 7, kind: 'probe-ok', lane: 0 });
    expect(probes?.marks.some((m) => m.kind === 'probe-fail')).toBe(true);
  });

  it('tracks endpoint membership per pod', () => {
    const svc = model.groups[1];
    expect(svc?.rows[0]?.label).toBe('liveness-exec');
    expect(svc?.rows[0]?.segments[0]).toMatchObject({ start: 2, label: 'ready' });
  });

  it('steps between event times', () => {
    expect(stepFrom(model.stepTimes, 0, 1)).toBe(1);
    expect(stepFrom(model.stepTimes, 1, -1)).toBe(0);
    expect(stepFrom(model.stepTimes, 0, -1)).toBeUndefined();
  });

  it('handles an hour of 10 containers quickly', () => {
    const big = largeFixture(1, 10, 3600);
    const t0 = performance.now();
    const m = buildTimeline(big);
    const ms = performance.now() - t0;
    expect(m.groups[0]?.rows.filter((r) => r.kind === 'container')).toHaveLength(10);
    expect(ms).toBeLessThan(100);
  });
});

describe('buildTimeline: instances and deletion', () => {
  it('splits a container band per instance and marks the Terminating period', () => {
    const st = (restartCount: number) => ({
      name: 'c',
      image: 'busybox',
      ready: true,
      restartCount,
      state: { running: { startedAt: 0 } },
    });
    const m = buildTimeline({
      until: 100,
      diagnostics: [],
      trace: [
        {
          t: 0,
          type: 'container.status',
          pod: 'p',
          namespace: 'default',
          container: 'c',
          kind: 'regular',
          status: st(0),
        },
        {
          t: 40,
          type: 'container.status',
          pod: 'p',
          namespace: 'default',
          container: 'c',
          kind: 'regular',
          status: st(1),
        },
        {
          t: 60,
          type: 'pod.deleting',
          pod: 'p',
          namespace: 'default',
          deletionTimestamp: 90,
          gracePeriodSeconds: 30,
        },
        { t: 70, type: 'pod.deleted', pod: 'p', namespace: 'default' },
      ],
    });
    const rows = m.groups[0]?.rows ?? [];
    const c = rows.find((r) => r.kind === 'container');
    expect(c?.segments.map((s) => [s.start, s.end])).toEqual([
      [0, 40],
      [40, 70],
    ]);
    expect(rows[0]?.overlays).toMatchObject([{ start: 60, end: 70, label: 'Terminating' }]);
  });
});

describe('buildTimeline: Services', () => {
  it('shows a Service that never had endpoints', () => {
    const m = buildTimeline({
      until: 60,
      diagnostics: [],
      trace: [{ t: 0, type: 'endpoints', service: 'web', namespace: 'default', endpoints: [] }],
    });
    expect(m.groups[0]?.rows.map((r) => r.label)).toEqual(['no endpoints']);
  });
});

describe('probeStreak', () => {
  it('counts attempts in a row with the same result, per container instance', () => {
    const trace = livenessFixture(120).trace;
    const fails = trace.flatMap((r, i) =>
      r.type === 'probe' && r.result === 'failure' ? [i] : [],
    );
    expect(fails.slice(0, 3).map((i) => probeStreak(trace, i))).toEqual([1, 2, 3]);
    const oks = trace.flatMap((r, i) => (r.type === 'probe' && r.result === 'success' ? [i] : []));
    expect(probeStreak(trace, oks[0] ?? -1)).toBe(1);
    expect(probeStreak(trace, oks[2] ?? -1)).toBe(3);
    // After the restart, the count starts again.
    const firstAfterRestart = oks.find((i) => (trace[i]?.t ?? 0) > 73);
    expect(probeStreak(trace, firstAfterRestart ?? -1)).toBe(1);
  });
});

describe('buildTimeline: the same name in two namespaces (issue 13 item 6)', () => {
  // web is healthy in team-a and crash-looping in team-b; the Service web lives in team-a.
  // The page builds its model from the expanded trace (worker/runSimulation.ts).
  const run = simulateText(TWO_WEBS, { until: 120 }).result;
  const model = buildTimeline({ ...run, trace: expandTrace(run.trace) });
  const group = (id: string) => model.groups.find((g) => g.id === id);
  const restarts = (id: string) =>
    group(id)
      ?.rows.find((r) => r.kind === 'container')
      ?.marks.filter((m) => m.kind === 'restart').length;

  it('has a group per pod key, titled NAMESPACE/NAME outside default', () => {
    expect(model.groups.map((g) => [g.id, g.title])).toEqual([
      ['pod/team-a/web', 'pod/team-a/web'],
      ['pod/team-b/web', 'pod/team-b/web'],
      ['svc/team-a/web', 'service/team-a/web'],
    ]);
  });

  it('keeps each pod’s own container band and restarts', () => {
    const band = (id: string) =>
      group(id)
        ?.rows.find((r) => r.kind === 'container')
        ?.segments.map((s) => s.label);
    expect(band('pod/team-a/web')).toEqual(['ContainerCreating', 'Running']);
    expect(restarts('pod/team-a/web')).toBe(0);
    expect(band('pod/team-b/web')).toContain('CrashLoopBackOff');
    expect(restarts('pod/team-b/web')).toBeGreaterThan(2);
  });

  it('the Service’s endpoint row is team-a’s pod only', () => {
    expect(group('svc/team-a/web')?.rows.map((r) => [r.label, r.segments.at(-1)?.label])).toEqual([
      ['web', 'ready'],
    ]);
  });

  it('a pod in default keeps its plain id and title', () => {
    const m = buildTimeline(
      simulateText(TWO_WEBS.replace('namespace: team-b, ', ''), { until: 30 }).result,
    );
    expect(m.groups.map((g) => g.title)).toEqual([
      'pod/team-a/web',
      'pod/web',
      'service/team-a/web',
    ]);
  });
});
