/**
 * KubeletProfile: every timing constant and version-dependent wording of the simulated kubelet
 * and node, in one object, each with its source. A scenario overrides it with `spec.profile`
 * (durations already in seconds; see `resolveProfile`). Internally all times are integer ms.
 */
import type { Ms } from './clock/types.ts';
import { defaultFeatureGates, type FeatureGates } from '../k8s/features.ts';
import { newCrashLoopBackOff } from './kubelet/newCrashLoopBackOff.ts';

export interface BackoffProfile {
  initialMs: Ms;
  maxMs: Ms;
}

export interface KubeletProfile {
  /** Kubernetes minor version whose wording is used (event messages). */
  version: string;
  nodeName: string;
  hostIP: string;
  /** Pods get podCIDRBase + (n + 1) in admission order: 10.244.1.2, 10.244.1.3, … */
  podCIDR: string;
  /** ClusterIPs are allocated from serviceCIDR in creation order, starting at .10. */
  serviceCIDR: string;
  /** RunPodSandbox time: admission → sandbox with IP (DESIGN §2.4 default 1 s). */
  sandboxMs: Ms;
  /** PLEG relist: a container start/exit is seen exactly this long later (kubelet.go genericPlegRelistPeriod = 1 s). */
  plegMs: Ms;
  /** CrashLoopBackOff (kubelet.go newCrashLoopBackOff: 10 s → 300 s, ×2, no jitter). */
  crashLoopBackOff: BackoffProfile;
  /** Backoff entry expires when the newest exit is this long after the last Next() (kubelet.go HasExpiredFunc: 600 s, hard-coded). */
  crashLoopResetMs: Ms;
  /** Image pull backoff (kubelet.go imageBackOffPeriod 10 s, MaxImageBackOff 300 s; expires after 2×max). */
  imageBackOff: BackoffProfile;
  /** Pod worker requeue after a failed sync (kubelet.go backOffPeriod = 10 s; jitter off). */
  errorRequeueMs: Ms;
  /** minimumGracePeriodInSeconds = 2 (kuberuntime_container.go killContainer). */
  minGraceMs: Ms;
  /**
   * Pull of an image that is already cached when imagePullPolicy is Always (the registry resolves
   * the digest; layers are cached). 1 s reproduces the docs' liveness-exec output and golden G4
   * (restarts visible at ~77, ~152, ~227 s: `Successfully pulled image … in 1.036s`).
   */
  cachedPullMs: Ms;
  /**
   * How long a failing pull (image not found, bad registry) takes before ErrImagePull. The runtime's
   * own pull time is ignored for failures: worked timeline T6 has the pull "fail fast" at t = 1, so
   * the retries land at 11, 31, 71 … exactly. A scenario may set `failedPull: 1` (reference R5's
   * "about 1 s" registry lookup); every later attempt then shifts by that much.
   */
  failedPullMs: Ms;
  /** Terminal status written → object deleted by the status manager (grace 0). */
  deleteAfterTerminalMs: Ms;
  /**
   * Node failure (pod-level R10.1–R10.5; node_lifecycle_controller.go, PR #126287): the node
   * lifecycle controller checks every `--node-monitor-period` (5 s) and marks the node Unknown once
   * no heartbeat arrived for `--node-monitor-grace-period` (50 s since v1.32, 40 s before).
   */
  nodeMonitorPeriodMs: Ms;
  nodeMonitorGraceMs: Ms;
  /**
   * DefaultTolerationSeconds admission: `unreachable:NoExecute` / `not-ready:NoExecute` tolerated
   * for 300 s; the taint-eviction controller deletes the pod that long after the taint (R10.4–R10.5).
   */
  tolerationSecondsMs: Ms;
  namespace: string;
}

export const defaultProfile: KubeletProfile = {
  version: '1.32',
  nodeName: 'node-1',
  hostIP: '10.0.0.11',
  podCIDR: '10.244.1.0/24',
  serviceCIDR: '10.96.0.0/12',
  sandboxMs: 1000,
  plegMs: 1000,
  crashLoopBackOff: { initialMs: 10_000, maxMs: 300_000 },
  crashLoopResetMs: 600_000,
  imageBackOff: { initialMs: 10_000, maxMs: 300_000 },
  errorRequeueMs: 10_000,
  minGraceMs: 2000,
  cachedPullMs: 1000,
  failedPullMs: 0,
  deleteAfterTerminalMs: 1000,
  nodeMonitorPeriodMs: 5000,
  nodeMonitorGraceMs: 50_000,
  tolerationSecondsMs: 300_000,
  namespace: 'default',
};

export interface ProfileDiagnostic {
  severity: 'error' | 'warning';
  message: string;
  /** Path relative to the Scenario document, e.g. `spec.profile.crashLoopBackOff.initial`. */
  path: string;
}

const secondsKeys = {
  sandbox: 'sandboxMs',
  pleg: 'plegMs',
  errorRequeue: 'errorRequeueMs',
  minGrace: 'minGraceMs',
  cachedPull: 'cachedPullMs',
  failedPull: 'failedPullMs',
  crashLoopReset: 'crashLoopResetMs',
  deleteAfterTerminal: 'deleteAfterTerminalMs',
} as const;
const stringKeys = ['version', 'nodeName', 'hostIP', 'podCIDR', 'serviceCIDR'] as const;

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

export interface ResolveOptions {
  /** The run's feature gates (default: those of the default Kubernetes version). */
  gates?: FeatureGates;
  /** `spec.kubernetesVersion` when the scenario names one: the wording follows it. */
  version?: string;
}

type Bad = (path: string, what: string) => void;

/** `{ initial, max }` in seconds → ms overrides; unknown keys are warned about. */
function readBackoff(
  value: unknown,
  path: string,
  bad: Bad,
  warn: (path: string) => void,
): { initialMs?: number; maxMs?: number } | undefined {
  if (typeof value !== 'object' || value === null) {
    bad(path, 'must be an object { initial, max }');
    return undefined;
  }
  const out: { initialMs?: number; maxMs?: number } = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const n = num(v);
    if (k !== 'initial' && k !== 'max') warn(`${path}.${k}`);
    else if (n === undefined || n === 0) bad(`${path}.${k}`, 'must be a positive duration');
    else out[k === 'initial' ? 'initialMs' : 'maxMs'] = Math.round(n * 1000);
  }
  return out;
}

/**
 * Apply `spec.profile` overrides (seconds) to the defaults. Unknown keys and bad values are
 * reported, never silently ignored. The CrashLoopBackOff bounds follow the gates
 * (newCrashLoopBackOff); `reduceDefaultCrashLoopBackOffDecay: true` is the same as turning on that
 * gate (kubelet-container R6.2). `featureGates` is read by the scenario layer (features.ts).
 */
export function resolveProfile(
  raw: Record<string, unknown> | undefined,
  opts: ResolveOptions = {},
): {
  profile: KubeletProfile;
  diagnostics: ProfileDiagnostic[];
} {
  const gates = opts.gates ?? defaultFeatureGates();
  const profile: KubeletProfile = {
    ...defaultProfile,
    ...(opts.version !== undefined ? { version: opts.version } : {}),
    crashLoopBackOff: { ...defaultProfile.crashLoopBackOff },
    imageBackOff: { ...defaultProfile.imageBackOff },
    nodeMonitorGraceMs: nodeMonitorGraceMs(opts.version ?? defaultProfile.version),
  };
  const diagnostics: ProfileDiagnostic[] = [];
  const bad: Bad = (path, what) =>
    diagnostics.push({ severity: 'error', message: `${path}: ${what}`, path });
  const warn = (path: string) =>
    diagnostics.push({ severity: 'warning', message: `unknown profile key ${path}`, path });
  let crash: { initialMs?: number; maxMs?: number } = {};
  let reduceDecay = gates.ReduceDefaultCrashLoopBackOffDecay;
  for (const [key, value] of Object.entries(raw ?? {})) {
    const path = `spec.profile.${key}`;
    if (key in secondsKeys) {
      const v = num(value);
      if (v === undefined) bad(path, 'must be a non-negative duration');
      else profile[secondsKeys[key as keyof typeof secondsKeys]] = Math.round(v * 1000);
    } else if ((stringKeys as readonly string[]).includes(key)) {
      if (typeof value !== 'string') bad(path, 'must be a string');
      else profile[key as (typeof stringKeys)[number]] = value;
    } else if (key === 'crashLoopBackOff') {
      crash = readBackoff(value, path, bad, warn) ?? {};
    } else if (key === 'imageBackOff') {
      const o = readBackoff(value, path, bad, warn) ?? {};
      const target = profile.imageBackOff;
      target.maxMs = o.maxMs ?? target.maxMs;
      target.initialMs = Math.min(o.initialMs ?? target.initialMs, target.maxMs);
    } else if (key === 'reduceDefaultCrashLoopBackOffDecay') {
      if (value === true) reduceDecay = true;
      else if (value !== false) bad(path, 'must be true or false');
    } else if (key !== 'featureGates') {
      warn(path);
    }
  }
  profile.crashLoopBackOff = newCrashLoopBackOff({
    reduceDecay,
    maxGate: gates.KubeletCrashLoopBackOffMax,
    ...crash,
  });
  if (crash.maxMs !== undefined && !gates.KubeletCrashLoopBackOffMax) {
    diagnostics.push({
      severity: 'warning',
      message: MAX_WITHOUT_GATE,
      path: 'spec.profile.crashLoopBackOff.max',
    });
  }
  return { profile, diagnostics };
}

/** kubelet config validation refuses maxContainerRestartPeriod without the gate; Podlab ignores it. */
export const MAX_WITHOUT_GATE =
  'spec.profile.crashLoopBackOff.max: ignored: the KubeletCrashLoopBackOffMax feature gate is off (on by default from Kubernetes 1.35; set featureGates: { KubeletCrashLoopBackOffMax: true })';

/** --node-monitor-grace-period: 40 s before 1.32, 50 s since (kubernetes/kubernetes#126287). */
export function nodeMonitorGraceMs(version: string): number {
  const [maj, min] = version.split('.').map((x) => parseInt(x, 10));
  return (maj ?? 1) === 1 && (min ?? 32) < 32 ? 40_000 : 50_000;
}

/** Event wording that changed between versions (pod-level R4.1). */
export function eventWording(version: string) {
  const [maj, min] = version.split('.').map((x) => parseInt(x, 10));
  const minor = maj === 1 && min !== undefined && !Number.isNaN(min) ? min : 99;
  return {
    created: (name: string) =>
      minor <= 31
        ? `Created container ${name}`
        : minor <= 33
          ? `Created container: ${name}`
          : 'Container created',
    started: (name: string) => (minor <= 33 ? `Started container ${name}` : 'Container started'),
  };
}
