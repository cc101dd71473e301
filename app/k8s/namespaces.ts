/**
 * Namespace documents and the API server's NamespaceLifecycle admission: an object in a namespace
 * that does not exist is refused (`namespaces "team-a" not found`, plugin/pkg/admission/
 * namespace/lifecycle `Admit`). Every cluster has `default`, `kube-system`, `kube-public`
 * (the plugin's immortal namespaces) and `kube-node-lease` (created by the apiserver's
 * system-namespaces controller), so scenarios that name only those need no Namespace object.
 */
import type { Issues } from './issues.ts';
import { asRecord, asString, type JsonObject } from './json.ts';
import { isDNS1123Label } from './validate/names.ts';

export const BUILTIN_NAMESPACES: readonly string[] = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

/**
 * Validates a `v1` Namespace document after its schema check (core/validation ValidateNamespace:
 * the name is required and a DNS-1123 label); returns its name when it is valid.
 */
export function readNamespace(obj: JsonObject, issues: Issues): string | undefined {
  const name = asString(asRecord(obj.metadata)?.name);
  if (!name) {
    issues.required(['metadata', 'name'], 'name or generateName is required');
    return undefined;
  }
  const errs = isDNS1123Label(name);
  for (const m of errs) issues.invalid(['metadata', 'name'], name, m);
  return errs.length === 0 ? name : undefined;
}

/** NamespaceLifecycle's refusal, with the fix. */
export function namespaceNotFound(namespace: string): string {
  return `namespaces "${namespace}" not found: the API server refuses objects in a namespace that does not exist (add a Namespace document named ${namespace})`;
}
