import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../scenario/examples.ts';
import { filterExamples, groupExamples, groupOf, GROUP_ORDER, isOwnWork } from './gallery.ts';

const DEFAULT = 'kind: Pod # default\n';

describe('isOwnWork', () => {
  it('an untouched example, the default or an empty editor is not the user’s work', () => {
    expect(isOwnWork(EXAMPLES[3]!.yaml, EXAMPLES, DEFAULT)).toBe(false);
    expect(isOwnWork(`${EXAMPLES[3]!.yaml}\n\n`, EXAMPLES, DEFAULT)).toBe(false);
    expect(isOwnWork(DEFAULT, EXAMPLES, DEFAULT)).toBe(false);
    expect(isOwnWork('  \n', EXAMPLES, DEFAULT)).toBe(false);
  });
  it('an edited example is', () => {
    expect(isOwnWork(`${EXAMPLES[3]!.yaml}# mine\n`, EXAMPLES, DEFAULT)).toBe(true);
  });
});

describe('filterExamples', () => {
  it('matches every word in title, slug, watch text or source', () => {
    expect(filterExamples(EXAMPLES, '').length).toBe(EXAMPLES.length);
    const hits = filterExamples(EXAMPLES, 'liveness DOCS');
    expect(hits.length).toBeGreaterThanOrEqual(2);
    for (const e of hits) {
      const hay = `${e.title} ${e.slug} ${e.watch} ${e.source ?? ''}`.toLowerCase();
      expect(hay).toContain('liveness');
      expect(hay).toContain('docs');
    }
    expect(hits.map((e) => e.slug)).toContain('liveness-exec');
    expect(filterExamples(EXAMPLES, 'seed 001').map((e) => e.slug)).toContain('init-containers');
    expect(filterExamples(EXAMPLES, 'zzz-nothing')).toEqual([]);
  });
});

describe('groupExamples', () => {
  it('puts every example in exactly one group, in gallery order', () => {
    const groups = groupExamples(EXAMPLES);
    expect(groups.map((g) => g.group)).toEqual(GROUP_ORDER);
    expect(groups.flatMap((g) => g.examples).length).toBe(EXAMPLES.length);
    expect(groupOf(EXAMPLES.find((e) => e.slug === 'init-containers')!)).toBe(
      'From the study notes',
    );
    expect(groupOf(EXAMPLES.find((e) => e.slug === 'crashloop-ladder')!)).toBe('What if…');
    expect(groupOf(EXAMPLES.find((e) => e.slug === 'native-sidecar')!)).toBe(
      'Kubernetes behaviours',
    );
    expect(groupExamples([])).toEqual([]);
  });
});
