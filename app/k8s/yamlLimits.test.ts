/**
 * Inputs that the YAML library cannot bound by itself: each is a diagnostic at its line, the offending
 * document is left out and every other document still loads (issue 13 items 4, 5, 8).
 */
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseScenario } from './parseScenario.ts';
import { clearParseCache } from './source.ts';
import { addDuplicateKeyErrors } from './yamlLimits.ts';

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

/** What yaml's own (quadratic) check reports, to compare the linear one against. */
function libraryDuplicates(text: string): [number, number][] {
  return parseAllDocuments(text, { version: '1.2', merge: true })
    .flatMap((d) => d.errors)
    .filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => e.pos);
}

describe('duplicate keys: linear check, same message and place as the library gave', () => {
  it.each([
    ['block map', 'a: 1\nb: 2\na: 3\n'],
    ['flow map', 'm: {a: 1, b: 2, a: 3}\n'],
    ['quoted and plain are the same key', 'a: 1\n"a": 2\n\'a\': 3\n'],
    ['string "1" and number 1 differ', '"1": x\n1: y\n'],
    ['1 and 1.0 are the same number', '1: x\n1.0: y\n'],
    ['null keys', '? \n: 1\n~: 2\n'],
    ['with an anchor and a tag', 'a: 1\n&x a: 2\n!!str a: 3\n'],
    ['nested and in sequences', 'l:\n- {k: 1, k: 2}\n- k: 1\n  j: 2\n  k: 3\n'],
    ['merge keys are never duplicates (as yaml)', 'b: &b {x: 1}\nc:\n  <<: *b\n  <<: *b\n'],
    ['.nan is never equal', '.nan: 1\n.nan: 2\n'],
    ['complex keys are never duplicates (compared by identity)', '? [a]\n: 1\n? [a]\n: 2\n'],
    ['no duplicates', 'a: 1\nb: {a: 1}\nc: [{a: 1}, {a: 1}]\n'],
  ])('%s', (name, text) => {
    if (name !== 'no duplicates' && !name.includes('never') && !name.includes('differ'))
      expect(libraryDuplicates(text).length).toBeGreaterThan(0);
    const ours = parseAllDocuments(text, { version: '1.2', merge: true, uniqueKeys: false });
    for (const d of ours) addDuplicateKeyErrors(d);
    const got = ours.flatMap((d) => d.errors).map((e) => [e.code, e.message, e.pos]);
    expect(got).toEqual(
      libraryDuplicates(text).map((pos) => ['DUPLICATE_KEY', 'Map keys must be unique', pos]),
    );
  });

  /** CPU milliseconds of a cold parse of a Pod with `n` labels (CPU, not wall: the CI machine is shared). */
  function parseMs(n: number): number {
    const labels = Array.from({ length: n }, (_, i) => `    k${i}: v\n`).join('');
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: many\n  labels:\n${labels}${POD_TAIL}`;
    clearParseCache();
    const before = process.cpuUsage();
    const r = parseScenario(text);
    const used = process.cpuUsage(before);
    expect(r.diagnostics).toEqual([]);
    expect(r.objects.map((o) => o.name)).toEqual(['many']);
    return (used.user + used.system) / 1000;
  }

  it('a Pod with 50 000 labels parses in linear time (was 15–28 s)', () => {
    parseMs(1000); // warm: schema compilation, JIT
    const small = parseMs(10000);
    const large = parseMs(50000);
    // Linear is ~5x; yaml's quadratic check was ~25x. The absolute bound is issue 13's "under 5 s".
    expect(large / small).toBeLessThan(10);
    expect(large).toBeLessThan(5000);
  });
});

describe('alias expansion is bounded after expansion, not before', () => {
  /** A Pod whose env holds `copies` aliases of one `size`-character string. */
  function aliasPod(size: number, copies: number): string {
    const env = Array.from({ length: copies }, (_, i) => `    - {name: V${i}, value: *big}\n`);
    return `apiVersion: v1\nkind: Pod\nmetadata: {name: bomb}\nspec:\n  containers:\n  - name: c\n    image: busybox\n    args: [&big ${'x'.repeat(size)}]\n    env:\n${env.join('')}`;
  }
  const lineOfAlias = (text: string, n: number) =>
    text.split('\n').findIndex(
      (l, i, all) =>
        all
          .slice(0, i + 1)
          .join('\n')
          .split('*big').length -
          1 ===
        n,
    ) + 1;

  it.each([
    // 300 000 characters: the original and two aliases fit in 1 MiB, the third alias does not.
    ['300 000 characters aliased 999 times', 300000, 999, 3],
    // The case: a 512 KiB string aliased 999 times (543 MB once expanded).
    ['512 KiB aliased 999 times', 512 * 1024, 999, 1],
    ['small values aliased 999 times are fine', 100, 999, 0],
  ])('%s', (_name, size, copies, overAt) => {
    const pod = aliasPod(size, copies);
    const text = `${CM}---\n${pod}`;
    const { diags, names } = rows(text);
    if (overAt === 0) {
      expect(diags).toEqual([]);
      expect(names).toEqual(['ConfigMap/ok', 'Pod/bomb']);
      return;
    }
    expect(diags).toEqual([
      [
        lineOfAlias(text, overAt),
        'too-large',
        'this alias expands the document past 1048576 characters (aliases may not make a document larger than a scenario may be)',
      ],
    ]);
    expect(names).toEqual(['ConfigMap/ok']);
  });
});
