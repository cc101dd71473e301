/** RunPodSandbox failing in the runtime's network setup (containerd sandbox_run.go setupPodNetwork). */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../../index.ts';

describe('bandwidth annotations the runtime rejects', () => {
  it('every sandbox creation fails: FailedCreatePodSandBox 10 s after each failure, the pod stays ContainerCreating', () => {
    const { result } = simulateText(
      `apiVersion: v1
kind: Pod
metadata:
  name: too-small
  annotations: { kubernetes.io/egress-bandwidth: "500" }
spec:
  containers: [ { name: web, image: nginx } ]
`,
      { until: 40 },
    );
    const events = result.trace.flatMap((r) =>
      r.type === 'event' && r.reason === 'FailedCreatePodSandBox' ? [r] : [],
    );
    expect(events.map((e) => e.t)).toEqual([1, 12, 23, 34]);
    expect(events[0]?.message).toMatch(
      /^Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "[0-9a-f]{64}": get cni namespace options: reading pod bandwidth annotations: resource is unreasonably small \(< 1kbit\)$/,
    );
    expect(result.trace.some((r) => r.type === 'pod.ip')).toBe(false);
  });
});
