import { describe, expect, it } from 'vitest';
import { fixtureSimulateText } from './fixtureEngine.ts';
import { runSimulation } from './runSimulation.ts';

describe('runSimulation', () => {
  it('builds the timeline, hashes the trace and resolves cause fields', () => {
    const out = runSimulation(1, 'periodSeconds: 5', fixtureSimulateText, () => 0);
    expect(out.ok).toBe(true);
    expect(out.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(out.timeline?.groups.length).toBeGreaterThan(0);
    expect(out.locations['0:spec.containers[0].livenessProbe']).toBeDefined();
  });

  it('reports an engine crash as a failed run', () => {
    const out = runSimulation(
      2,
      'x',
      () => {
        throw new Error('boom');
      },
      () => 0,
    );
    expect(out).toMatchObject({ ok: false, error: 'boom', result: undefined });
  });
});
