import { describe, expect, it } from 'vitest';
import { schedulePod } from './schedulePod.ts';
import {
  affinityScore,
  leastAllocatedScore,
  normalize,
  scoreNodes,
  selectHost,
  taintScore,
} from './score.ts';
import { info, node, pod, requesting, taint } from './testNodes.ts';

describe('scores', () => {
  it.each<[string, number[], boolean, number[]]>([
    ['all zero, reversed', [0, 0], true, [100, 100]],
    ['all zero', [0, 0], false, [0, 0]],
    ['scaled to the max', [1, 3], false, [33, 100]],
    ['reversed', [1, 2], true, [50, 0]],
  ])('normalize: %s', (_n, raw, reverse, want) => {
    expect(normalize(raw, reverse)).toEqual(want);
  });

  it('least allocated counts 100m / 200Mi for containers without requests', () => {
    // cpu (4000−100)·100/4000 = 97; memory (8Gi−200Mi)·100/8Gi = 97
    expect(leastAllocatedScore(pod('a'), info(node('n')))).toBe(97);
    // cpu (4000−2100)·100/4000 = 47; memory (8Gi−400Mi)·100/8Gi = 95 (b has no memory request) → 71
    expect(
      leastAllocatedScore(pod('a'), info(node('n'), [pod('b', { containers: [requesting('2')] })])),
    ).toBe(71);
  });

  it('PreferNoSchedule taints count unless tolerated', () => {
    const n = info(node('n', { taints: [taint('a', 'b', 'PreferNoSchedule')] }));
    expect(taintScore(pod('p'), n)).toBe(1);
    expect(taintScore(pod('p', { tolerations: [{ key: 'a', operator: 'Exists' }] }), n)).toBe(0);
  });

  it('preferred affinity sums matching weights', () => {
    const p = pod('p', {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 5,
              preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
            },
            { weight: 2, preference: { matchExpressions: [{ key: 'disk', operator: 'Exists' }] } },
          ],
        },
      },
    });
    expect(affinityScore(p, info(node('n', { labels: { zone: 'a', disk: 'ssd' } })))).toBe(7);
  });

  it('ties go to the lowest node name', () => {
    expect(
      selectHost([
        { name: 'node-2', total: 5 },
        { name: 'node-1', total: 5 },
      ]),
    ).toBe('node-1');
    expect(
      selectHost([
        { name: 'node-1', total: 4 },
        { name: 'node-2', total: 5 },
      ]),
    ).toBe('node-2');
  });

  it('places identical pods on the emptier node', () => {
    const busy = info(node('node-1'), [pod('a', { containers: [requesting('1')] })]);
    const empty = info(node('node-2'));
    expect(schedulePod(pod('p', { containers: [requesting('1')] }), [busy, empty])).toEqual({
      node: 'node-2',
    });
    const s = scoreNodes(pod('p'), [busy, empty]);
    expect(s[1]!.total).toBeGreaterThan(s[0]!.total);
  });

  it('a node with an untolerated PreferNoSchedule taint loses', () => {
    const tainted = info(node('node-1', { taints: [taint('a', 'b', 'PreferNoSchedule')] }));
    expect(schedulePod(pod('p'), [tainted, info(node('node-2'))])).toEqual({ node: 'node-2' });
  });
});
