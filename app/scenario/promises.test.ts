import { describe, expect, it } from 'vitest';
import { parsePromise, type ExamplePromise } from './promises.ts';
import { checkPromise, getSeries, valueAt } from './checkPromise.ts';
import { toPodsimJson, type PodsimJson } from '../sim/trace/index.ts';
import { simulateText } from '../sim/index.ts';
import { TWO_WEBS } from '../sim/testing/twoWebs.ts';
import { parseDuration } from '../k8s/duration.ts';
import { formatDuration } from './duration.ts';

const promise = (line: string): ExamplePromise => {
  const r = parsePromise(line);
  if (!r.ok) throw new Error(r.error);
  return r.promise;
};

/** A hand-written run: T1's first restart, plus a Service. */
const RUN: PodsimJson = {
  until: 600,
  pods: {
    'liveness-exec': {
      rows: [
        { t: 0, ready: '0/1', status: 'Pending', restarts: 0 },
        { t: 0, ready: '0/1', status: 'ContainerCreating', restarts: 0 },
        { t: 2, ready: '1/1', status: 'Running', restarts: 0 },
        { t: 75, ready: '1/1', status: 'Running', restarts: 1 },
      ],
      phase: [
        { t: 0, value: 'Pending' },
        { t: 2, value: 'Running' },
      ],
      conditions: {
        Ready: [
          { t: 0, status: 'False' },
          { t: 2, status: 'True' },
        ],
      },
      containers: {
        liveness: {
          state: [
            { t: 0, state: 'waiting', reason: 'ContainerCreating' },
            { t: 2, state: 'running' },
          ],
          ready: [{ t: 2, value: true }],
          started: [{ t: 2, value: true }],
          restartCount: [
            { t: 0, value: 0 },
            { t: 75, value: 1 },
          ],
        },
      },
    },
  },
  endpoints: {
    svc: [
      { t: 1, ready: [], serving: [], terminating: [] },
      { t: 2, ready: ['liveness-exec'], serving: ['liveness-exec'], terminating: [] },
    ],
  },
  events: [
    { t: 35, object: 'pod/liveness-exec', type: 'Warning', reason: 'Unhealthy', message: 'x' },
    { t: 45, object: 'pod/liveness-exec', type: 'Normal', reason: 'Killing', message: 'y' },
  ],
  diagnostics: [],
};

describe('durations', () => {
  it('parses and formats', () => {
    expect(parseDuration('75s')).toBe(75);
    expect(parseDuration('1m30s')).toBe(90);
    expect(parseDuration('2m')).toBe(120);
    expect(parseDuration('7.5s')).toBe(7.5);
    expect(parseDuration('1h')).toBe(3600);
    expect(parseDuration('40')).toBe(40);
    expect(parseDuration('500ms')).toBe(0.5);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('5x')).toBeUndefined();
    expect(formatDuration(45)).toBe('45s');
    expect(formatDuration(90)).toBe('1m30s');
    expect(formatDuration(120)).toBe('2m');
  });
});

describe('parsePromise', () => {
  it('reads each form', () => {
    expect(promise('at 75s pod liveness-exec restarts is 1')).toMatchObject({
      kind: 'at',
      at: 75,
      value: '1',
      subject: { kind: 'pod', pod: 'liveness-exec', field: 'restarts' },
    });
    expect(promise('pod p condition Initialized becomes True between 41s and 43s')).toMatchObject({
      kind: 'becomes',
      from: 41,
      to: 43,
      subject: { kind: 'condition', condition: 'Initialized' },
    });
    expect(promise('pod web status becomes Terminating at 1m')).toMatchObject({ from: 60, to: 60 });
    expect(promise('container web/nginx reason stays none from 2s to 5m')).toMatchObject({
      kind: 'stays',
      subject: { kind: 'container', pod: 'web', container: 'nginx', field: 'reason' },
      to: 300,
    });
    expect(promise('event pod/web Killing first between 44s and 46s')).toMatchObject({
      kind: 'event',
      object: 'pod/web',
      reason: 'Killing',
    });
    expect(promise('event pod/web BackOff never')).toMatchObject({ kind: 'no-event' });
  });

  it('explains what is wrong', () => {
    const bad = (line: string) => {
      const r = parsePromise(line);
      return r.ok ? '' : r.error;
    };
    expect(bad('at soon pod a ready is 1/1')).toMatch(/"soon" is not a time/);
    expect(bad('at 5s pod a colour is red')).toMatch(/pod field "colour"/);
    expect(bad('at 5s container a ready is true')).toMatch(/not POD\/CONTAINER/);
    expect(bad('pod a ready becomes 1/1 between 9s and 3s')).toMatch(/9s is after 3s/);
    expect(bad('the pod is fine')).toMatch(/expected "at T/);
  });
});

describe('checkPromise', () => {
  const check = (line: string) => checkPromise(RUN, promise(line));

  it('at: the last value at or before T', () => {
    expect(check('at 74s pod liveness-exec restarts is 0')).toEqual({ ok: true });
    expect(check('at 75s pod liveness-exec restarts is 1')).toEqual({ ok: true });
    expect(check('at 1s pod liveness-exec status is ContainerCreating')).toEqual({ ok: true });
    const r = check('at 74s pod liveness-exec restarts is 1');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('it is 0 (series: 0@0s 0@0s 0@2s 1@75s)');
  });

  it('becomes: the first time it takes the value lies in the window', () => {
    expect(check('pod liveness-exec restarts becomes 1 between 75s and 76s')).toEqual({ ok: true });
    expect(check('pod liveness-exec restarts becomes 1 between 76s and 77s').ok).toBe(false);
    expect(check('pod liveness-exec restarts becomes 2 at 145s').ok).toBe(false);
    expect(check('pod liveness-exec phase becomes Running at 2s')).toEqual({ ok: true });
    expect(check('pod liveness-exec condition Ready becomes True at 2s')).toEqual({ ok: true });
  });

  it('stays: no other value inside the window', () => {
    expect(check('pod liveness-exec ready stays 1/1 from 2s to 10m')).toEqual({ ok: true });
    expect(check('pod liveness-exec restarts stays 0 from 2s to 74s')).toEqual({ ok: true });
    expect(check('pod liveness-exec restarts stays 0 from 2s to 75s').ok).toBe(false);
    expect(check('pod liveness-exec restarts stays 1 from 2s to 75s').ok).toBe(false);
  });

  it('containers, services and events', () => {
    expect(check('at 3s container liveness-exec/liveness state is running')).toEqual({ ok: true });
    expect(check('at 1s container liveness-exec/liveness reason is ContainerCreating')).toEqual({
      ok: true,
    });
    expect(check('at 3s container liveness-exec/liveness reason is none')).toEqual({ ok: true });
    expect(check('at 80s container liveness-exec/liveness restarts is 1')).toEqual({ ok: true });
    expect(check('service svc ready becomes liveness-exec at 2s')).toEqual({ ok: true });
    expect(check('at 1s service svc ready is none')).toEqual({ ok: true });
    expect(check('at 1s service other ready is none')).toEqual({ ok: true });
    expect(check('event pod/liveness-exec Killing first at 45s')).toEqual({ ok: true });
    expect(check('event pod/liveness-exec Unhealthy first between 36s and 40s').ok).toBe(false);
    expect(check('event pod/liveness-exec BackOff never')).toEqual({ ok: true });
    expect(check('event pod/liveness-exec Killing never').ok).toBe(false);
  });

  it('names a missing pod or container', () => {
    const r = check('at 1s pod nope ready is 0/1');
    expect(!r.ok && r.message).toContain('pod nope is not in the run (pods: liveness-exec)');
    expect(
      getSeries(RUN, { kind: 'container', pod: 'liveness-exec', container: 'x', field: 'state' }),
    ).toBe('container liveness-exec/x is not in the run');
    expect(valueAt([], 5)).toBe('<none>');
  });
});

describe('promises about pods outside default name them NAMESPACE/NAME', () => {
  const json = toPodsimJson(simulateText(TWO_WEBS, { until: 120 }).result);
  it.each([
    ['pod team-a/web restarts stays 0 from 0s to 2m', true],
    ['pod team-b/web status becomes CrashLoopBackOff between 0s and 1m', true],
    ['container team-b/web/app state becomes terminated between 0s and 10s', true],
    ['container team-a/web/app state stays running from 10s to 2m', true],
    ['event pod/team-b/web BackOff first between 0s and 1m', true],
    ['event pod/team-a/web BackOff never', true],
    ['event pod/web BackOff never', true],
    ['service team-a/web ready becomes web between 0s and 10s', true],
    ['pod web restarts stays 0 from 0s to 2m', false],
    ['event pod/team-a/web BackOff first between 0s and 2m', false],
  ])('%s → %s', (line, ok) => {
    expect(checkPromise(json, promise(line)).ok).toBe(ok);
  });

  it('a container subject has at most a namespace, a pod and a container', () => {
    expect(parsePromise('at 5s container a/b/c/d ready is true')).toEqual({
      ok: false,
      error:
        'expect "at 5s container a/b/c/d ready is true": container "a/b/c/d" is not POD/CONTAINER or NAMESPACE/POD/CONTAINER',
    });
  });
});

describe('node promises', () => {
  const base = RUN.pods['liveness-exec'];
  if (!base) throw new Error('fixture lacks liveness-exec');
  const withNode = (node: { t: number; value: string }[]): PodsimJson => ({
    ...RUN,
    pods: {
      late: { ...base, rows: [{ t: 0, ready: '0/1', status: 'Pending', restarts: 0 }], node },
    },
  });

  it.each<[string, { t: number; value: string }[], string, boolean]>([
    ['bound at creation', [{ t: 0, value: 'node-2' }], 'at 0s pod late node is node-2', true],
    ['none before a late bind', [{ t: 20, value: 'node-1' }], 'at 10s pod late node is none', true],
    [
      'becomes at the bind',
      [{ t: 20, value: 'node-1' }],
      'pod late node becomes node-1 at 20s',
      true,
    ],
    ['never bound', [], 'pod late node stays none from 0s to 1m', true],
    ['wrong node', [{ t: 0, value: 'node-2' }], 'at 5s pod late node is node-1', false],
  ])('%s', (_n, node, line, ok) => {
    expect(checkPromise(withNode(node), promise(line)).ok).toBe(ok);
  });

  it('asks for declared nodes when the run has no node series', () => {
    const r = checkPromise(RUN, promise('at 5s pod liveness-exec node is node-1'));
    expect(!r.ok && r.message).toContain('give the scenario Node documents or spec.nodes');
  });
});
