/** `main` in-process (no spawn): flags and their bounds. */
import { describe, expect, it } from 'vitest';
import type { CliIO } from './io.ts';
import { main } from './main.ts';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: app, image: nginx}]
`;

export async function runMain(
  argv: string[],
  files: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: () => Promise.resolve(''),
    readFile: (p) => {
      const text = files[p];
      return text === undefined ? Promise.reject(new Error(`ENOENT: ${p}`)) : Promise.resolve(text);
    },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('podsim --until / --at are bounded like spec.until (24h)', () => {
  const TOO_LONG = 'must be at most 24h: the simulator runs at most 24h of simulated time';
  it.each([
    [['run', 'pod.yaml', '--until', '100000h'], `podsim: invalid --until "100000h": ${TOO_LONG}`],
    [['get', 'pods', 'pod.yaml', '--at', '25h'], `podsim: invalid --at "25h": ${TOO_LONG}`],
  ])('%j is a usage error', async (argv, message) => {
    const r = await runMain(argv, { 'pod.yaml': POD });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(message);
  });

  it('a Scenario with until: 100000h is an error at its line (exit 1), nothing simulated', async () => {
    const text = `apiVersion: podlab.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  until: 100000h\n---\n${POD}`;
    const r = await runMain(['run', 's.yaml'], { 's.yaml': text });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `s.yaml:5:10: error: spec.until: Invalid value: "100000h": ${TOO_LONG}\n`,
    );
  });
});
