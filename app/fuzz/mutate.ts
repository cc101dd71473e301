/**
 * Text mutations of scenario YAML for the fuzz target. A mutation is plain data (kind + small
 * integers), so fast-check can generate, shrink and print it, and a failing case replays exactly
 * from its seed. Mutations work on lines and tokens the way a careless edit or a hostile link would:
 * numbers and durations pushed to their edges, values replaced by hostile strings, lines dropped,
 * doubled, swapped or re-indented, the text cut short.
 */
import fc from 'fast-check';

/** Values a careless or hostile user puts where a number goes. */
export const NUMBERS = [
  '0',
  '-1',
  '1',
  '2',
  '3',
  '7',
  '30',
  '600',
  '2147483647',
  '2147483648',
  '9007199254740993',
  '1e9',
  '0.5',
  '-0',
  '""',
  'null',
] as const;

/** Where a duration goes (Scenario `until`, `at`, profile values). */
export const DURATIONS = ['0s', '1ms', '1s', '59s', '10m', '1h', '24h', '100000h', '-5s', '1.5s'];

/** Strings that have broken, or could break, a projection, an export or the page. */
export const HOSTILE = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '"demo\\ntouch pwned\\n#"',
  '"a\\rb"',
  '"$(touch pwned)"',
  "'`touch pwned`'",
  '"x; touch pwned"',
  '"\\u2028line"',
  '"\\u0085nel"',
  '"<img src=x onerror=alert(1)>"',
  '"\\u00a0name"',
  'web',
  '""',
  '"-"',
  '"a".repeat',
  '[]',
  '{}',
  '*anchor',
  '"sleep 3600"',
  '"f() { f; }; f"',
  '"while true; do echo $(seq 1 1000); sleep 0.001; done"',
  '"printf %0999999999d 1"',
  '"x=a; while true; do x=$x$x; done"',
  '"sleep 100 & sleep 100 & sleep 100 & wait"',
  '"exit 137"',
  '"kill -9 1"',
] as const;

/** Lines a user might paste into the middle of a manifest. */
export const LINES = [
  '---',
  '  restartPolicy: Never',
  '  restartPolicy: OnFailure',
  '    livenessProbe: { exec: { command: [false] }, periodSeconds: 1, failureThreshold: 1 }',
  '    readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 1 }',
  '  terminationGracePeriodSeconds: 0',
  '  activeDeadlineSeconds: 5',
  '  - { at: 3s, delete: { kind: Pod, name: web } }',
  '  - { at: 2s, kill: { pod: web, container: app } }',
  '  - { at: 1s, node: { name: node-1, state: Lost } }',
  'kind: Pod',
  'metadata: { name: constructor, namespace: team-b }',
  '\tname: tab',
  'key: &anchor [1, 2, 3]',
  '  - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - x',
  '#',
] as const;

export type Mutation =
  | { op: 'number'; at: number; value: number }
  | { op: 'duration'; at: number; value: number }
  | { op: 'value'; at: number; value: number }
  | { op: 'name'; at: number; value: number }
  | { op: 'deleteLine'; at: number }
  | { op: 'duplicateLine'; at: number }
  | { op: 'swapLines'; at: number; with: number }
  | { op: 'indent'; at: number; by: number }
  | { op: 'insertLine'; at: number; value: number }
  | { op: 'truncate'; at: number };

const index = fc.nat({ max: 10_000 });

/** Mild edits weigh more than ones that break a document, so most cases still run pods. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('number' as const), at: index, value: index }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('duration' as const), at: index, value: index }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('name' as const), at: index, value: index }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('value' as const), at: index, value: index }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteLine' as const), at: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicateLine' as const), at: index }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('swapLines' as const), at: index, with: index }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('indent' as const),
      at: index,
      by: fc.integer({ min: -4, max: 4 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('insertLine' as const), at: index, value: index }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: index }) },
);

const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;

const NUMBER_TOKEN = /(?<=[:\s[,-])(-?\d+(?:\.\d+)?)(?=\s*(?:[,\]}#]|$))/g;
const DURATION_TOKEN = /\b\d+(?:\.\d+)?(?:ms|s|m|h)\b/g;
/** A name a user gives: an object's, a container's, a condition type's, an action's target. */
const NAME_FIELD =
  /((?:name|container|pod|conditionType|type|service|claimName|secretName):\s+)([^\s{[|>&*#][^#\n,}]*)/g;

/** `key: value` where the value is a plain scalar (not a block or flow start). */
const SCALAR_VALUE = /(:\s+)([^\s{[|>&*#'"][^#\n]*?|'[^'\n]*'|"[^"\n]*")(\s*(?:#.*)?$)/;

/** Replace the `k`-th match of `re` (global) in `text`, counting across the whole text. */
function replaceNth(text: string, re: RegExp, k: number, value: string): string {
  const matches = [...text.matchAll(re)];
  if (matches.length === 0) return text;
  const m = pick(matches, k);
  const start = m.index ?? 0;
  return text.slice(0, start) + value + text.slice(start + m[0].length);
}

export function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const n = lines.length;
  switch (m.op) {
    case 'number':
      return replaceNth(text, NUMBER_TOKEN, m.at, pick(NUMBERS, m.value));
    case 'duration':
      return replaceNth(text, DURATION_TOKEN, m.at, pick(DURATIONS, m.value));
    case 'value': {
      const candidates = lines.flatMap((l, i) => (SCALAR_VALUE.test(l) ? [i] : []));
      if (candidates.length === 0) return text;
      const i = pick(candidates, m.at);
      lines[i] = (lines[i] ?? '').replace(SCALAR_VALUE, `$1${pick(HOSTILE, m.value)}$3`);
      return lines.join('\n');
    }
    case 'name': {
      const matches = [...text.matchAll(NAME_FIELD)];
      if (matches.length === 0) return text;
      const m0 = pick(matches, m.at);
      const start = (m0.index ?? 0) + (m0[1]?.length ?? 0);
      return (
        text.slice(0, start) + pick(HOSTILE, m.value) + text.slice(start + (m0[2]?.length ?? 0))
      );
    }
    case 'deleteLine':
      lines.splice(m.at % n, 1);
      return lines.join('\n');
    case 'duplicateLine': {
      const i = m.at % n;
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'swapLines': {
      const i = m.at % n;
      const j = m.with % n;
      const a = lines[i] ?? '';
      lines[i] = lines[j] ?? '';
      lines[j] = a;
      return lines.join('\n');
    }
    case 'indent': {
      const i = m.at % n;
      const l = lines[i] ?? '';
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + l : l.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
    case 'insertLine':
      lines.splice(m.at % (n + 1), 0, pick(LINES, m.value));
      return lines.join('\n');
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
  }
}

export function mutate(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(applyMutation, text);
}
