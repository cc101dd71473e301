/**
 * A small awk: `[-F SEP] '[/re/ | NR==N | $K=="x"] { print ITEMS }' [FILE]` where ITEMS are $N, $0,
 * NF, NR and "strings". Anything else is a diagnostic and prints nothing (exit 0).
 */
import { done } from '../process/effects.ts';
import type { Program } from '../process/types.ts';
import { readInput } from './util.ts';
import { lines } from './text.ts';

type Item = { t: 'field'; n: number } | { t: 'nf' } | { t: 'nr' } | { t: 'str'; v: string };

interface AwkProgram {
  match: (fields: string[], line: string, nr: number) => boolean;
  items: Item[];
  /** `print a, b` separates with a space; `print a b` concatenates. */
  seps: string[];
}

function parseAwk(src: string): AwkProgram | undefined {
  const m = /^\s*(.*?)\s*\{\s*print\s*(.*?)\s*;?\s*\}\s*$/.exec(src);
  if (!m) return undefined;
  const cond = m[1]!;
  let match: AwkProgram['match'] = () => true;
  if (cond) {
    const re = /^\/(.*)\/$/.exec(cond);
    const nr = /^NR\s*==\s*(\d+)$/.exec(cond);
    const eq = /^\$(\d+)\s*==\s*"(.*)"$/.exec(cond);
    if (re) {
      const r = new RegExp(re[1]!);
      match = (_f, line) => r.test(line);
    } else if (nr) match = (_f, _l, n) => n === Number(nr[1]);
    else if (eq) match = (f) => (f[Number(eq[1]) - 1] ?? '') === eq[2];
    else return undefined;
  }
  const items: Item[] = [];
  const seps: string[] = [];
  const tokens = m[2]!.match(/"[^"]*"|\$\d+|NF|NR|,|\s+/g) ?? [];
  if (tokens.join('') !== m[2]) return undefined;
  let sep = '';
  for (const t of tokens) {
    if (t === ',') sep = ' ';
    else if (/^\s+$/.test(t)) continue;
    else {
      if (items.length > 0) seps.push(sep);
      sep = '';
      if (t.startsWith('"')) items.push({ t: 'str', v: t.slice(1, -1).replace(/\\t/g, '\t') });
      else if (t === 'NF') items.push({ t: 'nf' });
      else if (t === 'NR') items.push({ t: 'nr' });
      else items.push({ t: 'field', n: Number(t.slice(1)) });
    }
  }
  if (items.length === 0) items.push({ t: 'field', n: 0 });
  return { match, items, seps };
}

export const awk: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  let fs: string | undefined;
  while (args[0]?.startsWith('-F')) {
    const a = args.shift()!;
    fs = a.length > 2 ? a.slice(2) : args.shift();
  }
  const src = args.shift() ?? '';
  const prog = parseAwk(src);
  if (!prog) {
    ctx.sys.diag(
      `awk: Podlab models only \`[/re/|NR==n|$k=="x"] {print $n, ...}\`; \`${src}\` prints nothing and exits 0.`,
    );
    return done(0);
  }
  let nr = 0;
  for (const f of args.length ? args : ['-']) {
    const r = readInput(ctx, 'awk', f);
    if (!r.ok) return done(2);
    for (const line of lines(r.data)) {
      nr++;
      const fields =
        fs === undefined
          ? line
              .trim()
              .split(/\s+/)
              .filter((x) => x)
          : line.split(fs);
      if (!prog.match(fields, line, nr)) continue;
      const vals = prog.items.map((it) =>
        it.t === 'str'
          ? it.v
          : it.t === 'nf'
            ? String(fields.length)
            : it.t === 'nr'
              ? String(nr)
              : it.n === 0
                ? line
                : (fields[it.n - 1] ?? ''),
      );
      ctx.io.out(vals.map((v, i) => (i > 0 ? prog.seps[i - 1] : '') + v).join('') + '\n');
    }
  }
  return done(0);
};
