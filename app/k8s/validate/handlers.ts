/**
 * Probe and lifecycle-hook handlers: kubernetes pkg/apis/core/validation/validation.go `validateHandler`,
 * `validateProbe`, `validateLivenessProbe`/`validateReadinessProbe`/`validateStartupProbe`,
 * `validateSleepAction`, `ValidatePortNumOrName`.
 */
import type { Issues } from '../issues.ts';
import type { Segment } from '../path.ts';
import { asArray, asNumber, asRecord, asString, type JsonObject } from '../json.ts';
import { isValidPortName, isValidPortNum } from './names.ts';
import { gateExists, versionFeatures, type VersionFeatures } from '../features.ts';

/**
 * validation.go `validateSleepAction` (path: the sleep action). With PodLifecycleSleepActionAllowZero
 * (beta, on, from 1.33) 0 is allowed; in 1.32, where the gate exists but is off, the message names
 * it; 1.29–1.31 have the original text.
 */
export function sleepActionError(
  seconds: number,
  grace: number,
  api: VersionFeatures,
): string | undefined {
  if (api.gates.PodLifecycleSleepActionAllowZero) {
    return seconds < 0 || seconds > grace
      ? `must be non-negative and less than terminationGracePeriodSeconds (${grace})`
      : undefined;
  }
  if (seconds > 0 && seconds <= grace) return undefined;
  const base = `must be greater than 0 and less than terminationGracePeriodSeconds (${grace})`;
  return gateExists('PodLifecycleSleepActionAllowZero', api.version)
    ? `${base}. Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`
    : base;
}

export function validatePortNumOrName(port: unknown, path: Segment[], issues: Issues): void {
  if (typeof port === 'number') {
    for (const m of isValidPortNum(port)) issues.invalid(path, port, m);
  } else if (typeof port === 'string') {
    if (port === '') issues.required(path);
    else for (const m of isValidPortName(port)) issues.invalid(path, port, m);
  } else if (port === undefined) {
    issues.required(path);
  }
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const HOOK_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

function validateHandler(
  handler: JsonObject,
  kinds: readonly string[],
  grace: number | undefined,
  path: Segment[],
  issues: Issues,
  api: VersionFeatures = versionFeatures(),
): void {
  let count = 0;
  for (const kind of kinds) {
    const h = asRecord(handler[kind]);
    if (handler[kind] === undefined) continue;
    if (count > 0) {
      issues.forbidden([...path, kind], 'may not specify more than 1 handler type');
      continue;
    }
    count++;
    const at = [...path, kind];
    if (kind === 'exec' && asArray(h?.command).length === 0) issues.required([...at, 'command']);
    if (kind === 'httpGet') {
      if (!asString(h?.path)) issues.required([...at, 'path']);
      validatePortNumOrName(h?.port, [...at, 'port'], issues);
      const scheme = h?.scheme;
      if (scheme !== undefined && scheme !== 'HTTP' && scheme !== 'HTTPS') {
        issues.notSupported([...at, 'scheme'], scheme, ['HTTP', 'HTTPS']);
      }
    }
    if (kind === 'tcpSocket') validatePortNumOrName(h?.port, [...at, 'port'], issues);
    if (kind === 'grpc') {
      const port = asNumber(h?.port);
      if (port !== undefined)
        for (const m of isValidPortNum(port)) issues.invalid([...at, 'port'], port, m);
    }
    if (kind === 'sleep') {
      const seconds = asNumber(h?.seconds) ?? 0;
      const message = grace === undefined ? undefined : sleepActionError(seconds, grace, api);
      if (message) issues.invalid(at, seconds, message);
    }
  }
  if (count === 0) issues.required(path, 'must specify a handler type');
}

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

const NON_NEGATIVE = [
  'initialDelaySeconds',
  'timeoutSeconds',
  'periodSeconds',
  'successThreshold',
  'failureThreshold',
] as const;

export function validateProbe(
  probe: JsonObject,
  kind: ProbeKind,
  grace: number | undefined,
  path: Segment[],
  issues: Issues,
): void {
  validateHandler(probe, PROBE_HANDLERS, grace, path, issues);
  for (const f of NON_NEGATIVE) {
    const v = asNumber(probe[f]);
    if (v !== undefined && v < 0)
      issues.invalid([...path, f], v, 'must be greater than or equal to 0');
  }
  const probeGrace = asNumber(probe.terminationGracePeriodSeconds);
  if (probeGrace !== undefined && probeGrace <= 0) {
    issues.invalid(
      [...path, 'terminationGracePeriodSeconds'],
      probeGrace,
      'must be greater than 0',
    );
  }
  if (kind === 'readinessProbe' && probeGrace !== undefined) {
    issues.invalid(
      [...path, 'terminationGracePeriodSeconds'],
      probeGrace,
      'must not be set for readinessProbes',
    );
  }
  const success = asNumber(probe.successThreshold);
  if (kind !== 'readinessProbe' && success !== undefined && success !== 1) {
    issues.invalid([...path, 'successThreshold'], success, 'must be 1');
  }
}

export function validateLifecycle(
  lifecycle: JsonObject,
  grace: number | undefined,
  path: Segment[],
  issues: Issues,
  api: VersionFeatures = versionFeatures(),
): void {
  for (const hook of ['postStart', 'preStop']) {
    const h = asRecord(lifecycle[hook]);
    if (h) validateHandler(h, HOOK_HANDLERS, grace, [...path, hook], issues, api);
  }
}
