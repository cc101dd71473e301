/** Gallery logic, pure: what counts as unsaved work, and filtering the list. */
import type { Example } from '../../scenario/exampleMeta.ts';

/**
 * True when `yaml` is the user's own text: not empty, not the default, not an untouched example.
 * Replacing such text offers an undo.
 */
export function isOwnWork(
  yaml: string,
  examples: readonly Example[],
  defaultYaml: string,
): boolean {
  const text = yaml.trim();
  if (text === '' || text === defaultYaml.trim()) return false;
  return !examples.some((e) => e.yaml.trim() === text);
}

/** Case-insensitive match on title, slug, "watch" text and source; every word must match. */
export function filterExamples(examples: readonly Example[], query: string): Example[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...examples];
  return examples.filter((e) => {
    const hay = `${e.title} ${e.slug} ${e.watch} ${e.source ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
