/**
 * Table-driven: probe type × restart policy with a probe that always fails (house-style §11.6).
 */
import { describe, expect, it } from 'vitest';
import type { Probe } from '../../k8s/types.ts';
import { container, pod, run } from '../testing/scenario.ts';

const failing: Probe = { exec: { command: ['false'] }, periodSeconds: 10, failureThreshold: 3 };
const types = ['liveness', 'readiness', 'startup'] as const;
const policies = ['Always', 'OnFailure', 'Never'] as const;

describe.each(types)('%s probe that always fails', (type) => {
  it.each(policies)('restartPolicy %s', (policy) => {
    const q = run(
      [
        pod('p', {
          restartPolicy: policy,
          containers: [container('c', { [`${type}Probe`]: failing })],
        }),
      ],
      {
        behaviours: { c: { exec: () => ({ exitCode: 1, output: 'nope' }), onTerm: { after: 0 } } },
        until: 200,
      },
    );
    const kills = q.eventTimes('p', 'Killing');
    const starts = q.eventTimes('p', 'Started');
    if (type === 'readiness') {
      // R3.7: readiness never restarts anything; the pod stays Running and NotReady.
      expect(kills).toEqual([]);
      expect(starts).toEqual([1]);
      expect(q.phases('p').at(-1)).toEqual([2, 'Running']);
      expect(q.condition('p', 'Ready').every(([, s]) => s === 'False')).toBe(true);
      return;
    }
    // liveness / startup: the third failure (ticks 10, 20, 30) kills at 30 (SIGTERM → exit 143)
    expect(kills[0]).toBe(30);
    const message = q.events('p', 'Killing')[0]!.message;
    if (policy === 'Never') {
      expect(message).toBe('Stopping container c'); // KillPod: nothing keeps running
      expect(starts).toEqual([1]);
      expect(q.phases('p').at(-1)).toEqual([31, 'Failed']);
    } else {
      expect(message).toBe(`Container c failed ${type} probe, will be restarted`);
      expect(starts.slice(0, 2)).toEqual([1, 30]); // R6.8: restarted in the same sync
      expect(q.phases('p').at(-1)?.[1]).toBe('Running');
    }
  });
});
