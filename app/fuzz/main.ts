/**
 * `npm run fuzz [-- --runs 10000 --seed N --path P --cap 600]`: the nightly-size fuzz run. Without
 * --cap each scenario runs to its own `until`; without --seed the seed is drawn and printed.
 */
import { parseArgs } from 'node:util';
import { loadCorpus } from './corpus.ts';
import { runFuzz } from './run.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    path: { type: 'string' },
    cap: { type: 'string' },
    budget: { type: 'string', default: '5000' },
  },
});
const seed =
  values.seed !== undefined ? Number(values.seed) : (Date.now() ^ (Math.random() * 2 ** 31)) >>> 0;
const corpus = loadCorpus();
console.log(`fuzz: ${values.runs} cases over ${corpus.length} corpus entries, seed ${seed}`);
const summary = await runFuzz(corpus, {
  runs: Number(values.runs),
  seed,
  ...(values.path !== undefined ? { path: values.path } : {}),
  ...(values.cap !== undefined ? { untilCap: Number(values.cap) } : {}),
  wallBudgetMs: Number(values.budget),
  cliEvery: 10,
});
console.log(
  `fuzz: ${summary.runs} cases in ${Math.round(summary.totalMs / 1000)} s, slowest ${Math.round(summary.slowestMs)} ms`,
);
if (summary.failed) {
  console.error(summary.report);
  process.exitCode = 1;
}
