/** Text utilities: echo printf cat wc head tee seq basename dirname (tail: tail.ts). */
import { done } from '../process/effects.ts';
import type { Program } from '../process/types.ts';
import { fail, parseFlags, readInput } from './util.ts';
import { checkLength } from '../limits.ts';

export function lines(data: string): string[] {
  const l = data.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

function unescape(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    const map: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      '\\': '\\',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
      e: '\x1b',
    };
    if (n === 'c') return { text: out, stop: true };
    if (map[n] !== undefined) out += map[n];
    else if (n === '0' || /[1-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(n === '0' ? i + 1 : i));
      const digits = m?.[0] ?? '';
      out += String.fromCharCode(parseInt(digits || '0', 8));
      i += n === '0' ? digits.length : digits.length - 1;
    } else out += '\\' + n;
  }
  return { text: out, stop: false };
}

export const echo: Program = (ctx) => {
  let args = ctx.argv.slice(1);
  let newline = true;
  let esc = false;
  while (args[0] && /^-[neE]+$/.test(args[0])) {
    for (const f of args[0].slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') esc = true;
      else esc = false;
    }
    args = args.slice(1);
  }
  let text = args.join(' ');
  if (esc) {
    const u = unescape(text);
    text = u.text;
    if (u.stop) newline = false;
  }
  ctx.io.out(newline ? text + '\n' : text);
  return done(0);
};

/** dash's builtin echo: only -n is an option, and backslash escapes are always interpreted. */
export const dashEcho: Program = (ctx) => {
  let args = ctx.argv.slice(1);
  let newline = true;
  if (args[0] === '-n') {
    newline = false;
    args = args.slice(1);
  }
  const u = unescape(args.join(' '));
  ctx.io.out(newline && !u.stop ? u.text + '\n' : u.text);
  return done(0);
};

export function formatPrintf(fmt: string, args: string[]): string {
  let out = '';
  let ai = 0;
  const f = unescape(fmt).text;
  do {
    for (let i = 0; i < f.length; i++) {
      const c = f[i]!;
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ 0#]*)(\d*)(?:\.(\d+))?([sdiuxXocfeg%])/.exec(f.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      i += m[0].length - 1;
      const conv = m[4]!;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const a = args[ai++] ?? '';
      let s: string;
      if (conv === 's') s = m[3] !== undefined ? a.slice(0, Number(m[3])) : a;
      else if (conv === 'c') s = a.slice(0, 1);
      else if ('fegE'.includes(conv)) {
        const prec = m[3] !== undefined ? Number(m[3]) : 6;
        checkLength(prec, 'a printf precision');
        // toFixed stops at 100 digits; the rest of a longer precision is zeros for any double.
        s = (Number(a) || 0).toFixed(Math.min(prec, 100)) + '0'.repeat(Math.max(0, prec - 100));
      } else {
        const n = Math.trunc(Number(a) || 0);
        s =
          conv === 'x'
            ? n.toString(16)
            : conv === 'X'
              ? n.toString(16).toUpperCase()
              : conv === 'o'
                ? n.toString(8)
                : String(n);
      }
      const width = Number(m[2] || 0);
      checkLength(out.length + Math.max(width, s.length), 'a printf result');
      if (s.length < width)
        s = m[1]!.includes('-')
          ? s.padEnd(width)
          : s.padStart(width, m[1]!.includes('0') && conv !== 's' ? '0' : ' ');
      out += s;
    }
  } while (ai > 0 && ai < args.length);
  return out;
}

export const printf: Program = (ctx) => {
  const [fmt, ...args] = ctx.argv.slice(1);
  if (fmt === undefined) return done(fail(ctx.io, 'printf: usage: printf FORMAT [ARGUMENT...]'));
  ctx.io.out(formatPrintf(fmt, args));
  return done(0);
};

export const cat: Program = (ctx) => {
  const files = ctx.argv.slice(1).filter((a) => a === '-' || !a.startsWith('-'));
  let code = 0;
  for (const f of files.length ? files : ['-']) {
    const r = readInput(ctx, 'cat', f);
    if (r.ok) ctx.io.out(r.data);
    else code = 1;
  }
  return done(code);
};

export const wc: Program = (ctx) => {
  const { flags, rest } = parseFlags(ctx.argv.slice(1));
  const which = ['l', 'w', 'c'].filter((f) => flags.has(f) || (f === 'c' && flags.has('m')));
  const show = which.length ? which : ['l', 'w', 'c'];
  let code = 0;
  for (const f of rest.length ? rest : ['-']) {
    const r = readInput(ctx, 'wc', f);
    if (!r.ok) {
      code = 1;
      continue;
    }
    const counts: Record<string, number> = {
      l: (r.data.match(/\n/g) ?? []).length,
      w: r.data.split(/\s+/).filter((x) => x).length,
      c: r.data.length,
    };
    const nums = show.map((k) =>
      show.length === 1 ? String(counts[k]) : String(counts[k]).padStart(7),
    );
    ctx.io.out(nums.join(show.length === 1 ? '' : ' ') + (f === '-' ? '' : ` ${f}`) + '\n');
  }
  return done(code);
};

function countArg(args: string[]): {
  n: number;
  rest: string[];
  follow: boolean;
  fromStart: boolean;
} {
  let n = 10;
  let follow = false;
  let fromStart = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n') {
      const v = args[++i] ?? '10';
      fromStart = v.startsWith('+');
      n = Math.abs(parseInt(v, 10));
    } else if (/^-n[+-]?\d+$/.test(a)) n = Math.abs(parseInt(a.slice(2), 10));
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else if (a === '-f' || a === '-F') follow = true;
    else rest.push(a);
  }
  return { n, rest, follow, fromStart };
}

export const head: Program = (ctx) => {
  const { n, rest } = countArg(ctx.argv.slice(1));
  let code = 0;
  for (const f of rest.length ? rest : ['-']) {
    const r = readInput(ctx, 'head', f);
    if (!r.ok) code = 1;
    else for (const l of lines(r.data).slice(0, n)) ctx.io.out(l + '\n');
  }
  return done(code);
};

export const tee: Program = (ctx) => {
  const { flags, rest } = parseFlags(ctx.argv.slice(1));
  const data = ctx.io.stdin?.readAll() ?? '';
  ctx.io.out(data);
  let code = 0;
  for (const f of rest) {
    const w = ctx.sys.fs.writeFile(f.startsWith('/') ? f : `${ctx.cwd}/${f}`, data, flags.has('a'));
    if (!w.ok)
      code = fail(
        ctx.io,
        `tee: ${f}: ${w.errno === 'EROFS' ? 'Read-only file system' : 'No such file or directory'}`,
      );
  }
  return done(code);
};

export const seq: Program = (ctx) => {
  const nums = ctx.argv.slice(1).map(Number);
  const [first, inc, last] =
    nums.length === 1
      ? [1, 1, nums[0]!]
      : nums.length === 2
        ? [nums[0]!, 1, nums[1]!]
        : [nums[0]!, nums[1]!, nums[2]!];
  if ([first, inc, last].some((n) => !Number.isFinite(n)) || inc === 0)
    return done(fail(ctx.io, 'seq: invalid number'));
  let out = '';
  for (let i = first, k = 0; inc > 0 ? i <= last : i >= last; i += inc, k++) {
    out += `${i}\n`;
    if (k > 100_000) break;
  }
  ctx.io.out(out);
  return done(0);
};

export const basename: Program = (ctx) => {
  const p = ctx.argv[1] ?? '';
  let b = p.replace(/\/+$/, '');
  b = b.slice(b.lastIndexOf('/') + 1) || (p.startsWith('/') ? '/' : '');
  const suffix = ctx.argv[2];
  if (suffix && b.endsWith(suffix) && b !== suffix) b = b.slice(0, -suffix.length);
  ctx.io.out(b + '\n');
  return done(0);
};

export const dirname: Program = (ctx) => {
  const p = (ctx.argv[1] ?? '').replace(/\/+$/, '');
  const i = p.lastIndexOf('/');
  ctx.io.out((i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i)) + '\n');
  return done(0);
};
