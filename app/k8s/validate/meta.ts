/** ObjectMeta rules (ValidateObjectMeta, ValidateLabels in apimachinery's validation). */
import type { Issues } from '../issues.ts';
import { asRecord, asString, type JsonObject } from '../json.ts';
import { isDNS1123Label, isQualifiedName, isValidLabelValue } from './names.ts';

export type NameRule = (name: string) => string[];

export function validateObjectMeta(obj: JsonObject, nameRule: NameRule, issues: Issues): void {
  const meta = asRecord(obj.metadata) ?? {};
  const name = asString(meta.name);
  if (!name) {
    if (!asString(meta.generateName)) {
      issues.required(['metadata', 'name'], 'name or generateName is required');
    }
  } else {
    for (const m of nameRule(name)) issues.invalid(['metadata', 'name'], name, m);
  }
  const ns = asString(meta.namespace);
  if (ns) for (const m of isDNS1123Label(ns)) issues.invalid(['metadata', 'namespace'], ns, m);
  validateLabels(asRecord(meta.labels), ['metadata', 'labels'], issues);
}

export function validateLabels(
  labels: JsonObject | undefined,
  path: string[],
  issues: Issues,
): void {
  if (!labels) return;
  for (const [k, v] of Object.entries(labels)) {
    for (const m of isQualifiedName(k)) issues.invalid(path, k, m);
    if (typeof v === 'string')
      for (const m of isValidLabelValue(v)) issues.invalid([...path, k], v, m);
  }
}
