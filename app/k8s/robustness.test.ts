/** parseScenario runs on every keystroke: whatever the text, it returns diagnostics and never throws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parseScenario.ts';

const SEED = `apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
  labels: {test: liveness}
spec:
  initContainers:
  - name: init
    image: busybox
    command: ['sh', '-c', 'sleep 2']
  containers:
  - name: liveness
    image: k8s.gcr.io/busybox
    args: [/bin/sh, -c, 'touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600']
    ports:
    - {name: http, containerPort: 8080}
    livenessProbe:
      exec:
        command: [cat, /tmp/healthy]
      initialDelaySeconds: 5
      periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {test: liveness}
  ports: [{port: 80, targetPort: http}]
`;

function check(text: string): void {
  const r = parseScenario(text);
  const lines = text.split('\n').length;
  for (const d of r.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines + 1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.endLine * 10000 + d.endColumn).toBeGreaterThan(d.line * 10000 + d.column - 1);
  }
}

describe('robustness', () => {
  it('random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (t) => check(t)),
      { numRuns: 300 },
    );
  });

  it('random edits of a valid scenario (delete, insert, indent)', () => {
    const edit = fc.tuple(
      fc.nat({ max: SEED.length }),
      fc.nat({ max: 12 }),
      fc.constantFrom(
        '',
        ' ',
        '  ',
        '\t',
        '\n',
        ':',
        '- ',
        '"',
        "'",
        '{',
        ']',
        '---\n',
        '&a ',
        '*a',
        'null',
        '-1',
      ),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = SEED;
        for (const [at, del, ins] of edits) text = text.slice(0, at) + ins + text.slice(at + del);
        check(text);
      }),
      { numRuns: 400 },
    );
  });

  it('an alias bomb is a diagnostic, not a hang or a crash', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      bomb.push(`${next}: &${next} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`);
    }
    const r = parseScenario(`${bomb.join('\n')}\n`);
    // 9 * 6^8 = 15 M characters once expanded: stopped at the alias that passes 1 MiB (yamlLimits.ts),
    // before yaml's maxAliasCount is reached.
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['too-large', 8]]);
    expect(r.diagnostics[0]?.message).toMatch(/^this alias expands the document past 1048576/);
  });
});
