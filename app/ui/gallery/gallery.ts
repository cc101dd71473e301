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

export type ExampleGroup = 'From the study notes' | 'Kubernetes behaviours' | 'What if…';
export const GROUP_ORDER: readonly ExampleGroup[] = [
  'From the study notes',
  'Kubernetes behaviours',
  'What if…',
];

/** Where an example sits in the gallery: "What if" titles, seed-note sources, the rest. */
export function groupOf(e: Example): ExampleGroup {
  if (/^what if\b/i.test(e.title)) return 'What if…';
  if (/\bseed\b/i.test(e.source ?? '')) return 'From the study notes';
  return 'Kubernetes behaviours';
}

/** Examples by group, in gallery order, leaving out empty groups. */
export function groupExamples(
  examples: readonly Example[],
): { group: ExampleGroup; examples: Example[] }[] {
  return GROUP_ORDER.map((group) => ({
    group,
    examples: examples.filter((e) => groupOf(e) === group),
  })).filter((g) => g.examples.length > 0);
}
