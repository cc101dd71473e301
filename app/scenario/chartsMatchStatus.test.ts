/**
 * The statechart view and `kubectl get pods` cannot disagree (issue 9): for every bundled example,
 * at every instant of its trace, each container chart is in the state its container status says and
 * each pod chart's phase is the pod's phase (app/sim/testing/chartInvariant.ts).
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../sim/index.ts';
import { chartMismatches } from '../sim/testing/chartInvariant.ts';
import { EXAMPLES } from './examples.ts';

describe('charts match the API status in every example', () => {
  it.each(EXAMPLES.map((e) => [e.fileName, e.yaml] as const))('%s', (_name, yaml) => {
    const { result } = simulateText(yaml);
    expect(result.trace.some((r) => r.type === 'machine')).toBe(true);
    expect(chartMismatches(result.trace)).toEqual([]);
  });
});
