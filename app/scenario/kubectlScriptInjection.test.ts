/**
 * The exported script is run by people: no user string may run as a command. Each adversarial
 * scenario's script runs under `sh` with stub `kubectl`, `sleep` and `date` first on PATH; the
 * hostile names all try to create `pwned` in the working directory.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commentText, toKubectlScript } from './kubectlScript.ts';

const HOSTILE = [
  'demo\ntouch pwned\n#',
  'demo\rtouch pwned',
  'a\u2028touch pwned',
  'a\u0085touch pwned',
  '$(touch pwned)',
  '`touch pwned`',
  "x'; touch pwned; '",
  'x; touch pwned',
];

/**
 * A scenario with `h` in every user-string position the script writes. Names the API server would
 * reject are errors since scenarioNames.ts (those actions are dropped); the free-text positions (a
 * command, a condition type) still reach the script, and the valid exec keeps `kubectl exec` in it.
 */
const scenario = (h: string) => {
  const q = JSON.stringify(h);
  return `apiVersion: podlab.dev/v1
kind: Scenario
metadata: { name: ${q} }
spec:
  until: 2s
  actions:
  - { at: 1s, kill: { pod: web, container: ${q}, exitCode: 3 } }
  - { at: 1s, node: { name: ${q}, state: Lost } }
  - { at: 1s, node: { name: ${q}, state: Ready } }
  - { at: 1s, apply: { kind: Service, name: ${q} } }
  - { at: 1s, exec: { pod: ${q}, container: ${q}, command: ${q} } }
  - { at: 1s, exec: { pod: web, command: ${q} } }
  - { at: 1s, delete: { kind: Pod, name: ${q} } }
  - { at: 1s, setCondition: { pod: ${q}, type: ${q}, status: "True" } }
---
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers: [ { name: app, image: nginx } ]
`;
};

const dir = mkdtempSync(path.join(tmpdir(), 'podlab-script-'));
const bin = path.join(dir, 'bin');
const log = path.join(dir, 'kubectl.log');
execFileSync('mkdir', ['-p', bin]);
for (const [name, body] of [
  // Only the verb is logged: user strings in later arguments may hold newlines themselves.
  ['kubectl', `printf '%s\\n' "kubectl $1" >> '${log}'; cat > /dev/null`],
  ['sleep', 'exit 0'],
  ['date', 'echo 0'],
] as const) {
  writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`);
  chmodSync(path.join(bin, name), 0o755);
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('exported kubectl script under sh', () => {
  it.each(HOSTILE.map((h) => [JSON.stringify(h), h]))('%s runs nothing but kubectl', (_, h) => {
    const script = toKubectlScript(scenario(h));
    const work = mkdtempSync(path.join(dir, 'run-'));
    writeFileSync(log, '');
    execFileSync('sh', ['-c', script], {
      cwd: work,
      env: { PATH: `${bin}:/usr/bin:/bin` },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    expect(existsSync(path.join(work, 'pwned'))).toBe(false);
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls.every((c) => c.startsWith('kubectl '))).toBe(true);
    // `kubectl get pods -w &` runs in the background: it may log after the first apply.
    expect(calls).toContain('kubectl get');
    expect(calls).toContain('kubectl exec');
    // Comment lines hold the hostile text escaped: each comment stays one line.
    for (const line of script.split('\n').filter((l) => l.startsWith('# ')))
      expect(line).not.toMatch(/[\n\r\u2028\u0085]/);
  });

  it('comment text escapes every line break and control character', () => {
    expect(commentText('a\nb\rc\u2028d\u0085e\u0007f')).toBe('a\\nb\\rc\\u2028d\\u0085e\\u0007f');
    expect(commentText('plain name-1')).toBe('plain name-1');
  });
});
