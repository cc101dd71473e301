import { describe, expect, it } from 'vitest';
import { baseName, buildRegistry, metaName, parseExample } from './exampleMeta.ts';
import { EXAMPLES, findExample } from './examples.ts';
import { loadExample, loadExamples } from './examplesNode.ts';
import { parsePromise } from './promises.ts';

const YAML = `# It restarts at once,
#   then waits.
apiVersion: v1
# a comment in the body is not what to watch
kind: Pod
`;
const META = `title: Crash
source: T2
expect: at 3s pod crash status is CrashLoopBackOff

expect: pod crash restarts becomes 2 between 12s and 13s
`;

describe('parseExample', () => {
  it("reads the meta file and the YAML's leading comments", () => {
    const r = parseExample('19-crash.yaml', YAML, META);
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
        yaml: YAML,
      },
    });
  });

  it('rejects bad names, meta lines and a YAML without its comment', () => {
    expect(parseExample('crash.yaml', YAML, META)).toMatchObject({ ok: false });
    expect(parseExample('01-x.yaml', YAML, 'source: s')).toEqual({
      ok: false,
      error: '01-x.yaml: the meta file has no "title:"',
    });
    expect(parseExample('01-x.yaml', YAML, 'title: t\ncolour: red\n')).toMatchObject({
      ok: false,
      error: expect.stringContaining('is not "key: value"') as string,
    });
    expect(parseExample('01-x.yaml', YAML, 'title: a\ntitle: b\n')).toMatchObject({ ok: false });
    expect(parseExample('01-x.yaml', 'kind: Pod\n', 'title: a')).toMatchObject({
      ok: false,
      error: expect.stringContaining('what to watch') as string,
    });
  });

  it('buildRegistry sorts by number and refuses duplicates', () => {
    const list = buildRegistry([
      ['02-b.yaml', '# w\n', 'title: B'],
      ['01-a.yaml', '# w\n', 'title: A'],
    ]);
    expect(list.map((e) => e.slug)).toEqual(['a', 'b']);
    expect(() =>
      buildRegistry([
        ['01-a.yaml', '# w\n', 'title: A'],
        ['02-a.yaml', '# w\n', 'title: A'],
      ]),
    ).toThrow(/Two examples are called "a"/);
    expect(baseName('./examples/01-a.yaml')).toBe('01-a.yaml');
    expect(metaName('./examples/01-a.yaml')).toBe('./examples/01-a.meta');
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

  it.each(EXAMPLES.map((e) => [e.fileName, e] as const))(
    '%s shows the user plain text: no promises, no internal references',
    (_name, e) => {
      expect(e.yaml).not.toMatch(/^#\s*(expect|source|title|watch):/m);
      expect(e.yaml).not.toMatch(/\bseed \d|golden|reference timeline|§|\b[RGT]\d+(\.\d+)?\b/);
    },
  );
});
