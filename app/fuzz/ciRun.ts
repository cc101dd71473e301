/** The CI share of the fuzz target, split over test files so Vitest runs them on both cores. */
import { expect, it } from 'vitest';
import { loadCorpus } from './corpus.ts';
import { runFuzz } from './run.ts';

/** Simulated time per case in CI (long examples are cut here; `npm run fuzz` runs them whole). */
export const CI_UNTIL_CAP = 600;
/** Per-case wall budget: generous for a loaded 2-core CI box, far below a hang. */
export const CI_WALL_BUDGET_MS = 5_000;

export function fuzzInCi(name: string, seed: number, runs: number): void {
  const envSeed = process.env.FUZZ_SEED;
  it(
    `${name}: ${runs} mutated scenarios from seed ${envSeed ?? seed} hold every invariant`,
    async () => {
      const summary = await runFuzz(loadCorpus(), {
        runs,
        seed: envSeed !== undefined ? Number(envSeed) : seed,
        ...(process.env.FUZZ_PATH !== undefined ? { path: process.env.FUZZ_PATH } : {}),
        untilCap: CI_UNTIL_CAP,
        wallBudgetMs: CI_WALL_BUDGET_MS,
        cliEvery: 10,
      });
      console.log(
        `fuzz ${name}: ${summary.runs} cases, seed ${summary.seed}, ${Math.round(summary.totalMs)} ms, slowest case ${Math.round(summary.slowestMs)} ms`,
      );
      expect(summary.report).toBe('');
    },
    // The whole share, shrinking included, stays well inside CI's hour.
    600_000,
  );
}
