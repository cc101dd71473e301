/**
 * Every bundled example through the real engine: it parses with no errors, the engine reports no
 * errors, and each `# expect:` promise holds on the `podsim --json` projection. Promises come from
 * the kubelet reference (shared/reference), not from what the engine prints: where the engine
 * disagrees, the promise stays and is listed in KNOWN_DISAGREEMENTS (run as `it.fails`).
 */
import { describe, expect, it } from 'vitest';
import { simulateText } from '../sim/index.ts';
import { toPodsimJson, type PodsimJson } from '../sim/trace/index.ts';
import { checkPromise } from './checkPromise.ts';
import { EXAMPLES } from './examples.ts';
import { parsePromise } from './promises.ts';

/**
 * `slug` → promise texts the engine does not meet yet (each with the reason). Never delete a
 * promise to make a test pass: list it here and report it.
 */
const KNOWN_DISAGREEMENTS: Readonly<Record<string, readonly string[]>> = {
  // None. History: the sidecar's `tail -F` used to exit on a missing file (runtime fixed). The
  // app's `terminated` status was promised at 70-71 s; the kubelet's SyncTerminatingPod publishes
  // status only after killPod returns (app SIGKILLed at 70, sidecar at 72), so it is 72-73 s.
};

const runs = new Map<string, { json: PodsimJson; errors: string[] }>();
function run(slug: string, yaml: string) {
  let r = runs.get(slug);
  if (!r) {
    const { parsed, result } = simulateText(yaml);
    const errors = [...parsed.diagnostics, ...result.diagnostics]
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.line ?? '?'}:${d.column ?? '?'} ${d.message}`);
    r = { json: toPodsimJson(result), errors };
    runs.set(slug, r);
  }
  return r;
}

describe.each(EXAMPLES.map((e) => [e.fileName, e] as const))('%s', (_name, example) => {
  it('parses and simulates with no error diagnostics', () => {
    expect(run(example.slug, example.yaml).errors).toEqual([]);
  });

  const known = KNOWN_DISAGREEMENTS[example.slug] ?? [];
  for (const line of example.expect) {
    const test = known.includes(line) ? it.fails : it;
    test(`expect: ${line}`, () => {
      const parsed = parsePromise(line);
      if (!parsed.ok) throw new Error(parsed.error);
      const result = checkPromise(run(example.slug, example.yaml).json, parsed.promise);
      expect(result.ok ? 'ok' : result.message).toBe('ok');
    });
  }
});

it('KNOWN_DISAGREEMENTS only names promises that exist', () => {
  for (const [slug, lines] of Object.entries(KNOWN_DISAGREEMENTS)) {
    const e = EXAMPLES.find((x) => x.slug === slug);
    expect(e, slug).toBeDefined();
    for (const line of lines) expect(e?.expect, `${slug}: ${line}`).toContain(line);
  }
});
