import { describe, expect, it } from 'vitest';
import { fixtureEngine } from './fixtureEngine.ts';
import { runCollected } from './runSimulation.ts';

describe('runStreamed', () => {
  it('builds the timeline, hashes the trace and resolves cause fields', () => {
    const outs = runCollected(1, 'periodSeconds: 5', fixtureEngine, () => 0);
    expect(outs).toHaveLength(1);
    const out = outs[0];
    expect(out?.ok).toBe(true);
    expect(out?.partialOf).toBeUndefined();
    expect(out?.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(out?.timeline?.groups.length).toBeGreaterThan(0);
    expect(out?.locations['0:spec.containers[0].livenessProbe']).toBeDefined();
  });

  it('posts a partial result, then the full one, for a long run', () => {
    const outs = runCollected(3, 'until: 3600 periodSeconds: 5', fixtureEngine, () => 0);
    expect(outs.map((o) => [o.id, o.result?.until, o.partialOf])).toEqual([
      [3, 300, 3600],
      [3, 3600, undefined],
    ]);
  });

  it('reports an engine crash as a failed run', () => {
    const outs = runCollected(
      2,
      'x',
      {
        parse: fixtureEngine.parse,
        simulate: () => {
          throw new Error('boom');
        },
      },
      () => 0,
    );
    expect(outs).toHaveLength(1);
    expect(outs[0]).toMatchObject({ ok: false, error: 'boom', result: undefined });
  });
});
