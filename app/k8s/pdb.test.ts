import { describe, expect, it } from 'vitest';
import { parseScenario } from './parseScenario.ts';

const pdb = (spec: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
${spec}`;

describe('PodDisruptionBudget validation (ValidatePodDisruptionBudgetSpec)', () => {
  it.each([
    ['minAvailable 2', '  minAvailable: 2\n  selector: {matchLabels: {app: web}}\n', []],
    ['maxUnavailable 25%', '  maxUnavailable: 25%\n  selector: {matchLabels: {app: web}}\n', []],
    [
      'both bounds',
      '  minAvailable: 1\n  maxUnavailable: 1\n',
      [
        'error spec.minAvailable: Invalid value: 1: minAvailable and maxUnavailable cannot be both set',
      ],
    ],
    [
      'negative',
      '  minAvailable: -1\n',
      ['error spec.minAvailable: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'over 100 %',
      '  maxUnavailable: 120%\n',
      ['error spec.maxUnavailable: Invalid value: "120%": must not be greater than 100%'],
    ],
  ])('%s', (_n, spec, want) => {
    const { diagnostics, objects } = parseScenario(pdb(spec));
    expect(diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual(want);
    if (want.length === 0) expect(objects.map((o) => o.kind)).toEqual(['PodDisruptionBudget']);
  });

  it('the wrong apiVersion is refused by the schema', () => {
    const { diagnostics } = parseScenario(pdb('  minAvailable: 1\n').replace('policy/v1', 'v1'));
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});
