/**
 * Which nodes a pod may land on by its labels: `spec.nodeSelector` and the required node affinity
 * (k8s.io/component-helpers/scheduling/corev1/nodeaffinity: GetRequiredNodeAffinity, Match;
 * NodeSelectorRequirementsAsSelector). Shared by the validation warning and the scheduler.
 */
import type { NodeSelectorRequirement, NodeSelectorTerm, PodSpec } from 'kubernetes-types/core/v1';

export interface NodeLabels {
  name: string;
  labels: Readonly<Record<string, string>>;
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      // labels.Requirement.Matches: both sides parse as integers, else no match.
      if (value === undefined || values.length !== 1) return false;
      const have = Number(value);
      const want = Number(values[0]);
      if (!Number.isInteger(have) || !Number.isInteger(want)) return false;
      return r.operator === 'Gt' ? have > want : have < want;
    }
    default:
      return false;
  }
}

/** A term matches when all its expressions and fields do; a term with neither matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: NodeLabels): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  return (
    exprs.every((r) => requirementMatches(r, node.labels[r.key])) &&
    fields.every((r) => r.key === 'metadata.name' && requirementMatches(r, node.name))
  );
}

export function nodeSelectorMatches(
  selector: Readonly<Record<string, string>> | undefined,
  node: NodeLabels,
): boolean {
  return Object.entries(selector ?? {}).every(([k, v]) => node.labels[k] === v);
}

/** nodeSelector AND (any of the required affinity terms). */
export function podMatchesNodeLabels(spec: PodSpec | undefined, node: NodeLabels): boolean {
  if (!nodeSelectorMatches(spec?.nodeSelector, node)) return false;
  const required =
    spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!required) return true;
  return required.some((t) => termMatches(t, node));
}
