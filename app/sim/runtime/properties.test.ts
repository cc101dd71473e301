/** Invariants of the runtime, checked over generated inputs. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHarness, podOf } from './testing.ts';
import { expandK8s } from './env.ts';
import { Vfs, newDir, normalizePath } from './fs/vfs.ts';

function run(script: string, until = 10_000_000) {
  const h = createHarness(
    podOf({ containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', script] }] }),
  );
  const s = h.start('c');
  h.scheduler.runUntil(until);
  return s;
}

describe('runtime properties', () => {
  it('a chain of sleeps ends exactly at their sum, to the millisecond', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 90_000 }), { minLength: 1, maxLength: 6 }),
        (ms) => {
          const script = ms.map((m) => `sleep ${(m / 1000).toFixed(3)}`).join('; ') + '; exit 3';
          const s = run(script);
          expect(s.exits).toEqual([{ code: 3, reason: 'Error', t: ms.reduce((a, b) => a + b, 0) }]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("single-quoted text is printed verbatim by echo (with '\\'' for quotes)", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...' abc$`"\'\\*?;&|(){}<>#~=-_./%'.split('')),
          maxLength: 30,
        }),
        (text) => {
          const quoted = `'${text.replace(/'/g, `'\\''`)}'`;
          // The kubelet would expand $(...) first: escape `$` as `$$` the way a manifest must.
          const s = run(`echo ${quoted}`.replace(/\$/g, '$$$$'));
          expect(s.logs).toEqual([text]);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('$(VAR) expansion leaves text without $ untouched', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('$')),
        (s) => {
          expect(expandK8s(s, () => 'X')).toBe(s);
        },
      ),
    );
  });

  it('equal scripts give identical logs and exit times (deterministic)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(
              'echo a',
              'echo b',
              'touch /tmp/f',
              'rm -f /tmp/f',
              'test -e /tmp/f',
              'date +%s',
            ),
            fc.integer({ min: 0, max: 3_000 }),
          ),
          { maxLength: 8 },
        ),
        (steps) => {
          const script = steps.map(([c, ms]) => `${c}; echo $?; sleep ${ms / 1000}`).join('; ');
          const a = run(script);
          const b = run(script);
          expect(a.logs).toEqual(b.logs);
          expect(a.exits).toEqual(b.exits);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a file written is read back unchanged; normalised paths are idempotent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', '..', '.', 'c d', ''), { maxLength: 6 }),
        fc.string(),
        (segs, data) => {
          const p = normalizePath(segs.join('/'), '/work');
          expect(normalizePath(p)).toBe(p);
          const v = new Vfs(newDir());
          const dir = p.slice(0, p.lastIndexOf('/')) || '/';
          v.mkdir(dir, true);
          if (p === '/') return;
          expect(v.writeFile(p, data).ok).toBe(true);
          expect(v.readFile(p)).toEqual({ ok: true, value: data });
        },
      ),
    );
  });
});

describe('robustness', () => {
  it('any script text either runs or fails like a shell would: the runtime never throws', () => {
    const alphabet = ' \t\n;&|()<>{}[]$`"\'\\*?!#=-:/.,%+0123456789abcdefiltnorxz'.split('');
    const words = [
      'if',
      'then',
      'fi',
      'while',
      'do',
      'done',
      'for',
      'in',
      'case',
      'esac',
      'echo',
      'sleep 1',
      'cat /etc/hosts',
      'exit 3',
      'trap',
      'wait',
      '$(',
      '${X:-',
      '[[',
      ']]',
      '<<EOF\n',
      'EOF\n',
      'kill 1',
      'read x',
    ];
    const script = fc
      .array(fc.oneof(fc.constantFrom(...alphabet), fc.constantFrom(...words)), { maxLength: 40 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(script, (src) => {
        const h = createHarness(
          podOf({ containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', src] }] }),
        );
        const s = h.start('c');
        h.scheduler.runUntil(20_000);
        s.container.signal('SIGKILL');
        h.scheduler.runUntil(20_001);
        expect(s.exits).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});
