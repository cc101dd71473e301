/**
 * The fuzz run: fast-check draws (corpus entry, mutations) pairs from a seed, each case goes
 * through checkCase, and the first case that breaks an invariant is shrunk and reported with the
 * seed and path that replay it (`FUZZ_SEED=… FUZZ_PATH=…`).
 */
import fc from 'fast-check';
import { checkCase, type CaseOptions } from './check.ts';
import type { CorpusEntry } from './corpus.ts';
import { mutate, mutationArb, type Mutation } from './mutate.ts';

export interface FuzzOptions extends CaseOptions {
  runs: number;
  seed: number;
  path?: string;
  /** Every n-th case also goes through the CLI (it simulates again: costly). */
  cliEvery?: number;
}

export interface FuzzSummary {
  runs: number;
  seed: number;
  failed: boolean;
  /** fast-check's report: seed, path, shrunk counterexample and its failures. */
  report: string;
  slowestMs: number;
  totalMs: number;
}

export const caseArb = (corpus: readonly CorpusEntry[]) =>
  fc.record({
    base: fc.nat({ max: corpus.length - 1 }),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
  });

export function caseText(
  corpus: readonly CorpusEntry[],
  c: { base: number; mutations: Mutation[] },
): string {
  return mutate(corpus[c.base]?.text ?? '', c.mutations);
}

export async function runFuzz(
  corpus: readonly CorpusEntry[],
  opts: FuzzOptions,
): Promise<FuzzSummary> {
  let n = 0;
  let slowestMs = 0;
  const started = performance.now();
  const property = fc.asyncProperty(caseArb(corpus), async (c) => {
    const text = caseText(corpus, c);
    const cli = opts.cliEvery !== undefined && n++ % opts.cliEvery === 0;
    const r = await checkCase(text, { ...opts, cli });
    slowestMs = Math.max(slowestMs, r.wallMs);
    if (r.failures.length > 0) {
      throw new Error(
        `${corpus[c.base]?.name ?? '?'}: ${r.failures.join('; ')}\n--- case text ---\n${text}`,
      );
    }
  });
  const details = await fc.check(property, {
    numRuns: opts.runs,
    seed: opts.seed,
    ...(opts.path !== undefined ? { path: opts.path } : {}),
  });
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : '';
  const report = details.failed ? `${fc.defaultReportMessage(details) ?? 'failed'}\n${error}` : '';
  return {
    runs: details.numRuns,
    seed: opts.seed,
    failed: details.failed,
    report,
    slowestMs,
    totalMs: performance.now() - started,
  };
}
