/**
 * The Unhealthy event texts of failing and erroring probes, through YAML and the real runtime,
 * byte for byte as the kubelet (1.34) records them.
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../../index.ts';
import { TraceQuery } from '../../testing/scenario.ts';

const pod = (probe: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
${extra}    livenessProbe:
${probe
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
      periodSeconds: 5
      failureThreshold: 100
`;

function firstUnhealthy(yaml: string) {
  const { result, parsed } = simulateText(yaml, { until: 30 });
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const q = new TraceQuery(result.trace, result.diagnostics);
  const ev = q.events('p', 'Unhealthy');
  return { q, first: ev[0] };
}

describe('probe failure and error texts', () => {
  it.each([
    [
      // pkg/probe/http DoHTTPProbe: the client's error `Get "URL": dial tcp …` (one dial prefix).
      'httpGet refused',
      'httpGet: { path: /healthz, port: 8080 }',
      'Liveness probe failed: Get "http://10.244.1.2:8080/healthz": dial tcp 10.244.1.2:8080: connect: connection refused',
    ],
    [
      // pkg/probe/tcp DoTCPProbe: the dialer's error as it prints.
      'tcpSocket refused',
      'tcpSocket: { port: 8081 }',
      'Liveness probe failed: dial tcp 10.244.1.2:8081: connect: connection refused',
    ],
    [
      // pkg/probe/grpc Probe: DialContext WithBlock waits the whole timeout for READY.
      'grpc refused',
      'grpc: { port: 9000 }',
      'Liveness probe failed: timeout: failed to connect service "10.244.1.2:9000" within 1s: context deadline exceeded',
    ],
  ])('%s', (_name, probe, want) => {
    expect(firstUnhealthy(pod(probe)).first?.message).toBe(want);
  });

  it('a gRPC probe on a refused port fails only when its timeout has passed', () => {
    const at = (timeout: number) =>
      firstUnhealthy(pod(`grpc: { port: 9000 }\ntimeoutSeconds: ${timeout}`)).q.eventTimes(
        'p',
        'Unhealthy',
      );
    const one = at(1);
    expect(one.length).toBeGreaterThan(3);
    expect(at(3)).toEqual(one.map((t) => t + 2));
  });

  it('an exec probe whose absolute path does not exist: the runtime stat error, as a prober error', () => {
    const { q, first } = firstUnhealthy(pod('exec: { command: ["/bin/healthz"] }'));
    // pkg/probe/exec: an error that is not an exit code → Unknown; prober.go records it with the
    // CRI status text containerd's ExecSync returned.
    expect(first?.message).toMatch(
      /^Liveness probe errored and resulted in unknown state: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "\/bin\/healthz": stat \/bin\/healthz: no such file or directory: unknown$/,
    );
    expect(q.events('p', 'Killing')).toEqual([]);
  });

  it('a named port the container does not declare: an error whose result is discarded, so liveness never restarts', () => {
    const { q, first } = firstUnhealthy(
      pod(
        'httpGet: { path: /, port: metrics }',
        '    ports: [{ name: http, containerPort: 80 }]\n',
      ),
    );
    // pkg/probe/util.go ResolveContainerPort (1.29–1.36): the name falls through to strconv.Atoi.
    expect(first?.message).toBe(
      'Liveness probe errored and resulted in unknown state: strconv.Atoi: parsing "metrics": invalid syntax',
    );
    expect(q.events('p', 'Killing')).toEqual([]);
    expect(q.probes('p', 'app', 'liveness').every((r) => r.result === 'error')).toBe(true);
  });
});
