import { describe, expect, it } from 'vitest';
import { readKubernetesVersion, setKubernetesVersion } from './kubernetesVersion.ts';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: app, image: nginx}]\n';

describe('setKubernetesVersion', () => {
  it.each([
    [
      'replaces the value in place',
      `# mine\napiVersion: podlab.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  until: 5m  # keep\n  kubernetesVersion: '1.30'\n---\n${POD}`,
      `# mine\napiVersion: podlab.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  until: 5m  # keep\n  kubernetesVersion: "1.33"\n---\n${POD}`,
    ],
    [
      'adds a line under spec',
      `${POD}---\napiVersion: podlab.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n    until: 5m\n`,
      `${POD}---\napiVersion: podlab.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n    kubernetesVersion: "1.33"\n    until: 5m\n`,
    ],
    [
      'adds a spec to a Scenario without one',
      `apiVersion: podlab.dev/v1\nkind: Scenario\nmetadata: {name: s}\n---\n${POD}`,
      `apiVersion: podlab.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  kubernetesVersion: "1.33"\n---\n${POD}`,
    ],
    [
      'appends a minimal Scenario document when there is none',
      POD,
      `${POD}---\napiVersion: podlab.dev/v1\nkind: Scenario\nmetadata:\n  name: playground\nspec:\n  kubernetesVersion: "1.33"\n`,
    ],
    [
      'sets it in a flow-style spec',
      `apiVersion: podlab.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec: {until: 5m}\n---\n${POD}`,
      `apiVersion: podlab.dev/v1\nkind: Scenario\nmetadata: { name: s }\nspec: { until: 5m, kubernetesVersion: "1.33" }\n---\n${POD}`,
    ],
  ])('%s', (_name, text, expected) => {
    expect(setKubernetesVersion(text, '1.33')).toBe(expected);
    expect(readKubernetesVersion(expected)).toBe('1.33');
  });

  it('an empty text becomes a Scenario document', () => {
    expect(setKubernetesVersion('', '1.29')).toBe(
      'apiVersion: podlab.dev/v1\nkind: Scenario\nmetadata:\n  name: playground\nspec:\n  kubernetesVersion: "1.29"\n',
    );
  });

  it('reads no version from a text without one', () => {
    expect(readKubernetesVersion(POD)).toBeUndefined();
  });
});
