/** `podsim export kubectl FILE`, in-process through `main` with an injected IO. */
import { describe, expect, it } from 'vitest';
import { toKubectlScript } from '../scenario/kubectlScript.ts';
import { loadExamples } from '../scenario/examplesNode.ts';
import type { CliIO } from './io.ts';
import { main } from './main.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function podsim(argv: string[], files: Record<string, string>): Promise<Run> {
  const out = { stdout: '', stderr: '' };
  const io: CliIO = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readStdin: () => Promise.resolve(files['-'] ?? ''),
    readFile: (path) => {
      const text = files[path];
      return text === undefined
        ? Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }))
        : Promise.resolve(text);
    },
  };
  const code = await main(argv, io);
  return { code, ...out };
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx
`;

describe('podsim export kubectl', () => {
  it.each(loadExamples().map((e) => [e.fileName, e] as const))(
    '%s: prints the page export byte for byte',
    async (name, example) => {
      const r = await podsim(['export', 'kubectl', name], { [name]: example.yaml });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(toKubectlScript(example.yaml));
      // Warnings (e.g. a selector that matches nothing) are reported, as by `podsim run`.
      expect(r.stderr).not.toMatch(/: error: /);
      for (const line of r.stderr.split('\n').filter(Boolean))
        expect(line).toMatch(new RegExp(`^${name}:\\d+:\\d+: warning: `));
    },
  );

  it.each([
    [
      'a misspelled field',
      POD.replace('    image:', '    imagee:'),
      /^bad\.yaml:8:5: error: .*imagee/m,
    ],
    [
      'a name the apiserver rejects',
      POD.replace('name: web', 'name: "a\\nb"'),
      /^bad\.yaml:4:9: error: /m,
    ],
  ])('exits 1 with FILE:LINE:COL on stderr and nothing on stdout: %s', async (_, text, want) => {
    const r = await podsim(['export', 'kubectl', 'bad.yaml'], { 'bad.yaml': text });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(want);
  });

  it.each([
    ['a missing file', ['export', 'kubectl', 'nope.yaml'], 1, 'podsim: nope.yaml: no such file\n'],
    [
      'an unknown format',
      ['export', 'helm', 'x.yaml'],
      2,
      'podsim: usage: podsim export kubectl FILE\n',
    ],
    ['no file', ['export', 'kubectl'], 2, 'podsim: usage: podsim export kubectl FILE\n'],
  ])('%s', async (_, argv, code, stderr) => {
    const r = await podsim(argv, {});
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(stderr)).toBe(true);
  });

  it('reads standard input with "-"', async () => {
    const r = await podsim(['export', 'kubectl', '-'], { '-': POD });
    expect(r).toEqual({ code: 0, stdout: toKubectlScript(POD), stderr: '' });
  });
});
