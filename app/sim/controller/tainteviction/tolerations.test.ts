import { describe, expect, it } from 'vitest';
import type { Toleration } from 'kubernetes-types/core/v1';
import { matchingTolerations, minTolerationMs } from './tolerations.ts';

const UNREACHABLE = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const tol = (seconds?: number, key = UNREACHABLE.key): Toleration => ({
  key,
  operator: 'Exists',
  effect: 'NoExecute',
  ...(seconds !== undefined ? { tolerationSeconds: seconds } : {}),
});

describe('getMinTolerationTime', () => {
  it.each([
    ['none', [], 0],
    ['300 s', [tol(300)], 300_000],
    ['the smallest', [tol(300), tol(30)], 30_000],
    ['0 wins', [tol(300), tol(0)], 0],
    ['negative is now', [tol(-5)], 0],
    ['unset everywhere: forever', [tol()], -1],
    ['unset and 60 s: 60 s', [tol(), tol(60)], 60_000],
  ])('%s', (_n, tols, ms) => {
    expect(minTolerationMs(tols)).toBe(ms);
  });
});

describe('GetMatchingTolerations', () => {
  it.each([
    ['no taints', [], [tol(1)], true, 0],
    ['tolerated', [UNREACHABLE], [tol(300)], true, 1],
    ['another key', [UNREACHABLE], [tol(300, 'other')], false, 0],
    [
      'Exists everything',
      [UNREACHABLE, { key: 'x', effect: 'NoExecute' }],
      [{ operator: 'Exists' }],
      true,
      2,
    ],
    ['one of two', [UNREACHABLE, { key: 'x', effect: 'NoExecute' }], [tol(300)], false, 0],
  ] as const)('%s', (_n, taints, tols, all, used) => {
    const r = matchingTolerations(taints, tols as readonly Toleration[]);
    expect(r.all).toBe(all);
    expect(r.used.length).toBe(used);
  });
});
