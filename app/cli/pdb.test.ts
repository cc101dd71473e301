/** `podsim get pdb` as kubectl prints PodDisruptionBudgets (printPodDisruptionBudget). */
import { describe, expect, it } from 'vitest';
import { runMain } from './testIO.ts';

const FILE = `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers: [{name: app, image: nginx}]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  maxUnavailable: 0
  selector: {matchLabels: {app: web}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: one}
spec:
  minAvailable: 0
  selector: {matchLabels: {app: web}}
`;

describe('podsim get pdb', () => {
  it.each([
    [
      ['get', 'pdb', 'f.yaml', '--at', '90s'],
      [
        'NAME   MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE',
        'one    0               N/A               1                     90s',
        'web    N/A             0                 0                     90s',
        '',
      ].join('\n'),
    ],
    [['get', 'pdb', 'f.yaml', '-n', 'other'], 'No resources found in other namespace.\n'],
  ])('%j', async (argv, stdout) => {
    const r = await runMain(argv, { 'f.yaml': FILE });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(stdout);
    expect(r.code).toBe(0);
  });
});
