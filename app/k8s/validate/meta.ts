/**
 * ObjectMeta rules: ValidateObjectMeta and ValidateAnnotations (apimachinery pkg/api/validation/
 * objectmeta.go), ValidateLabels (apimachinery pkg/apis/meta/v1/validation/validation.go).
 */
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
  validateAnnotations(asRecord(meta.annotations), ['metadata', 'annotations'], issues);
}

/** objectmeta.go TotalAnnotationSizeLimitB: keys and values together, in bytes. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * (1 << 10);

/** Bytes of `s` in UTF-8 (Go's len of a string), without an encoder. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * objectmeta.go ValidateAnnotations: every key is a qualified name once lower-cased (the message shows
 * the key as written), and the total size of keys and values is at most 256 KiB.
 */
export function validateAnnotations(
  annotations: JsonObject | undefined,
  path: string[],
  issues: Issues,
): void {
  if (!annotations) return;
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const m of isQualifiedName(k.toLowerCase())) issues.invalid(path, k, m);
    total += utf8Length(k) + (typeof v === 'string' ? utf8Length(v) : 0);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) issues.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B);
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
