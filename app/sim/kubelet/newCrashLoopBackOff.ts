/**
 * The CrashLoopBackOff bounds a kubelet starts with: kubernetes pkg/kubelet/kubelet.go
 * `newCrashLoopBackOff`. ReduceDefaultCrashLoopBackOffDecay (alpha 1.33) lowers the defaults from
 * 10 s → 300 s to 1 s → 60 s; with KubeletCrashLoopBackOffMax (alpha 1.32, beta and on 1.35) the
 * configured `crashLoopBackOff.maxContainerRestartPeriod` wins, and the initial delay never exceeds it.
 * `initial` is Podlab's own knob (the kubelet has no flag for it) and always applies.
 */
export interface CrashLoopBackOffInput {
  reduceDecay: boolean;
  maxGate: boolean;
  /** Overrides in ms. */
  initialMs?: number;
  maxMs?: number;
}

export const INITIAL_CRASHLOOP_MS = 10_000;
export const MAX_CRASHLOOP_MS = 300_000;
export const REDUCED_INITIAL_CRASHLOOP_MS = 1000;
export const REDUCED_MAX_CRASHLOOP_MS = 60_000;

export function newCrashLoopBackOff(o: CrashLoopBackOffInput): {
  initialMs: number;
  maxMs: number;
} {
  let maxMs = o.reduceDecay ? REDUCED_MAX_CRASHLOOP_MS : MAX_CRASHLOOP_MS;
  let initialMs = o.reduceDecay ? REDUCED_INITIAL_CRASHLOOP_MS : INITIAL_CRASHLOOP_MS;
  if (o.initialMs !== undefined) initialMs = o.initialMs;
  if (o.maxGate && o.maxMs !== undefined) maxMs = o.maxMs;
  return { initialMs: Math.min(initialMs, maxMs), maxMs };
}
