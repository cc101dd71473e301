/**
 * Small functions with one job (issue 9): no function of the kubelet, the cluster, the scheduler,
 * the charts or the clock is longer than 80 lines, so a kubelet engineer can read each rule on one
 * screen next to its upstream counterpart. Projections and the shell interpreter are not checked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = dirname(fileURLToPath(import.meta.url));
const CHECKED = ['kubelet', 'cluster', 'scheduler', 'charts', 'clock'];
const MAX_LINES = 80;

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.ts$/.test(e) && !/\.(test|bench)\.ts$/.test(e)) out.push(p);
  }
  return out;
}

function longFunctions(path: string): string[] {
  const src = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const from = src.getLineAndCharacterOfPosition(node.getStart()).line;
      const to = src.getLineAndCharacterOfPosition(node.end).line;
      if (to - from + 1 > MAX_LINES)
        out.push(`${relative(ROOT, path)}:${from + 1} (${to - from + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

describe('function size', () => {
  it(`no function in app/sim/{${CHECKED.join(',')}} is over ${MAX_LINES} lines`, () => {
    const all = CHECKED.flatMap((d) => files(join(ROOT, d)));
    expect(all.length).toBeGreaterThan(20);
    expect(all.flatMap(longFunctions)).toEqual([]);
  });
});
