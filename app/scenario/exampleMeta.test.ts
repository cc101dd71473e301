import { describe, expect, it } from 'vitest';
import { baseName, buildRegistry, parseExample } from './exampleMeta.ts';
import { EXAMPLES, findExample } from './examples.ts';
import { loadExample, loadExamples } from './examplesNode.ts';
import { parsePromise } from './promises.ts';

const HEADER = `# title: Crash
# source: T2
# watch: It restarts at once,
#   then waits.
# expect: at 3s pod crash status is CrashLoopBackOff
#
# expect: pod crash restarts becomes 2 between 12s and 13s
apiVersion: v1
# a comment in the body is not metadata
kind: Pod
`;

describe('parseExample', () => {
  it('reads the header, joining continuation lines', () => {
    const r = parseExample('19-crash.yaml', HEADER);
    expect(r).toEqual({
      ok: true,
      example: {
        slug: 'crash',
        order: 19,
        fileName: '19-crash.yaml',
        title: 'Crash',
        source: 'T2',
        watch: 'It restarts at once, then waits.',
        expect: [
          'at 3s pod crash status is CrashLoopBackOff',
          'pod crash restarts becomes 2 between 12s and 13s',
        ],
        yaml: HEADER,
      },
    });
  });

  it('rejects bad names and headers', () => {
    expect(parseExample('crash.yaml', HEADER)).toMatchObject({ ok: false });
    expect(parseExample('01-x.yaml', '# watch: w\nkind: Pod')).toEqual({
      ok: false,
      error: '01-x.yaml: the header has no "# title:"',
    });
    expect(parseExample('01-x.yaml', '# title: t\n# watch: w\n# colour: red\n')).toMatchObject({
      ok: false,
      error: expect.stringContaining('is not "# key: value"') as string,
    });
    expect(parseExample('01-x.yaml', '# title: a\n# title: b\n# watch: w\n')).toMatchObject({
      ok: false,
    });
  });

  it('buildRegistry sorts by number and refuses duplicates', () => {
    const list = buildRegistry([
      ['02-b.yaml', '# title: B\n# watch: w\n'],
      ['01-a.yaml', '# title: A\n# watch: w\n'],
    ]);
    expect(list.map((e) => e.slug)).toEqual(['a', 'b']);
    expect(() =>
      buildRegistry([
        ['01-a.yaml', '# title: A\n# watch: w\n'],
        ['02-a.yaml', '# title: A\n# watch: w\n'],
      ]),
    ).toThrow(/Two examples are called "a"/);
    expect(baseName('./examples/01-a.yaml')).toBe('01-a.yaml');
  });
});

describe('the bundled examples', () => {
  it('the Vite and Node registries agree', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(20);
    expect(loadExamples()).toEqual([...EXAMPLES]);
    expect(loadExample('crashloop-ladder')?.title).toBe(findExample('crashloop-ladder')?.title);
    expect(findExample('nope')).toBeUndefined();
  });

  it.each(EXAMPLES.map((e) => [e.fileName, e] as const))(
    '%s has a title, a short "watch", promises that parse and numbering without gaps',
    (_name, e) => {
      expect(e.title.length).toBeLessThanOrEqual(70);
      const sentences = e.watch.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
      expect(sentences).toBeGreaterThanOrEqual(1);
      expect(sentences).toBeLessThanOrEqual(3);
      expect(e.expect.length).toBeGreaterThan(0);
      for (const line of e.expect) {
        const r = parsePromise(line);
        expect(r.ok ? '' : r.error).toBe('');
      }
      expect(EXAMPLES.indexOf(e) + 1).toBe(e.order);
    },
  );
});
