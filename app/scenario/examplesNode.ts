/** The bundled examples for Node (CLI, tsx): read from disk beside this module. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRegistry, metaName, type Example } from './exampleMeta.ts';

export const EXAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'examples');

export function loadExamples(dir: string = EXAMPLES_DIR): Example[] {
  const names = readdirSync(dir).filter((n) => n.endsWith('.yaml'));
  return buildRegistry(
    names.map((n) => [n, readFileSync(join(dir, n), 'utf8'), readMeta(join(dir, metaName(n)))]),
  );
}

function readMeta(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

export function loadExample(slug: string, dir: string = EXAMPLES_DIR): Example | undefined {
  return loadExamples(dir).find((e) => e.slug === slug);
}

export type { Example };
