/** Every case the fuzz target once found broken, kept fixed (regressions/*.yaml). */
import { describe, expect, it } from 'vitest';
import { checkCase } from './check.ts';
import { loadRegressions } from './corpus.ts';

describe('fuzz regressions', () => {
  const cases = loadRegressions();
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    it(c.name, async () => {
      const r = await checkCase(c.text, { wallBudgetMs: 5_000, cli: true });
      expect(r.failures).toEqual([]);
    });
  }
});
