/** `podsim get statefulsets` and `rollout status statefulset/NAME`, as kubectl prints them. */
import { describe, expect, it } from 'vitest';
import { runMain } from '../testIO.ts';

const FILES = {
  's.yaml': `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: t }
spec:
  until: 60s
  actions:
  - { at: 30s, rollout: { kind: StatefulSet, name: web, do: restart } }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
  serviceName: web
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: app
          image: busybox:1.36
          command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
`,
};

describe('get statefulsets (printStatefulSet: NAME READY AGE)', () => {
  it.each([
    [['get', 'statefulsets', 's.yaml', '--at', '0'], 'web    0/2     0s'],
    [['get', 'sts', 's.yaml', '--at', '31'], 'web    1/2     31s'],
    [['get', 'statefulset', 's.yaml'], 'web    2/2     60s'],
  ])('%j', async (argv, row) => {
    const r = await runMain(argv, FILES);
    expect(r).toEqual({ code: 0, stdout: `NAME   READY   AGE\n${row}\n`, stderr: '' });
  });
});

describe('rollout status statefulset/NAME (StatefulSetStatusViewer)', () => {
  it('prints each change the watch sees, from the last spec change (the restart at 30 s) to the partitioned roll out complete', async () => {
    const r = await runMain(['rollout', 'status', 'sts/web', 's.yaml'], FILES);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l, i, a) => l !== a[i - 1])).toEqual([
      'Waiting for statefulset spec update to be observed...',
      'Waiting for partitioned roll out to finish: 0 out of 2 new pods have been updated...',
      'Waiting for 1 pods to be ready...',
      'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...',
      'Waiting for 1 pods to be ready...',
      'partitioned roll out complete: 2 new pods have been updated...',
      '',
    ]);
  });

  it('an unknown set is the API server NotFound (exit 1)', async () => {
    const r = await runMain(['rollout', 'status', 'statefulset/nope', 's.yaml'], FILES);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error from server (NotFound): statefulsets.apps "nope" not found\n',
    });
  });
});
