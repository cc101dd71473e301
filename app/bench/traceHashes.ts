/**
 * `node --import tsx app/bench/traceHashes.ts`: one sha256 of each run's whole result (trace,
 * diagnostics, traffic) for every bundled example and the budget scenarios. An engine change that
 * is meant to be behaviour-free prints the same lines before and after (diff the two outputs).
 */
import { createHash } from 'node:crypto';
import { simulate, simulateText } from '../sim/index.ts';
import { busyPods } from '../sim/testing/busyPods.ts';
import { DEPLOYMENT_100 } from '../sim/testing/deployment100.ts';
import { TWO_WEBS } from '../sim/testing/twoWebs.ts';
import { loadExamples } from '../scenario/examplesNode.ts';

const sha = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');
const line = (name: string, v: unknown) => console.log(`${sha(v)}  ${name}`);

line('DEPLOYMENT_100', simulateText(DEPLOYMENT_100).result);
for (const until of [10, 60, 300]) {
  line(`DEPLOYMENT_100 until ${until}`, simulateText(DEPLOYMENT_100, { until }).result);
}
line(
  'DEPLOYMENT_100 uncompacted 300',
  simulateText(DEPLOYMENT_100, { until: 300, compact: false }).result,
);
line('TWO_WEBS', simulateText(TWO_WEBS).result);
line('busyPods(100, 600)', simulate(busyPods(100, 600)));
for (const e of loadExamples()) {
  line(e.slug, simulateText(e.yaml).result);
  line(`${e.slug} uncompacted`, simulateText(e.yaml, { compact: false }).result);
}
