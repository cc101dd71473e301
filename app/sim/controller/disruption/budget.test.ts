import { describe, expect, it } from 'vitest';
import { budgetStatus, scaled, selectorEmpty, selectorMatches, type BudgetPod } from './budget.ts';

const pods = (ready: number, unready = 0, controlled = true): BudgetPod[] =>
  Array.from({ length: ready + unready }, (_, i) => ({
    name: `p${i}`,
    labels: { app: 'web' },
    ready: i < ready,
    deleting: false,
    controlled,
  }));

describe('PDB status (getExpectedPodCount, countHealthyPods)', () => {
  it.each([
    ['minAvailable 2 of 3 ready', { minAvailable: 2 }, pods(3), '3 3/2 1'],
    ['minAvailable 2 of 2 ready, 1 unready', { minAvailable: 2 }, pods(2, 1), '3 2/2 0'],
    ['minAvailable 4 of 3', { minAvailable: 4 }, pods(3), '3 3/4 0'],
    ['minAvailable 50% of 3 rounds up to 2', { minAvailable: '50%' }, pods(3), '3 3/2 1'],
    ['maxUnavailable 1 of 3', { maxUnavailable: 1 }, pods(3), '3 3/2 1'],
    ['maxUnavailable 25% of 3 → 1', { maxUnavailable: '25%' }, pods(3), '3 3/2 1'],
    ['maxUnavailable 5 of 3: desired 0', { maxUnavailable: 5 }, pods(3), '3 3/0 3'],
    ['no bound: nothing expected', {}, pods(3), '0 3/0 0'],
    ['no pods', { minAvailable: 1 }, [], '0 0/1 0'],
    [
      'maxUnavailable with bare pods: failSafe',
      { maxUnavailable: 1 },
      pods(3, 0, false),
      '0 3/0 0 failed',
    ],
    [
      'integer minAvailable with bare pods works',
      { minAvailable: 1 },
      pods(3, 0, false),
      '3 3/1 2',
    ],
  ])('%s', (_n, spec, list, want) => {
    const s = budgetStatus(spec, list, new Set());
    const got = `${s.expectedPods} ${s.currentHealthy}/${s.desiredHealthy} ${s.disruptionsAllowed}${s.syncFailed ? ' failed' : ''}`;
    expect(got).toBe(want);
  });

  it('disruptedPods and deleting pods are not healthy', () => {
    const list = pods(3);
    list[0]!.deleting = true;
    expect(budgetStatus({ minAvailable: 1 }, list, new Set(['p1'])).currentHealthy).toBe(1);
  });

  it('selectors: nil nothing, {} everything (not for eviction), expressions', () => {
    expect(selectorMatches(undefined, { a: '1' })).toBe(false);
    expect(selectorMatches({}, { a: '1' })).toBe(true);
    expect(selectorEmpty({})).toBe(true);
    expect(
      selectorMatches(
        { matchExpressions: [{ key: 'a', operator: 'In', values: ['1'] }] },
        { a: '1' },
      ),
    ).toBe(true);
    expect(
      selectorMatches(
        { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }] },
        { a: '1' },
      ),
    ).toBe(false);
    expect(
      selectorMatches({ matchExpressions: [{ key: 'b', operator: 'DoesNotExist' }] }, { a: '1' }),
    ).toBe(true);
    expect(scaled('10%', 3)).toBe(1);
  });
});
