/**
 * The pods/ephemeralcontainers subresource (what `kubectl debug` patches): validation.go
 * validateEphemeralContainers on the appended container — a name unique among every container of
 * the pod, a targetContainerName naming a container or init container — with the API server's
 * message shape (`The Pod "web" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "app"`).
 * The fields kubectl debug never sets (ports, probes, lifecycle, resources) cannot appear here.
 */
import type { DefaultedPod, EphemeralContainer } from './types.ts';
import { defaultedPod } from './defaults.ts';

export type EphemeralResult = { ok: true; pod: DefaultedPod } | { ok: false; message: string };

export function addEphemeralContainer(pod: DefaultedPod, ec: EphemeralContainer): EphemeralResult {
  const spec = pod.spec;
  const existing = spec.ephemeralContainers ?? [];
  const i = existing.length;
  const at = `spec.ephemeralContainers[${i}]`;
  const others = [...(spec.initContainers ?? []), ...spec.containers].map((c) => c.name);
  const errors: string[] = [];
  if ([...others, ...existing.map((c) => c.name)].includes(ec.name))
    errors.push(`${at}.name: Duplicate value: "${ec.name}"`);
  if (ec.targetContainerName !== undefined && !others.includes(ec.targetContainerName))
    errors.push(`${at}.targetContainerName: Not found: "${ec.targetContainerName}"`);
  if (errors.length > 0) {
    const name = pod.metadata.name;
    return {
      ok: false,
      message:
        errors.length === 1
          ? `The Pod "${name}" is invalid: ${errors[0]}`
          : `The Pod "${name}" is invalid: \n${errors.map((e) => `* ${e}`).join('\n')}`,
    };
  }
  const next = defaultedPod({
    ...pod,
    spec: { ...spec, ephemeralContainers: [...existing, ec] },
  } as never);
  return { ok: true, pod: next };
}
