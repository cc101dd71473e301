/** Pod rules: kubernetes validation.go `ValidatePodCreate` → `ValidatePodSpec` (the parts a playground meets). */
import { versionFeatures, type VersionFeatures } from '../features.ts';
import type { Issues } from '../issues.ts';
import { asArray, asNumber, asRecord, asString, type JsonObject } from '../json.ts';
import { validateContainer } from './container.ts';
import { validateObjectMeta } from './meta.ts';
import { validateBandwidthAnnotations } from './bandwidth.ts';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from './names.ts';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];

function validateVolumes(spec: JsonObject, issues: Issues): Set<string> {
  const names = new Set<string>();
  asArray(spec.volumes).forEach((v, i) => {
    const name = asString(asRecord(v)?.name);
    const at = ['spec', 'volumes', i, 'name'];
    if (!name) return issues.required(at);
    for (const m of isDNS1123Label(name)) issues.invalid(at, name, m);
    if (names.has(name)) issues.duplicate(at, name);
    names.add(name);
    // validateVolumeSource: one source per volume (an absent one was defaulted to emptyDir).
    const sources = Object.keys(asRecord(v) ?? {}).filter((k) => k !== 'name');
    for (const extra of sources.slice(1)) {
      issues.forbidden(['spec', 'volumes', i, extra], 'may not specify more than 1 volume type');
    }
  });
  return names;
}

export function validatePod(
  pod: JsonObject,
  issues: Issues,
  api: VersionFeatures = versionFeatures(),
): void {
  validateObjectMeta(pod, isDNS1123Subdomain, issues);
  validateBandwidthAnnotations(pod, issues);
  const spec = asRecord(pod.spec) ?? {};
  const volumeNames = validateVolumes(spec, issues);
  const grace = asNumber(spec.terminationGracePeriodSeconds);

  const containers = asArray(spec.containers);
  if (containers.length === 0) issues.required(['spec', 'containers']);
  // Regular containers are checked first; init containers are then compared against all of them
  // (validateInitContainers), so a clash is reported on the init container.
  const seen = new Set<string>();
  const lists = [
    ['containers', containers],
    ['initContainers', asArray(spec.initContainers)],
    ['ephemeralContainers', asArray(spec.ephemeralContainers)],
  ] as const;
  for (const [list, items] of lists) {
    items.forEach((c, i) => {
      const ctr = asRecord(c);
      if (!ctr) return;
      const path = ['spec', list, i];
      const name = asString(ctr.name);
      if (!name) issues.required([...path, 'name']);
      else {
        for (const m of isDNS1123Label(name)) issues.invalid([...path, 'name'], name, m);
        if (seen.has(name)) issues.duplicate([...path, 'name'], name);
        seen.add(name);
      }
      if (list !== 'ephemeralContainers')
        validateContainer(ctr, path, { list, grace, volumeNames, api }, issues);
    });
  }

  // ValidatePodCreate: ephemeral containers are added later through the ephemeralcontainers subresource.
  if (asArray(spec.ephemeralContainers).length > 0) {
    issues.forbidden(['spec', 'ephemeralContainers'], 'cannot be set on create');
  }
  const restartPolicy = spec.restartPolicy;
  if (restartPolicy !== undefined && !RESTART_POLICIES.includes(String(restartPolicy))) {
    issues.notSupported(['spec', 'restartPolicy'], restartPolicy, RESTART_POLICIES);
  }
  const dnsPolicy = spec.dnsPolicy;
  if (dnsPolicy !== undefined && !DNS_POLICIES.includes(String(dnsPolicy))) {
    issues.notSupported(['spec', 'dnsPolicy'], dnsPolicy, DNS_POLICIES);
  }
  if (grace !== undefined && grace < 0) {
    issues.invalid(
      ['spec', 'terminationGracePeriodSeconds'],
      grace,
      'must be greater than or equal to 0',
    );
  }
  const deadline = asNumber(spec.activeDeadlineSeconds);
  if (deadline !== undefined && deadline < 1) {
    issues.invalid(
      ['spec', 'activeDeadlineSeconds'],
      deadline,
      'must be between 1 and 2147483647, inclusive',
    );
  }
  asArray(spec.readinessGates).forEach((g, i) => {
    const type = asString(asRecord(g)?.conditionType) ?? '';
    for (const m of isQualifiedName(type)) {
      issues.invalid(['spec', 'readinessGates', i, 'conditionType'], type, m);
    }
  });
}
