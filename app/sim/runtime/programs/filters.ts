/** Pattern filters: grep (BRE/ERE), sed (s/// only), expr. */
import { done } from '../process/effects.ts';
import type { Program } from '../process/types.ts';
import { fail, parseFlags, readInput } from './util.ts';
import { lines } from './text.ts';

function breToJs(re: string, extended: boolean, fixed: boolean): string {
  if (fixed) return re.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  if (extended) return re;
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    if (c === '\\' && i + 1 < re.length) {
      const n = re[++i]!;
      out += '+?|(){}'.includes(n) ? n : '\\' + n;
    } else out += '+?|(){}'.includes(c) ? '\\' + c : c;
  }
  return out;
}

export const grep: Program = (ctx) => {
  const { flags, rest } = parseFlags(ctx.argv.slice(1), 'e');
  const pattern = flags.get('e') ?? rest.shift();
  if (pattern === undefined)
    return done(fail(ctx.io, 'Usage: grep [-ivcqnEFwx] PATTERN [FILE]...', 2));
  let re: RegExp;
  try {
    let src = breToJs(pattern, flags.has('E'), flags.has('F'));
    if (flags.has('w')) src = `\\b(?:${src})\\b`;
    if (flags.has('x')) src = `^(?:${src})$`;
    re = new RegExp(src, flags.has('i') ? 'i' : '');
  } catch {
    return done(fail(ctx.io, `grep: bad regex '${pattern}'`, 2));
  }
  let matched = 0;
  let err = false;
  const files = rest.length ? rest : ['-'];
  for (const f of files) {
    const r = readInput(ctx, 'grep', f);
    if (!r.ok) {
      err = true;
      continue;
    }
    lines(r.data).forEach((line, i) => {
      if (re.test(line) === flags.has('v')) return;
      matched++;
      if (flags.has('q') || flags.has('c')) return;
      const prefix = (files.length > 1 ? `${f}:` : '') + (flags.has('n') ? `${i + 1}:` : '');
      ctx.io.out(`${prefix}${line}\n`);
    });
  }
  if (flags.has('c')) ctx.io.out(`${matched}\n`);
  return done(matched > 0 ? 0 : err ? 2 : 1);
};

export const sed: Program = (ctx) => {
  const { flags, rest } = parseFlags(ctx.argv.slice(1), 'e');
  const script = flags.get('e') ?? rest.shift() ?? '';
  const cmds: { re: RegExp; rep: string; print: boolean }[] = [];
  for (const part of script.split(/;\s*/).filter((p) => p.trim())) {
    const m = /^s(.)(.*?)\1(.*?)\1([gip0-9]*)$/.exec(part.trim());
    if (!m) {
      ctx.sys.diag(
        `sed: Podlab models only s/re/replacement/flags; \`${part}\` is ignored and the input passes through unchanged.`,
      );
      continue;
    }
    const f = m[4]!;
    cmds.push({
      re: new RegExp(
        breToJs(m[2]!, flags.has('E') || flags.has('r'), false),
        (f.includes('g') ? 'g' : '') + (f.includes('i') ? 'i' : ''),
      ),
      rep: m[3]!.replace(/\\(\d)/g, '$$$1').replace(/&/g, '$$&'),
      print: f.includes('p'),
    });
  }
  const apply = (data: string): string =>
    lines(data)
      .map((l) => {
        let printed = '';
        for (const c of cmds) {
          const n = l.replace(c.re, c.rep);
          if (n !== l && c.print) printed += n + '\n';
          l = n;
        }
        return (flags.has('n') ? '' : l + '\n') + printed;
      })
      .join('');
  if (flags.has('i')) {
    for (const f of rest) {
      const r = readInput(ctx, 'sed', f);
      if (!r.ok) return done(1);
      ctx.sys.fs.writeFile(f.startsWith('/') ? f : `${ctx.cwd}/${f}`, apply(r.data));
    }
    return done(0);
  }
  for (const f of rest.length ? rest : ['-']) {
    const r = readInput(ctx, 'sed', f);
    if (!r.ok) return done(1);
    ctx.io.out(apply(r.data));
  }
  return done(0);
};

export const expr: Program = (ctx) => {
  const t = ctx.argv.slice(1);
  let i = 0;
  const isNum = (s: string) => /^-?\d+$/.test(s);
  type V = string;
  const prim = (): V => {
    const x = t[i++];
    if (x === '(') {
      const v = orE();
      i++;
      return v;
    }
    if (x === 'length') return String((t[i++] ?? '').length);
    return x ?? '';
  };
  const colon = (): V => {
    let a = prim();
    while (t[i] === ':') {
      i++;
      const m = new RegExp('^(?:' + breToJs(prim(), false, false) + ')').exec(a);
      a = m ? (m[1] ?? String(m[0].length)) : m === null ? '0' : '';
    }
    return a;
  };
  const mul = (): V => {
    let a = colon();
    while (t[i] === '*' || t[i] === '/' || t[i] === '%') {
      const op = t[i++]!;
      const b = colon();
      if (!isNum(a) || !isNum(b)) throw new Error('non-integer argument');
      if (op !== '*' && Number(b) === 0) throw new Error('division by zero');
      a = String(
        op === '*'
          ? Number(a) * Number(b)
          : op === '/'
            ? Math.trunc(Number(a) / Number(b))
            : Number(a) % Number(b),
      );
    }
    return a;
  };
  const add = (): V => {
    let a = mul();
    while (t[i] === '+' || t[i] === '-') {
      const op = t[i++]!;
      const b = mul();
      if (!isNum(a) || !isNum(b)) throw new Error('non-integer argument');
      a = String(op === '+' ? Number(a) + Number(b) : Number(a) - Number(b));
    }
    return a;
  };
  const cmp = (): V => {
    let a = add();
    while (['=', '!=', '<', '>', '<=', '>='].includes(t[i] ?? '')) {
      const op = t[i++]!;
      const b = add();
      const [x, y]: [number | string, number | string] =
        isNum(a) && isNum(b) ? [Number(a), Number(b)] : [a, b];
      const r =
        op === '='
          ? x === y
          : op === '!='
            ? x !== y
            : op === '<'
              ? x < y
              : op === '>'
                ? x > y
                : op === '<='
                  ? x <= y
                  : x >= y;
      a = r ? '1' : '0';
    }
    return a;
  };
  const andE = (): V => {
    let a = cmp();
    while (t[i] === '&') {
      i++;
      const b = cmp();
      a = a !== '' && a !== '0' && b !== '' && b !== '0' ? a : '0';
    }
    return a;
  };
  const orE = (): V => {
    let a = andE();
    while (t[i] === '|') {
      i++;
      const b = andE();
      a = a !== '' && a !== '0' ? a : b !== '' && b !== '0' ? b : '0';
    }
    return a;
  };
  try {
    const v = orE();
    ctx.io.out(v + '\n');
    return done(v === '' || v === '0' ? 1 : 0);
  } catch (e) {
    return done(fail(ctx.io, `expr: ${e instanceof Error ? e.message : 'syntax error'}`, 2));
  }
};
