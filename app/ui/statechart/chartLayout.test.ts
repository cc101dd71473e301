import { describe, expect, it } from 'vitest';
import { activeTransitions, isActive, layoutChart } from './chartLayout.ts';

const cfg = {
  initial: 'waiting',
  states: {
    waiting: {
      initial: 'pending',
      states: { pending: { on: { pull: 'crashLoopBackOff' } }, crashLoopBackOff: {} },
      on: {
        'container.started': [{ guard: 'hasPostStart', target: 'running' }, { target: 'running' }],
      },
    },
    running: {
      type: 'parallel',
      states: {
        startup: { states: { unknown: {}, success: {} } },
        liveness: { states: { healthy: {} } },
      },
    },
    terminated: { type: 'final' },
  },
};

describe('layoutChart', () => {
  it('nests boxes with paths, kinds and the initial flag', () => {
    const root = layoutChart('container', cfg);
    expect(root.children.map((c) => [c.path, c.kind, c.initial])).toEqual([
      ['waiting', 'compound', true],
      ['running', 'parallel', false],
      ['terminated', 'final', false],
    ]);
    const running = root.children[1];
    expect(running?.children[0]?.path).toBe('running.startup');
    expect(running?.children[1]?.y).toBeGreaterThan(running?.children[0]?.y ?? 0);
  });
  it('wraps children that do not fit', () => {
    const root = layoutChart('container', cfg, 200);
    const ys = root.children.map((c) => c.y);
    expect(new Set(ys).size).toBeGreaterThan(1);
  });
  it('marks active paths, including parallel leaves', () => {
    const s = 'running.startup.success,running.liveness.healthy';
    expect(isActive('running', s)).toBe(true);
    expect(isActive('running.startup.success', s)).toBe(true);
    expect(isActive('running.startup.unknown', s)).toBe(false);
    expect(isActive('waiting', s)).toBe(false);
  });
});

describe('activeTransitions', () => {
  it('lists the events of the active states and their ancestors', () => {
    expect(activeTransitions(cfg, 'waiting.pending')).toEqual([
      { from: 'waiting', event: 'container.started', target: 'running', guard: 'hasPostStart' },
      { from: 'waiting', event: 'container.started', target: 'running' },
      { from: 'waiting.pending', event: 'pull', target: 'crashLoopBackOff' },
    ]);
    expect(activeTransitions(cfg, 'terminated')).toEqual([]);
  });
});
