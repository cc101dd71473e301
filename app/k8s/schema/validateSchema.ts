/**
 * Structural validation against the generated schema (k8s.schema.json) with ajv, reported the way the
 * API server's strict decoding does: unknown fields at their key, wrong types at their value.
 * The validator is compiled once, on first use.
 */
import { DEFAULT_KUBERNETES_VERSION, type KubernetesVersion } from '../features.ts';
import { fieldSinceNote } from './fieldsSince.ts';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from './k8s.schema.json';
import { closest } from '../suggest.ts';
import { formatPath, type Segment } from '../path.ts';
import { formatValue, type Issues } from '../issues.ts';
import { asRecord } from '../json.ts';

let compiled: ValidateFunction | undefined;

/**
 * Compiles the schema on first use (~170 ms cold in Node, ~110 ms warm), then reuses it.
 * `optimize: false` halves the compile time and costs nothing measurable per validation.
 */
export function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({
      allErrors: true,
      strict: false,
      allowUnionTypes: true,
      code: { optimize: false },
    });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/** `/spec/containers/0` → ['spec', 'containers', 0], numbers only where the data is a list. */
function segmentsOf(instancePath: string, data: unknown): { path: Segment[]; value: unknown } {
  if (instancePath === '') return { path: [], value: data };
  const out: Segment[] = [];
  let cur: unknown = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      const i = Number(key);
      out.push(i);
      cur = cur[i];
    } else {
      out.push(key);
      cur = asRecord(cur)?.[key];
    }
  }
  return { path: out, value: cur };
}

const definitions = asRecord(schema.definitions) ?? {};

function deref(node: unknown): Record<string, unknown> | undefined {
  let cur = asRecord(node);
  for (let i = 0; i < 8 && typeof cur?.$ref === 'string'; i++) {
    cur = asRecord(definitions[cur.$ref.replace('#/definitions/', '')]);
  }
  return cur;
}

/**
 * The object schema at `path` of a document of kind `kind`, walked through properties/items/$ref.
 * (ajv's schemaPath is relative to the compiled sub-function, so it cannot name the parent schema.)
 */
function schemaAt(kind: unknown, path: readonly Segment[]): Record<string, unknown> | undefined {
  let cur = deref(definitions[String(kind)]);
  for (const seg of path) {
    if (!cur) return undefined;
    cur =
      typeof seg === 'number'
        ? deref(cur.items)
        : deref(asRecord(cur.properties)?.[seg] ?? cur.additionalProperties);
  }
  return cur;
}

const ARTICLE: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function describeTypes(t: unknown): string {
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => ARTICLE[String(x)] ?? String(x)).join(' or ');
}

function shortValue(v: unknown): string {
  if (Array.isArray(v)) return '[...]';
  if (typeof v === 'object' && v !== null) return '{...}';
  return formatValue(v);
}

function report(
  err: ErrorObject,
  data: unknown,
  issues: Issues,
  typeErrors: { count: number },
  version: KubernetesVersion,
): void {
  const { path, value } = segmentsOf(err.instancePath, data);
  const params = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'if':
    case 'pattern': // durations: readScenario reports them in words
      return;
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const full = [...path, field];
      const props = asRecord(schemaAt(asRecord(data)?.kind, path)?.properties);
      const hint = props ? closest(field, Object.keys(props)) : undefined;
      const since = fieldSinceNote(asRecord(data)?.kind, path, field, version);
      issues.raw(
        full,
        `unknown field "${formatPath(full)}"${since ? `: ${since}` : hint ? ` (did you mean ${hint}?)` : ''}`,
        'unknown-field',
        'key',
      );
      return;
    }
    case 'required':
      issues.required([...path, String(params.missingProperty)]);
      return;
    case 'type':
      typeErrors.count++;
      issues.raw(
        path,
        `${formatPath(path)}: Invalid value: ${shortValue(value)}: must be ${describeTypes(params.type)}`,
        'invalid-type',
        'value',
      );
      return;
    case 'const': {
      const top = asRecord(data);
      if (path.length === 1 && path[0] === 'apiVersion') {
        issues.raw(
          path,
          `no matches for kind "${String(top?.kind)}" in version "${String(value)}"`,
          'invalid-value',
          'value',
        );
      } else {
        issues.notSupported(path, value, [String(params.allowedValue)]);
      }
      return;
    }
    case 'enum':
      issues.notSupported(path, value, (params.allowedValues as unknown[]).map(String));
      return;
    default:
      issues.raw(
        path,
        `${formatPath(path)}: Invalid value: ${shortValue(value)}: ${err.message ?? 'invalid'}`,
        'invalid-value',
        'value',
      );
  }
}

/** Validates one object; returns how many type errors were found (typed validation skips those objects). */
export function validateSchema(
  obj: unknown,
  issues: Issues,
  version: KubernetesVersion = DEFAULT_KUBERNETES_VERSION,
): number {
  const validate = validator();
  const typeErrors = { count: 0 };
  if (!validate(obj))
    for (const err of validate.errors ?? []) report(err, obj, issues, typeErrors, version);
  return typeErrors.count;
}
