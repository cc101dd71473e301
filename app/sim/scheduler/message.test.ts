import { describe, expect, it } from 'vitest';
import { fitErrorMessage, histogram, truncateMessage } from './message.ts';
import type { Rejection } from './types.ts';

const U = (r: string): Rejection => ({ plugin: 'X', code: 'U', reasons: [r] });
const S = (...r: string[]): Rejection => ({ plugin: 'NodeResourcesFit', code: 'S', reasons: r });
const AFF = "node(s) didn't match Pod's node affinity/selector";

describe('FitError message (1.34)', () => {
  it.each<[string, number, Rejection[], string]>([
    [
      'the issue example: 3 nodes',
      3,
      [S('Insufficient cpu'), U(AFF), U(AFF)],
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    ],
    [
      'one node, selector',
      1,
      [U(AFF)],
      "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    ],
    [
      'one node, short of cpu',
      1,
      [S('Insufficient cpu')],
      '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    ],
    [
      'several reasons of one node all count',
      2,
      [S('Insufficient cpu', 'Insufficient memory'), S('Insufficient memory')],
      '0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    ],
    [
      'reference example: cordoned, tainted, short (1.34.0 taint wording)',
      3,
      [
        U('node(s) were unschedulable'),
        U('node(s) had untolerated taint {dedicated: gpu}'),
        S('Insufficient cpu'),
      ],
      '0/3 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    ],
    ['no nodes', 0, [], 'no nodes available to schedule pods'],
  ])('%s', (_n, nodes, rej, want) => {
    expect(fitErrorMessage(nodes, rej)).toBe(want);
  });

  it('sorts entries as strings: 10 before 2, upper case before node(s)', () => {
    const reasons = [
      ...Array<string>(10).fill('node(s) b'),
      'node(s) a',
      'node(s) a',
      'Too many pods',
    ];
    expect(histogram(reasons)).toBe('1 Too many pods, 10 node(s) b, 2 node(s) a');
  });

  it('without DRA (before 1.34) there is no claims clause', () => {
    expect(fitErrorMessage(1, [U(AFF)], { dra: false })).toBe(
      "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    );
  });

  it('truncates event notes to 1024 bytes ending in " ..."', () => {
    const long = 'x'.repeat(2000);
    const cut = truncateMessage(long);
    expect(cut.length).toBe(1024);
    expect(cut.endsWith('x ...')).toBe(true);
    expect(truncateMessage('short')).toBe('short');
  });
});
