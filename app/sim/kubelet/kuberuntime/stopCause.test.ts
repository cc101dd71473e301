/** The stop signal says why the container was stopped: the cause of the kill, not the grace. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateText } from '../../index.ts';

const example = (name: string) =>
  readFileSync(new URL(`../../../scenario/examples/${name}.yaml`, import.meta.url), 'utf8');

describe('signal causes', () => {
  const { result } = simulateText(example('13-liveness-exec'), { until: 80 });
  const signals = result.trace.filter((r) => r.type === 'signal');

  it('a liveness SIGTERM points at the probe and starts from it', () => {
    const term = signals.find((r) => r.signal === 'SIGTERM');
    expect(term?.cause?.field?.path).toBe('spec.containers[0].livenessProbe.failureThreshold');
    expect(term?.cause?.message).toBe(
      "livenessProbe failed 3 times in a row (failureThreshold 3) → StopContainer: SIGTERM (the image's stop signal), SIGKILL after 30s",
    );
  });

  it('the SIGKILL after the grace points at terminationGracePeriodSeconds', () => {
    const kill = signals.find((r) => r.signal === 'SIGKILL');
    expect(kill?.cause?.field?.path).toBe('spec.terminationGracePeriodSeconds');
  });
});
