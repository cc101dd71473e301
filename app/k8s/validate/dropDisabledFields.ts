/**
 * Fields the API server silently drops on create when their feature gate is off: kubernetes
 * pkg/api/pod/util.go `dropDisabledFields` (SidecarContainers: an init container's restartPolicy;
 * `dropPodLifecycleSleepAction`: a `sleep` handler, and the hook when it had no other handler).
 * The object is accepted without them; Podlab says so at the dropped field.
 */
import type { Issues } from '../issues.ts';
import type { Segment } from '../path.ts';
import { asArray, asRecord, type JsonObject } from '../json.ts';
import type { FeatureGate, FeatureGates } from '../features.ts';

const SINCE: Partial<Record<FeatureGate, string>> = {
  SidecarContainers: '1.29',
  PodLifecycleSleepAction: '1.30',
};

function dropped(gate: FeatureGate, what: string): string {
  return `the API server drops ${what}: the ${gate} feature gate is off (on by default from Kubernetes ${SINCE[gate] ?? '?'})`;
}

function dropSleep(ctr: JsonObject, path: Segment[], issues: Issues): void {
  const lifecycle = asRecord(ctr.lifecycle);
  if (!lifecycle) return;
  for (const hook of ['postStart', 'preStop']) {
    const h = asRecord(lifecycle[hook]);
    if (!h || h.sleep === undefined) continue;
    issues.warn(
      [...path, 'lifecycle', hook, 'sleep'],
      dropped('PodLifecycleSleepAction', `this sleep handler, so the ${hook} hook does not run`),
      'dropped-field',
      'key',
    );
    delete h.sleep;
    if (h.exec === undefined && h.httpGet === undefined && h.tcpSocket === undefined)
      delete lifecycle[hook];
  }
  if (lifecycle.postStart === undefined && lifecycle.preStop === undefined) delete ctr.lifecycle;
}

export function dropDisabledPodFields(pod: JsonObject, gates: FeatureGates, issues: Issues): void {
  const spec = asRecord(pod.spec);
  if (!spec) return;
  for (const list of ['initContainers', 'containers'] as const) {
    asArray(spec[list]).forEach((c, i) => {
      const ctr = asRecord(c);
      if (!ctr) return;
      const path = ['spec', list, i];
      if (
        list === 'initContainers' &&
        !gates.SidecarContainers &&
        ctr.restartPolicy !== undefined
      ) {
        issues.warn(
          [...path, 'restartPolicy'],
          dropped(
            'SidecarContainers',
            'this field, so the container runs as a plain init container',
          ),
          'dropped-field',
          'key',
        );
        delete ctr.restartPolicy;
      }
      if (!gates.PodLifecycleSleepAction) dropSleep(ctr, path, issues);
    });
  }
}
