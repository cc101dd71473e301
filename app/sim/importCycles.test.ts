/**
 * No import cycles under app/sim (DESIGN §1), type-only imports included: the same graph as
 * ../shared/tools/cycles.mjs (static import/export text, tests and benches excluded), Tarjan's SCCs.
 * KNOWN lists the cycles that exist today (none since the shell's ShellState interface); the test
 * fails on any new cycle and on a known one that is gone, so the list only shrinks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = dirname(fileURLToPath(import.meta.url));

const KNOWN: string[][] = [];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.(ts|tsx|mts)$/.test(e) && !/\.(test|bench)\.|\.d\.ts$/.test(e)) out.push(p);
  }
  return out;
}

function importGraph(files: string[]): Map<string, string[]> {
  const set = new Set(files);
  const edges = new Map<string, string[]>(files.map((f) => [f, []]));
  const re = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?from\s+)?['"](\.[^'"]+)['"]/g;
  for (const f of files) {
    const src = readFileSync(f, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const m of src.matchAll(re)) {
      const t = resolve(dirname(f), m[1] ?? '');
      const hit = [t, `${t}.ts`, `${t}.tsx`, join(t, 'index.ts')].find((c) => set.has(c));
      if (hit) edges.get(f)?.push(hit);
    }
  }
  return edges;
}

/** Strongly connected components with more than one file (Tarjan). */
function cycles(edges: Map<string, string[]>): string[][] {
  let idx = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const num = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    num.set(v, idx);
    low.set(v, idx);
    idx++;
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!num.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, num.get(w)!));
    }
    if (low.get(v) !== num.get(v)) return;
    const c: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      on.delete(w);
      c.push(w);
    } while (w !== v);
    if (c.length > 1) out.push(c);
  };
  for (const f of edges.keys()) if (!num.has(f)) visit(f);
  return out;
}

describe('app/sim import graph', () => {
  it('has no import cycles beyond the known ones (and every known one still exists)', () => {
    const found = cycles(importGraph(sourceFiles(ROOT)))
      .map((c) => c.map((f) => relative(ROOT, f)).sort())
      .sort((a, b) => a[0]!.localeCompare(b[0]!));
    const known = KNOWN.map((c) => [...c].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
    expect(found).toEqual(known);
  });

  it('finds a cycle through a type-only import', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(cycles(g)).toEqual([['b.ts', 'a.ts']]);
  });
});
