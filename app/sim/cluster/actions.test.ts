/** Scenario actions against the cluster: apply after delete re-creates the Pod (a new UID). */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../index.ts';

const scenario = (actions: string) => `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: reapply }
spec:
  until: 90s
  actions:
${actions}
---
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  terminationGracePeriodSeconds: 2
  containers:
  - name: app
    image: busybox:1.28
    command: ['sh', '-c', 'echo uid=$MY_UID; sleep 3600']
    env:
    - name: MY_UID
      valueFrom: { fieldRef: { fieldPath: metadata.uid } }
`;

function run(actions: string) {
  const { result } = simulateText(scenario(actions));
  const uids = result.trace.flatMap((r) =>
    r.type === 'log' && r.pod === 'web' && r.line.startsWith('uid=')
      ? [[r.t, r.line.slice(4)]]
      : [],
  );
  const warnings = result.diagnostics.map((d) => d.message);
  const created = result.trace.filter((r) => r.type === 'event' && r.reason === 'Scheduled');
  return { uids, warnings, created: created.map((r) => r.t) };
}

describe('apply after delete', () => {
  it.each([
    [
      'apply, delete, apply again: the Pod is created twice, with a new UID',
      `  - at: 1s
    apply: { kind: Pod, name: web }
  - at: 20s
    delete: { kind: Pod, name: web }
  - at: 40s
    apply: { kind: Pod, name: web }`,
      { created: [1, 40], distinctUids: 2, warnings: [] },
    ],
    [
      'apply while the Pod is still terminating: AlreadyExists, as the apiserver says',
      `  - at: 1s
    apply: { kind: Pod, name: web }
  - at: 20s
    delete: { kind: Pod, name: web, gracePeriodSeconds: 30 }
  - at: 25s
    apply: { kind: Pod, name: web }`,
      {
        created: [1],
        distinctUids: 1,
        warnings: ['object is being deleted: pods "web" already exists'],
      },
    ],
    [
      'apply twice with no delete: the second is refused',
      `  - at: 1s
    apply: { kind: Pod, name: web }
  - at: 5s
    apply: { kind: Pod, name: web }`,
      { created: [1], distinctUids: 1, warnings: ['pods "web" already exists'] },
    ],
  ])('%s', (_name, actions, want) => {
    const r = run(actions);
    expect(r.created).toEqual(want.created);
    expect(new Set(r.uids.map(([, u]) => u)).size).toBe(want.distinctUids);
    expect(r.warnings).toEqual(want.warnings);
  });
});
