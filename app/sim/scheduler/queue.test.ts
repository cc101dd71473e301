import { describe, expect, it } from 'vitest';
import { SimClock } from '../clock/simClock.ts';
import { DEFAULT_QUEUE_OPTIONS, SchedulingQueue, type ClusterEvent } from './queue.ts';

const FIT = new Set(['NodeResourcesFit']);
const AFFINITY = new Set(['NodeAffinity']);

/** A queue whose pod fails until `fitsFrom`, recording the attempt times in seconds. */
function harness(rejectedBy: ReadonlySet<string>, fitsFrom = Infinity, popFromBackoffQ = true) {
  const clock = new SimClock();
  const attempts: number[] = [];
  const q = new SchedulingQueue(
    clock,
    () => {
      attempts.push(clock.now() / 1000);
      return clock.now() >= fitsFrom ? undefined : rejectedBy;
    },
    { ...DEFAULT_QUEUE_OPTIONS, popFromBackoffQ },
  );
  return { clock, q, attempts };
}

describe('scheduling queue', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [5, 10_000],
    [9, 10_000],
  ])('backoff after %i attempts is %i ms', (n, ms) => {
    expect(harness(FIT).q.backoffMs(n)).toBe(ms);
  });

  it('without cluster events retries only after more than 5 min in the pool (30 s flush ticks)', () => {
    const { clock, q, attempts } = harness(FIT);
    clock.at(0, () => q.add('default/web'));
    clock.runUntil(700_000);
    expect(attempts).toEqual([0, 330, 660]);
  });

  it.each<[string, ClusterEvent, ReadonlySet<string>, number[]]>([
    ['a deleted pod frees resources', 'AssignedPodDelete', FIT, [0, 20]],
    ['a deleted pod cannot help a selector', 'AssignedPodDelete', AFFINITY, [0]],
    ['a new node may match a selector', 'NodeAdd', AFFINITY, [0, 20]],
  ])('%s', (_n, event, plugins, want) => {
    const { clock, q, attempts } = harness(plugins);
    clock.at(0, () => q.add('default/web'));
    clock.at(20_000, () => q.clusterEvent(event));
    clock.runUntil(60_000);
    expect(attempts).toEqual(want);
  });

  it('an idle scheduler pops a released pod from backoffQ at once (1.33+)', () => {
    const { clock, q, attempts } = harness(FIT, 500);
    clock.at(0, () => q.add('default/web'));
    clock.at(500, () => q.clusterEvent('NodeAdd'));
    clock.runUntil(5000);
    expect(attempts).toEqual([0, 0.5]);
  });

  it('without pop-from-backoffQ the pod waits for its backoff, flushed on whole seconds', () => {
    const { clock, q, attempts } = harness(FIT, 1000, false);
    clock.at(0, () => q.add('default/web'));
    clock.at(500, () => q.clusterEvent('NodeAdd'));
    clock.runUntil(5000);
    expect(attempts).toEqual([0, 1]);
  });

  it('a second failure doubles the backoff', () => {
    const { clock, q, attempts } = harness(FIT, Infinity, false);
    clock.at(0, () => q.add('default/web'));
    clock.at(1000, () => q.clusterEvent('NodeAdd')); // backoff 1 s over: retried at 1
    clock.at(1500, () => q.clusterEvent('NodeAdd')); // backoff 2 s from 1: retried at 3
    clock.runUntil(10_000);
    expect(attempts).toEqual([0, 1, 3]);
  });

  it('a removed pod is not retried', () => {
    const { clock, q, attempts } = harness(FIT);
    clock.at(0, () => q.add('default/web'));
    clock.at(10_000, () => q.remove('default/web'));
    clock.at(20_000, () => q.clusterEvent('AssignedPodDelete'));
    clock.runUntil(700_000);
    expect(attempts).toEqual([0]);
  });
});
