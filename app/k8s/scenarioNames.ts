/**
 * Names in Scenario actions checked as the API server checks the objects they name (a newline or a
 * control character in a name would otherwise reach the exported kubectl script): Pod and Node names and
 * the Scenario's own name are DNS-1123 subdomains (ValidatePodName, ValidateNodeName, custom resources:
 * apimachinery NameIsDNSSubdomain), container names and namespaces DNS-1123 labels
 * (core/validation validateContainers, ValidateNamespaceName), Service names DNS-1035 labels
 * (ValidateServiceName).
 */
import type { Issues } from './issues.ts';
import type { Segment } from './path.ts';
import type { ScenarioAction } from './types.ts';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain } from './validate/names.ts';

type Rule = (v: string) => string[];

const nameRuleOf = (kind: string): Rule =>
  kind === 'Service' ? isDNS1035Label : isDNS1123Subdomain;

/** [field, value, rule] of every name an action carries. */
function namesOf(action: ScenarioAction): [string, string | undefined, Rule][] {
  if ('apply' in action)
    return [
      ['name', action.apply.name, nameRuleOf(action.apply.kind)],
      ['namespace', action.apply.namespace, isDNS1123Label],
    ];
  if ('delete' in action)
    return [
      ['name', action.delete.name, nameRuleOf(action.delete.kind)],
      ['namespace', action.delete.namespace, isDNS1123Label],
    ];
  if ('node' in action) return [['name', action.node.name, isDNS1123Subdomain]];
  if ('patch' in action)
    return [
      ['name', action.patch.name, nameRuleOf(action.patch.kind)],
      ['namespace', action.patch.namespace, isDNS1123Label],
    ];
  if ('staticPod' in action)
    return [
      ['node', action.staticPod.node, isDNS1123Subdomain],
      ['pod', action.staticPod.pod, isDNS1123Subdomain],
      ['namespace', action.staticPod.namespace, isDNS1123Label],
    ];
  if ('debug' in action)
    return [
      ['pod', action.debug.pod, isDNS1123Subdomain],
      ['name', action.debug.name, isDNS1123Label],
      ['target', action.debug.target, isDNS1123Label],
      ['namespace', action.debug.namespace, isDNS1123Label],
    ];
  if ('scale' in action || 'rollout' in action) {
    const w = 'scale' in action ? action.scale : action.rollout;
    return [
      ['name', w.name, isDNS1123Subdomain],
      ['namespace', w.namespace, isDNS1123Label],
    ];
  }
  const target =
    'exec' in action ? action.exec : 'kill' in action ? action.kill : action.setCondition;
  // A sandbox kill names no container (the pause container has no name in the API).
  const container = 'container' in target && target.container !== '' ? target.container : undefined;
  return [
    ['pod', target.pod, isDNS1123Subdomain],
    ['container', container, isDNS1123Label],
    ['namespace', target.namespace, isDNS1123Label],
  ];
}

/** Reports every invalid name of `action` at `path` (`spec.actions[i].<kind>`); true when all are valid. */
export function checkActionNames(action: ScenarioAction, path: Segment[], issues: Issues): boolean {
  let ok = true;
  for (const [field, value, rule] of namesOf(action)) {
    if (value === undefined) continue;
    for (const m of rule(value)) {
      issues.invalid([...path, field], value, m);
      ok = false;
    }
  }
  return ok;
}

/** The Scenario's metadata.name: a DNS-1123 subdomain, as for any custom resource. */
export function scenarioNameErrors(name: string): string[] {
  return isDNS1123Subdomain(name);
}
