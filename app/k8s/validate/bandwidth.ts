/**
 * The bandwidth annotations in the editor: a value the runtime rejects is a warning at its line
 * (the pod would never get a sandbox); a valid one says what it would shape on a real node.
 */
import type { Issues } from '../issues.ts';
import { asRecord, type JsonObject } from '../json.ts';
import { EGRESS_BANDWIDTH, extractPodBandwidth, INGRESS_BANDWIDTH } from '../bandwidth.ts';

const bits = (v: number) =>
  v >= 1e9 ? `${v / 1e9} Gbit/s` : v >= 1e6 ? `${v / 1e6} Mbit/s` : `${v / 1e3} kbit/s`;

export function validateBandwidthAnnotations(pod: JsonObject, issues: Issues): void {
  const annotations = asRecord(asRecord(pod.metadata)?.annotations);
  if (!annotations) return;
  const bw = extractPodBandwidth(annotations);
  if (!bw.ok) {
    issues.warn(
      ['metadata', 'annotations', bw.key],
      `the container runtime cannot set up this pod's network: every sandbox creation fails with "reading pod bandwidth annotations: ${bw.error}" (FailedCreatePodSandBox; the kubelet retries 10 s after each failure)`,
      'bandwidth',
    );
    return;
  }
  for (const [key, dir, v] of [
    [INGRESS_BANDWIDTH, 'incoming', bw.ingress],
    [EGRESS_BANDWIDTH, 'outgoing', bw.egress],
  ] as const) {
    if (v === undefined) continue;
    issues.raw(
      ['metadata', 'annotations', key],
      `Podlab does not shape bandwidth. On a node whose CNI configuration chains the bandwidth plugin, this pod's ${dir} traffic is limited to ${bits(v)} (a tc token bucket on its interface); without that plugin the annotation does nothing.`,
      'bandwidth',
      'value',
      'info',
    );
  }
}
