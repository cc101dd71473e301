/**
 * Static pods through the whole engine (reference cluster.md §4, M4.1–M4.7), on the bundled
 * example and small variants: the mirror pod's name, annotations and owner, no scheduler, the
 * mirror re-created after a delete, the manifest's removal, admission's refusals.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandTrace, simulateText } from '../index.ts';
import { describePod } from '../trace/describe.ts';
import { podYaml } from '../trace/podYaml.ts';
import { createTraceIndex } from '../trace/traceIndex.ts';
import { podSnapshot as podAt } from '../trace/podState.ts';

const text = readFileSync(
  new URL('../../scenario/examples/34-static-pod.yaml', import.meta.url),
  'utf8',
);
const { result } = simulateText(text);
const trace = expandTrace(result.trace);
const idx = createTraceIndex(result);
const NAME = 'etcd-lite-node-1';

const variant = (pod: string, actions = '') => `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: s }
spec:
  until: 20s
  staticPods: [{ node: node-1, pod: x }]
  actions:
  - { at: 1s, exec: { pod: x-node-1, command: "true" } }
${actions}
---
apiVersion: v1
kind: ConfigMap
metadata: { name: cfg }
data: { a: b }
---
${pod}`;

describe('a static pod', () => {
  it('is named POD-NODE, runs on its node without the scheduler, and its mirror is owned by the Node', () => {
    const text10 = describePod(idx, NAME, 10);
    expect(text10).toMatch(/Node:\s+node-1\//);
    expect(text10).toMatch(/Controlled By:\s+Node\/node-1/);
    expect(text10).toMatch(/kubernetes\.io\/config\.source: file/);
    expect(text10).toMatch(/kubernetes\.io\/config\.mirror: [0-9a-f]{32}/);
    expect(text10).not.toContain('kube-api-access');
    expect(trace.some((r) => r.type === 'event' && r.reason === 'Scheduled')).toBe(false);
    // Probed like any pod (the notes say static pods are not health-checked; the kubelet does).
    expect(trace.some((r) => r.type === 'probe' && r.pod === NAME && r.result === 'success')).toBe(
      true,
    );
  });

  it('tolerates every NoExecute taint (applyDefaults) and gets no 300 s tolerations', () => {
    const y = podYaml(idx, NAME, 10) ?? '';
    expect(y).toContain('  tolerations:\n  - effect: NoExecute\n    operator: Exists\n');
    expect(y).not.toContain('tolerationSeconds');
  });

  it('deleting the mirror pod creates a new one at once: new UID, AGE from 0, containers untouched', () => {
    const before = podAt(idx, NAME, 29);
    const after = podAt(idx, NAME, 31);
    expect(after?.pod.metadata?.uid).not.toBe(before?.pod.metadata?.uid);
    expect(after?.createdAt).toBe(30);
    expect(after?.containerStatuses[0]?.containerID).toBe(
      before?.containerStatuses[0]?.containerID,
    );
    expect(after?.containerStatuses[0]?.restartCount).toBe(0);
    expect(after?.phase).toBe('Running');
  });

  it('removing the manifest stops it; housekeeping deletes the mirror 2 s after the stop', () => {
    const deleted = trace.find((r) => r.type === 'pod.deleted' && r.pod === NAME);
    expect(deleted?.t).toBe(62);
    expect(podAt(idx, NAME, 61)?.containerStatuses[0]?.state).toMatchObject({
      terminated: { exitCode: 0, reason: 'Completed' },
    });
    expect(podAt(idx, NAME, 70)).toBeUndefined();
  });

  it('a mirror pod referencing a ConfigMap is refused: the pod runs, the API does not show it', () => {
    const { result: r } = simulateText(
      variant(`apiVersion: v1
kind: Pod
metadata: { name: x }
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: [sleep, '3600']
    envFrom: [{ configMapRef: { name: cfg } }]
`),
    );
    expect(r.diagnostics.map((d) => d.message)).toContain(
      'the kubelet runs the static pod, but the API server refused its mirror pod (Failed creating a mirror pod): pods "x-node-1" is forbidden: node "node-1" can not create pods that reference configmaps',
    );
    expect(podAt(createTraceIndex(r), 'x-node-1', 10)).toBeUndefined();
  });

  it('refuses kubectl debug, and a manifest for a node that does not exist', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: { name: x }
spec:
  containers: [{ name: c, image: busybox:1.36, command: [sleep, '3600'] }]
`;
    const { result: r } = simulateText(
      variant(
        pod,
        `  - { at: 5s, debug: { pod: x-node-1, image: busybox } }
  - { at: 6s, staticPod: { node: node-9, pod: x } }`,
      ),
    );
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'The Pod "x-node-1" is invalid: []: Forbidden: static pods do not support ephemeral containers',
      'nodes "node-9" not found',
    ]);
  });

  it('kubectl drain skips it (mirrorPodFilter): it keeps running on the drained node', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: { name: x }
spec:
  containers: [{ name: c, image: busybox:1.36, command: [sleep, '3600'] }]
`;
    const { result: r } = simulateText(
      variant(pod, `  - { at: 5s, node: { name: node-1, state: Drained } }`),
    );
    const snap = podAt(createTraceIndex(r), 'x-node-1', 19);
    expect(snap?.phase).toBe('Running');
    expect(snap?.deletionTimestamp).toBeUndefined();
  });
});
