/**
 * What the fuzz target mutates: every bundled example and every YAML block of the study notes
 * (`../shared/seeds`, present beside the checkout in CI), in a fixed order so a seed replays.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractYamlBlocks } from '../k8s/markdownYaml.ts';
import { loadExamples } from '../scenario/examplesNode.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SEEDS_DIR = path.resolve(here, '../../../shared/seeds');
export const REGRESSIONS_DIR = path.join(here, 'regressions');

export interface CorpusEntry {
  name: string;
  text: string;
}

export function loadCorpus(): CorpusEntry[] {
  const entries: CorpusEntry[] = loadExamples().map((e) => ({ name: e.fileName, text: e.yaml }));
  if (existsSync(SEEDS_DIR)) {
    for (const f of readdirSync(SEEDS_DIR).sort()) {
      const blocks = extractYamlBlocks(readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
      for (const b of blocks) entries.push({ name: `${f}:${b.line}`, text: b.text });
    }
  }
  return entries;
}

/** Cases that once failed, kept as files so they stay fixed. */
export function loadRegressions(): CorpusEntry[] {
  if (!existsSync(REGRESSIONS_DIR)) return [];
  return readdirSync(REGRESSIONS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(path.join(REGRESSIONS_DIR, f), 'utf8') }));
}
