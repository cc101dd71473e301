/**
 * Inputs that the YAML library cannot bound by itself: each is a diagnostic at its line, the offending
 * document is left out and every other document still loads (issue 13 items 4, 5, 8).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parseScenario.ts';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n';
const POD_HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\n  annotations:\n';
const POD_TAIL = 'spec:\n  containers: [{name: c, image: busybox}]\n';

type Row = [number, string | undefined, string];
function rows(text: string): { diags: Row[]; names: string[] } {
  const r = parseScenario(text);
  return {
    diags: r.diagnostics.map((d) => [d.line, d.code, d.message]),
    names: r.objects.map((o) => `${o.kind}/${o.name}`),
  };
}

describe('nesting deeper than the parser stack: a diagnostic, never a RangeError', () => {
  it.each([
    ['compact block sequences in an annotation', `    x:\n      ${'- '.repeat(3000)}y\n`, 7],
    ['compact sequences, 20 000 deep', `    x:\n      ${'- '.repeat(20000)}y\n`, 7],
    ['flow sequences in an annotation', `    x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 6],
  ])('%s', (_name, value, line) => {
    const text = `${CM}---\n${POD_HEAD}${value}${POD_TAIL}---\n${CM.replace('ok', 'after')}`;
    const { diags, names } = rows(text);
    expect(diags).toEqual([[line + 4, 'yaml-syntax', expect.stringMatching(/^nesting too deep/)]]);
    expect(names).toEqual(['ConfigMap/ok', 'ConfigMap/after']);
  });
});
