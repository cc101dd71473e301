/** Narrowing helpers for decoded YAML (plain JSON values of unknown shape). */
export type JsonObject = Record<string, unknown>;

export function asRecord(v: unknown): JsonObject | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function asNumber(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/**
 * Go decodes `field: null` as "absent": drop null map values everywhere, as the API server would
 * see them (a null list item stays, and is then a type error).
 */
export function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pruneNulls);
  const obj = asRecord(v);
  if (!obj) return v;
  const out: JsonObject = {};
  for (const [k, val] of Object.entries(obj)) if (val !== null) out[k] = pruneNulls(val);
  return out;
}

/** Deep copy of decoded YAML (plain JSON values only; no structuredClone in the engine's lib). */
export function cloneJson<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneJson) as T;
  const obj = asRecord(v);
  if (!obj) return v;
  const out: JsonObject = {};
  for (const [k, val] of Object.entries(obj)) out[k] = cloneJson(val);
  return out as T;
}
