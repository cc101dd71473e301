import { describe, expect, it } from 'vitest';
import {
  comparePodsForDeletion,
  computeHash,
  generateName,
  getPodsToDelete,
  safeEncodeString,
  slowStartBatch,
} from './controller_utils.ts';
import type { CtlPod } from './types.ts';
import type { DefaultedTemplate } from '../../k8s/types.ts';

const pod = (name: string, o: Partial<CtlPod> = {}): CtlPod => ({
  name,
  namespace: 'default',
  uid: `uid-${name}`,
  labels: {},
  annotations: {},
  node: 'node-1',
  phase: 'Running',
  ready: true,
  readySince: 0,
  restarts: 0,
  creationTimestamp: 0,
  deleting: false,
  ...o,
});

describe('slowStartBatch (replica_set.go)', () => {
  it.each([
    [1, [1]],
    [3, [1, 2]],
    [10, [1, 2, 4, 3]],
    [16, [1, 2, 4, 8, 1]],
    [0, []],
  ])('%i creations go in batches %j', (n, batches) => {
    expect(slowStartBatch(n, 1, () => true)).toEqual({ successes: n, batches });
  });

  it('the first failing batch stops the rest', () => {
    let calls = 0;
    const r = slowStartBatch(10, 1, () => ++calls !== 2);
    expect(r).toEqual({ successes: 2, batches: [1, 2] });
  });
});

describe('ActivePodsWithRanks.Less: which pod goes first', () => {
  it.each<[string, Partial<CtlPod>, Partial<CtlPod>, number, number]>([
    ['unassigned before assigned', { node: undefined as never }, {}, 0, 0],
    ['Pending before Running', { phase: 'Pending' }, {}, 0, 0],
    ['not ready before ready', { ready: false }, {}, 0, 0],
    [
      'lower deletion cost first',
      { annotations: { 'controller.kubernetes.io/pod-deletion-cost': '-5' } },
      {},
      0,
      0,
    ],
    ['higher rank (doubled up) first', {}, {}, 2, 1],
    ['ready for less time first (log buckets)', { readySince: 90 }, { readySince: 10 }, 0, 0],
    ['more restarts first', { restarts: 3 }, {}, 0, 0],
    ['created more recently first', { creationTimestamp: 90 }, { creationTimestamp: 10 }, 0, 0],
  ])('%s', (_n, a, b, ra, rb) => {
    const pa = pod('a', a);
    if ('node' in a && a.node === undefined) delete pa.node;
    const pb = pod('b', b);
    expect(comparePodsForDeletion(pa, ra, pb, rb, 100)).toBeLessThan(0);
    expect(comparePodsForDeletion(pb, rb, pa, ra, 100)).toBeGreaterThan(0);
  });

  it('ages in the same log2 bucket tie, then UID decides', () => {
    // 100 − 60 = 40 s and 100 − 50 = 50 s are both in [2^35, 2^36) ns.
    const a = pod('a', { readySince: 60 });
    const b = pod('b', { readySince: 50 });
    expect(comparePodsForDeletion(a, 0, b, 0, 100)).toBeLessThan(0);
    expect(comparePodsForDeletion(b, 0, a, 0, 100)).toBeGreaterThan(0);
  });

  it('getPodsToDelete ranks by related pods on the same node (C2: o1 shares node-1 with n1)', () => {
    const old = [pod('o1'), pod('o2', { node: 'node-2' }), pod('o3', { node: 'node-3' })];
    const n1 = pod('n1', { readySince: 98 });
    expect(getPodsToDelete(old, [...old, n1], 1, 100).map((p) => p.name)).toEqual(['o1']);
    // Deleting all of them needs no ranking.
    expect(getPodsToDelete(old, old, 3, 100)).toHaveLength(3);
  });
});

describe('names and pod-template-hash (W3.1, W3.3)', () => {
  it('SafeEncodeString maps decimal digits to 4 5 6 7 8 9 b c d f', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('a template hash is digits of a 32-bit number, stable, and changes with the template', () => {
    const t = (image: string): DefaultedTemplate =>
      ({
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'a', image }] },
      }) as DefaultedTemplate;
    const h = computeHash(t('nginx:1.26'));
    expect(h).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash(t('nginx:1.26'))).toBe(h);
    expect(computeHash(t('nginx:1.27'))).not.toBe(h);
    expect(computeHash(t('nginx:1.26'), 1)).not.toBe(h);
  });

  it('generated names: base + 5 characters of the alphabet, deterministic', () => {
    const n = generateName('web-5d9c-', 0);
    expect(n).toMatch(/^web-5d9c-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(generateName('web-5d9c-', 0)).toBe(n);
    expect(generateName('web-5d9c-', 1)).not.toBe(n);
    expect(generateName('x'.repeat(70), 0)).toHaveLength(63);
  });
});
