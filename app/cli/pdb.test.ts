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

  it('describe pdb', async () => {
    const r = await runMain(['describe', 'pdb', 'one', 'f.yaml', '--at', '90s'], {
      'f.yaml': FILE,
    });
    expect(r.stdout).toBe(
      [
        'Name:           one',
        'Namespace:      default',
        'Min available:  0',
        'Selector:       app=web',
        'Status:',
        '    Allowed disruptions:  1',
        '    Current:              1',
        '    Desired:              0',
        '    Total:                1',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
    const missing = await runMain(['describe', 'pdb', 'nope', 'f.yaml'], { 'f.yaml': FILE });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'Error from server (NotFound): poddisruptionbudgets.policy "nope" not found\n',
    );
  });
});
