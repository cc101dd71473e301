/**
 * `restartPolicy` on a regular container (KEP-5307 container restart rules, ContainerRestartRules:
 * alpha 1.34, beta and on 1.35). Without the gate validation.go `validateContainers` forbids it with
 * "may not be set for non-init containers". With the gate the API server accepts it, but Podlab's
 * kubelet does not model per-container restart policies yet: the pod is left out with an error rather
 * than run under a rule it would not follow.
 */
import type { Issues } from '../issues.ts';
import type { Segment } from '../path.ts';
import type { VersionFeatures } from '../features.ts';
import { formatPath } from '../path.ts';

export const RESTART_RULES_NOT_SIMULATED =
  "restartPolicy on a regular container (the ContainerRestartRules feature) is not simulated yet: set the pod's spec.restartPolicy instead";

export function validateRegularRestartPolicy(
  _restartPolicy: unknown,
  path: Segment[],
  api: VersionFeatures,
  issues: Issues,
): void {
  if (!api.gates.ContainerRestartRules) {
    issues.forbidden(path, 'may not be set for non-init containers');
    return;
  }
  issues.raw(path, `${formatPath(path)}: ${RESTART_RULES_NOT_SIMULATED}`, 'not-simulated', 'key');
}
