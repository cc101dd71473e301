/**
 * k/k pkg/controller/job/pod_failure_policy.go matchPodFailurePolicy: the first rule that matches a
 * failed pod decides — FailJob (a message for the FailureTarget condition), Ignore (not counted
 * toward backoffLimit) or Count. No match counts the failure.
 */
import type { CtlPod, PodFailurePolicyRule } from '../types.ts';

export interface PolicyMatch {
  failJobMessage?: string;
  countFailed: boolean;
  action?: PodFailurePolicyRule['action'];
}

function matchExitCodes(p: CtlPod, req: NonNullable<PodFailurePolicyRule['onExitCodes']>) {
  // getMatchingContainerFromList: terminated, non-zero, of the named container if any.
  return p.job?.terminated.find(
    (c) =>
      c.exitCode !== 0 &&
      (req.containerName === undefined || req.containerName === c.name) &&
      (req.operator === 'In' ? req.values.includes(c.exitCode) : !req.values.includes(c.exitCode)),
  );
}

export function matchPodFailurePolicy(
  rules: readonly PodFailurePolicyRule[] | undefined,
  p: CtlPod,
): PolicyMatch {
  if (!rules) return { countFailed: true };
  for (const [index, rule] of rules.entries()) {
    const action = rule.action;
    let failJob: string | undefined;
    if (rule.onExitCodes) {
      const c = matchExitCodes(p, rule.onExitCodes);
      if (!c) continue;
      failJob = `Container ${c.name} for pod ${p.namespace}/${p.name} failed with exit code ${c.exitCode} matching FailJob rule at index ${index}`;
    } else if (rule.onPodConditions) {
      const cond = p.job?.conditions.find((pc) =>
        rule.onPodConditions?.some((x) => x.type === pc.type && x.status === pc.status),
      );
      if (!cond) continue;
      failJob = `Pod ${p.namespace}/${p.name} has condition ${cond.type} matching FailJob rule at index ${index}`;
    } else continue;
    if (action === 'Ignore') return { countFailed: false, action };
    if (action === 'Count') return { countFailed: true, action };
    if (action === 'FailJob') return { failJobMessage: failJob, countFailed: true, action };
    // FailIndex (backoffLimitPerIndex) is not simulated: upstream's switch leaves it unmatched.
  }
  return { countFailed: true };
}
