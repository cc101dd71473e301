/** `podsim --kubernetes-version`: validated like spec.kubernetesVersion, and it wins over the document. */
import { describe, expect, it } from 'vitest';
import { runMain } from './testIO.ts';

const SLEEP0 = `apiVersion: podlab.dev/v1
kind: Scenario
metadata: {name: s}
spec:
  kubernetesVersion: "1.33"
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: app
    image: nginx
    lifecycle:
      preStop:
        sleep: {seconds: 0}
`;

describe('podsim --kubernetes-version', () => {
  it('overrides the Scenario: 1.31 refuses sleep: 0 at its line (exit 1)', async () => {
    const r = await runMain(['run', 's.yaml', '--kubernetes-version', '1.31'], {
      's.yaml': SLEEP0,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      's.yaml:16:9: error: spec.containers[0].lifecycle.preStop.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30)\n',
    );
  });

  it('the document alone (1.33) accepts it', async () => {
    const r = await runMain(['get', 'pods', 's.yaml', '--at', '10s'], { 's.yaml': SLEEP0 });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          10s\n',
    );
  });

  it('an unsupported version is a usage error (exit 2)', async () => {
    const r = await runMain(['run', 's.yaml', '--kubernetes-version', '1.28'], {
      's.yaml': SLEEP0,
    });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      'podsim: invalid --kubernetes-version "1.28": Unsupported value: "1.28": supported values: "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"',
    );
  });
});
