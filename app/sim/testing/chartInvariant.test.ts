import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../trace/types.ts';
import { chartMismatches } from './chartInvariant.ts';

const waiting = (reason: string) => ({
  name: 'c',
  image: 'busybox',
  ready: false,
  restartCount: 1,
  state: { waiting: { reason } },
});

describe('chartMismatches', () => {
  const base: TraceRecord[] = [
    {
      t: 0,
      type: 'machine',
      actor: 'pod/p',
      namespace: 'default',
      state: 'worker.syncing.started,sandbox.ready,phase.running',
    },
    {
      t: 0,
      type: 'pod.phase',
      pod: 'p',
      namespace: 'default',
      phase: 'Running',
      cause: { message: '' },
    },
  ];
  const rows: [string, TraceRecord[], number][] = [
    [
      'a chart in CrashLoopBackOff while the status says so',
      [
        ...base,
        {
          t: 3,
          type: 'container.status',
          pod: 'p',
          namespace: 'default',
          container: 'c',
          kind: 'regular',
          status: waiting('CrashLoopBackOff'),
        },
        {
          t: 3,
          type: 'machine',
          actor: 'pod/p/c',
          namespace: 'default',
          state: 'waiting.crashLoopBackOff',
        },
      ],
      0,
    ],
    [
      'a chart still running while the status says CrashLoopBackOff (example 19 before)',
      [
        ...base,
        {
          t: 3,
          type: 'container.status',
          pod: 'p',
          namespace: 'default',
          container: 'c',
          kind: 'regular',
          status: waiting('CrashLoopBackOff'),
        },
        {
          t: 3,
          type: 'machine',
          actor: 'pod/p/c',
          namespace: 'default',
          state: 'running.readiness.ready,running.liveness.healthy',
        },
      ],
      1,
    ],
    [
      'a pod chart whose phase region lags the phase',
      [
        ...base,
        {
          t: 5,
          type: 'pod.phase',
          pod: 'p',
          namespace: 'default',
          phase: 'Failed',
          cause: { message: '' },
        },
      ],
      1,
    ],
  ];
  it.each(rows)('%s', (_n, trace, count) => {
    expect(chartMismatches(trace)).toHaveLength(count);
  });
});
