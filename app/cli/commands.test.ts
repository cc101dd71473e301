import { describe, expect, it } from 'vitest';
import { livenessExecTrace } from '../sim/trace/fixtures.ts';
import { createTraceIndex } from '../sim/trace/index.ts';
import { TraceBuilder, running } from '../sim/trace/traceBuilder.ts';
import { getEndpointsCommand, getEndpointSlicesCommand, getPods } from './commands/get.ts';
import { logsCommand } from './commands/logs.ts';
import { runCommand } from './commands/run.ts';

describe('podsim commands on a hand-built G4 trace', () => {
  const result = livenessExecTrace(500);
  const idx = createTraceIndex(result);

  it('run prints get -w rows with a right-aligned time column', () => {
    const lines = runCommand(result, idx, false).split('\n');
    // Rows stream through kubectl's width-remembering tabwriter: earlier rows keep their widths.
    expect(lines.slice(0, 5)).toEqual([
      '     T  NAME            READY   STATUS    RESTARTS   AGE',
      '    0s  liveness-exec   0/1     Pending   0          0s',
      '    0s  liveness-exec   0/1     ContainerCreating   0          0s',
      '    2s  liveness-exec   1/1     Running             0          2s',
      '   77s  liveness-exec   1/1     Running             1 (0s ago)   77s',
    ]);
    expect(lines[9]).toBe('  452s  liveness-exec   0/1     CrashLoopBackOff    5 (0s ago)   7m32s');
  });

  it('run --json is the podsim document', () => {
    const json = JSON.parse(runCommand(result, idx, true)) as {
      until: number;
      pods: Record<string, unknown>;
    };
    expect(json.until).toBe(500);
    expect(Object.keys(json.pods)).toEqual(['liveness-exec']);
  });

  it('get pods: table, NotFound, yaml list', () => {
    expect(getPods(idx, 45, undefined, undefined).stdout).toBe(
      'NAME            READY   STATUS    RESTARTS   AGE\nliveness-exec   1/1     Running   0          45s\n',
    );
    expect(getPods(idx, 45, 'nope', undefined)).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      code: 1,
    });
    expect(getPods(idx, 45, undefined, 'yaml').stdout).toMatch(
      /^apiVersion: v1\nitems:\n- apiVersion: v1\n/,
    );
  });

  it('logs defaults to the first container and says so when there are several', () => {
    const b = new TraceBuilder().pod('p', {
      initContainers: [{ name: 'init', image: 'busybox' }],
      containers: [
        { name: 'app', image: 'busybox' },
        { name: 'side', image: 'busybox' },
      ],
    });
    b.container(1, 'p', 'app', { state: running(1) }).log(2, 'p', 'app', 0, 'hello');
    const out = logsCommand(createTraceIndex(b.build()), 5, 'p', undefined, false);
    expect(out).toEqual({
      stdout: 'hello\n',
      stderr: 'Defaulted container "app" out of: app, side, init (init)\n',
      code: 0,
    });
  });
});

describe('podsim get endpointslices / endpoints', () => {
  const b = new TraceBuilder()
    .pod('web', { containers: [{ name: 'nginx', image: 'nginx' }] }, { labels: { app: 'web' } })
    .service('svc', { app: 'web' }, 80);
  b.started('web', ['nginx']);
  b.endpoints(2, 'svc', [
    { pod: 'web', ip: '10.244.0.5', ready: true, serving: true, terminating: false },
  ]);
  const idx = createTraceIndex(b.build());

  it('-o wide adds one line per endpoint with its conditions', () => {
    const out = getEndpointSlicesCommand(idx, 5, 'wide').stdout.split('\n');
    expect(out[0]).toMatch(/^NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE$/);
    expect(out[1]).toMatch(/^svc-\w{5}\s+IPv4\s+80\s+10\.244\.0\.5\s+5s$/);
    expect(out[4]).toMatch(/^svc-\w{5}\s+web\s+10\.244\.0\.5\s+true\s+true\s+false\s+node-1$/);
    expect(getEndpointsCommand(idx, 5).stdout).toBe(
      'NAME   ENDPOINTS       AGE\nsvc    10.244.0.5:80   5s\n',
    );
  });
});
