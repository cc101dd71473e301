/**
 * PodDisruptionBudget (policy/v1) validation, after pkg/apis/policy/validation
 * ValidatePodDisruptionBudgetSpec: minAvailable and maxUnavailable exclusive, each an integer ≥ 0
 * or a percentage of at most 100 %; the selector's labels valid. No defaults in policy/v1 (a
 * budget with neither bound wants 0 healthy pods).
 */
import type { Issues } from './issues.ts';
import { asRecord, type JsonObject } from './json.ts';
import { validateLabels, validateObjectMeta } from './validate/meta.ts';
import { isDNS1123Subdomain } from './validate/names.ts';

const PERCENT = /^[0-9]+%$/;

/** ValidatePositiveIntOrPercent + IsNotMoreThan100Percent. */
function validateIntOrPercent(v: unknown, field: string, issues: Issues): void {
  if (v === undefined) return;
  if (typeof v === 'number') {
    if (v < 0) issues.invalid(['spec', field], v, 'must be greater than or equal to 0');
    return;
  }
  if (typeof v !== 'string' || !PERCENT.test(v)) {
    issues.invalid(
      ['spec', field],
      v,
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    );
    return;
  }
  if (parseInt(v, 10) > 100) issues.invalid(['spec', field], v, 'must not be greater than 100%');
}

export function validatePodDisruptionBudget(pdb: JsonObject, issues: Issues): void {
  validateObjectMeta(pdb, isDNS1123Subdomain, issues);
  const spec = asRecord(pdb.spec) ?? {};
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined)
    issues.invalid(
      ['spec', 'minAvailable'],
      spec.minAvailable,
      'minAvailable and maxUnavailable cannot be both set',
    );
  validateIntOrPercent(spec.minAvailable, 'minAvailable', issues);
  validateIntOrPercent(spec.maxUnavailable, 'maxUnavailable', issues);
  const selector = asRecord(spec.selector);
  const labels = asRecord(selector?.matchLabels);
  if (labels) validateLabels(labels, ['spec', 'selector', 'matchLabels'], issues);
}
