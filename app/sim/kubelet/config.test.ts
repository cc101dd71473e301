import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateText } from '../index.ts';
import { kubeletPodCopy } from './config.ts';

describe("the kubelet's copy of a pod (config.go podStorage.merge)", () => {
  it('adds config.seen (RFC3339Nano) and config.source without touching the API object', () => {
    const pod = {
      metadata: { name: 'p', annotations: { build: 'two' } as Record<string, string> },
      spec: { containers: [] },
    };
    expect(kubeletPodCopy(pod, 1_500).metadata.annotations).toEqual({
      build: 'two',
      'kubernetes.io/config.seen': '2026-01-01T00:00:01.5Z',
      'kubernetes.io/config.source': 'api',
    });
    expect(kubeletPodCopy(pod, 0).metadata.annotations['kubernetes.io/config.seen']).toBe(
      '2026-01-01T00:00:00Z',
    );
    expect(pod.metadata.annotations).toEqual({ build: 'two' });
  });

  it("shows through the downward API's annotations file, sorted with the pod's own", () => {
    const yaml = readFileSync(
      new URL('../../scenario/examples/11-downward-api.yaml', import.meta.url),
      'utf8',
    );
    const { result } = simulateText(yaml, { until: 8 });
    const lines = result.trace.flatMap((r) => (r.type === 'log' && r.t <= 7 ? [r.line] : []));
    // The file ends without a newline (fieldpath.FormatMap), so its last line is flushed by the
    // next round's echo at 7 s.
    const from = lines.indexOf('build="two"');
    expect(lines.slice(from, from + 4)).toEqual([
      'build="two"',
      'builder="john-doe"',
      'kubernetes.io/config.seen="2026-01-01T00:00:00Z"',
      'kubernetes.io/config.source="api"',
    ]);
  });
});
