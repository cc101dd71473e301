import { describe, expect, it } from 'vitest';
import { parseScript } from './parse.ts';
import { ShellSyntaxError } from './ast.ts';
import type { List } from './ast.ts';

function ok(src: string): List {
  const r = parseScript(src);
  if (r instanceof ShellSyntaxError) throw new Error(r.message);
  return r;
}

describe('shell parser', () => {
  it('splits lists on ; & and newlines, keeping && || chains', () => {
    const l = ok('a; b && c || d\ne &');
    expect(l.items.map((i) => i.bg)).toEqual([false, false, true]);
    expect(l.items[1]!.ao.rest.map((r) => r.op)).toEqual(['&&', '||']);
  });

  it('parses compound commands', () => {
    const l = ok(
      'if a; then b; elif c; then d; else e; fi; while x; do y; done; until z; do :; done; for i in 1 2; do echo $i; done; case $x in a|b) echo ab;; *) echo other;; esac; { a; }; (b)',
    );
    expect(l.items.map((i) => i.ao.first.cmds[0]!.t)).toEqual([
      'if',
      'loop',
      'loop',
      'for',
      'case',
      'group',
      'group',
    ]);
  });

  it('parses the seed downward-API loop with [[ ]] as one while command', () => {
    const l = ok(
      "while true; do if [[ -e /etc/podinfo/labels ]]; then echo -en '\\n\\n'; cat /etc/podinfo/labels; fi; sleep 5; done;",
    );
    expect(l.items).toHaveLength(1);
    const loop = l.items[0]!.ao.first.cmds[0]!;
    expect(loop.t).toBe('loop');
  });

  it('parses redirections with fd numbers', () => {
    const l = ok('echo hi > /tmp/x 2>&1; cat < /tmp/x >> /tmp/y 2>/dev/null');
    const c = l.items[0]!.ao.first.cmds[0]!;
    expect(c.redirs.map((r) => [r.fd, r.op])).toEqual([
      [1, '>'],
      [2, '>&'],
    ]);
  });

  it('keeps quoting information in words', () => {
    const l = ok(`echo 'a b' "c $X" d\\ e`);
    const c = l.items[0]!.ao.first.cmds[0]!;
    if (c.t !== 'simple') throw new Error('simple expected');
    expect(c.words).toHaveLength(4);
    expect(c.words[2]).toEqual([
      { t: 'lit', v: 'c ', q: true },
      { t: 'param', name: 'X', q: true },
    ]);
  });

  it('parses assignments, functions and $(…) nesting', () => {
    const l = ok('A=1 B="$(echo $(echo x))" env; f() { echo in f; }; f');
    const c = l.items[0]!.ao.first.cmds[0]!;
    if (c.t !== 'simple') throw new Error('simple expected');
    expect(c.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(l.items[1]!.ao.first.cmds[0]!.t).toBe('func');
  });

  it.each([
    ['if true; then echo x', 'unexpected end of file'],
    ['echo "unterminated', 'unterminated quoted string'],
    ['fi', 'unexpected "fi"'],
    ['cat <<EOF\nx\n', 'here-document delimited by end of file'],
    ['done; echo', 'unexpected "done"'],
  ])('reports a syntax error for %j', (src, msg) => {
    const r = parseScript(src);
    expect(r).toBeInstanceOf(ShellSyntaxError);
    expect((r as ShellSyntaxError).message).toContain(msg);
  });

  it('caches parsed scripts', () => {
    expect(parseScript('echo cached')).toBe(parseScript('echo cached'));
  });
});
