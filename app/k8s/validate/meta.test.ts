import { describe, expect, it } from 'vitest';
import { parseScenario } from '../parseScenario.ts';

function diags(text: string): string[] {
  return parseScenario(text).diagnostics.map((d) => `${d.line} ${d.message}`);
}
const cm = (meta: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n${meta}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\n`;
const QNAME =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('annotations (apimachinery api/validation/objectmeta.go ValidateAnnotations)', () => {
  it.each([
    ['a small annotation', '  annotations: {a: b}\n', []],
    ['keys are qualified names, case ignored', '  annotations: {Example.COM/Key: v}\n', []],
    [
      'an invalid key',
      '  annotations: {"a b": v}\n',
      [`5 metadata.annotations: Invalid value: "a b": ${QNAME}`],
    ],
    ['exactly 262144 bytes', `  annotations: {k: ${'x'.repeat(262143)}}\n`, []],
    [
      'one byte over 262144 in total',
      `  annotations:\n    k: ${'x'.repeat(200000)}\n    j: ${'x'.repeat(62143)}\n`,
      ['5 metadata.annotations: Too long: must have at most 262144 bytes'],
    ],
    [
      'bytes, not characters (é is 2 bytes)',
      `  annotations: {k: ${'é'.repeat(131072)}}\n`,
      ['5 metadata.annotations: Too long: must have at most 262144 bytes'],
    ],
  ])('%s', (_name, meta, expected) => {
    const text = cm(meta);
    expect(diags(text)).toEqual(expected);
    const names = parseScenario(text).objects.map((o) => o.name);
    expect(names).toEqual(expected.length ? ['other'] : ['c', 'other']);
  });
});
