/** Text utilities: echo printf cat grep wc head tail tee sed seq expr basename dirname and friends. */
import { done } from '../process/effects.ts';
import type { ProgCtx, Program } from '../process/types.ts';
import { fail, parseFlags, readInput, runArgv } from './util.ts';

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
      else if ('fegE'.includes(conv))
        s = (Number(a) || 0).toFixed(m[3] !== undefined ? Number(m[3]) : 6);
      else {
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

function lines(data: string): string[] {
  const l = data.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

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

export const tail: Program = function* (ctx) {
  const { n, rest, follow, fromStart } = countArg(ctx.argv.slice(1));
  let code = 0;
  for (const f of rest.length ? rest : ['-']) {
    const r = readInput(ctx, 'tail', f);
    if (!r.ok) code = 1;
    else {
      const ls = lines(r.data);
      for (const l of fromStart
        ? ls.slice(Math.max(0, n - 1))
        : ls.slice(Math.max(0, ls.length - n)))
        ctx.io.out(l + '\n');
    }
  }
  if (follow && code === 0) for (;;) yield { t: 'block' };
  return code;
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

export const trueProg: Program = () => done(0);
export const falseProg: Program = () => done(1);

export const env: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  const e = new Map(ctx.env);
  while (args[0] && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[0])) {
    const a = args.shift()!;
    const k = a.slice(0, a.indexOf('='));
    e.set(k, a.slice(k.length + 1));
  }
  if (args.length > 0) return yield* runArgv(ctx, args, e);
  ctx.io.out([...e].map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
};

export const pwd: Program = (ctx) => {
  ctx.io.out(ctx.cwd + '\n');
  return done(0);
};

export const hostname: Program = (ctx) => {
  ctx.io.out((ctx.argv[1] === '-i' ? ctx.sys.podIP : ctx.sys.hostname) + '\n');
  return done(0);
};

export const id: Program = (ctx) => {
  ctx.io.out(ctx.argv[1] === '-u' ? '0\n' : 'uid=0(root) gid=0(root) groups=0(root)\n');
  return done(0);
};

export const whoami: Program = (ctx) => {
  ctx.io.out('root\n');
  return done(0);
};

export const uname: Program = (ctx) => {
  const a = ctx.argv.includes('-a');
  ctx.io.out(a ? `Linux ${ctx.sys.hostname} 6.8.0 #1 SMP x86_64 GNU/Linux\n` : 'Linux\n');
  return done(0);
};

/** `date` at simulated time; t = 0 is 2025-01-01T00:00:00Z (any fixed origin is deterministic). */
export const SIM_EPOCH_MS = Date.UTC(2025, 0, 1);

export const date: Program = (ctx: ProgCtx) => {
  const d = new Date(SIM_EPOCH_MS + ctx.sys.now());
  const fmt = ctx.argv.find((a) => a.startsWith('+'));
  const p2 = (n: number) => String(n).padStart(2, '0');
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  const T = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  if (!fmt) {
    ctx.io.out(
      `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${T} UTC ${d.getUTCFullYear()}\n`,
    );
    return done(0);
  }
  const map: Record<string, string> = {
    Y: String(d.getUTCFullYear()),
    m: p2(d.getUTCMonth() + 1),
    d: p2(d.getUTCDate()),
    H: p2(d.getUTCHours()),
    M: p2(d.getUTCMinutes()),
    S: p2(d.getUTCSeconds()),
    s: String(Math.floor(d.getTime() / 1000)),
    T,
    F: `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    N: String((d.getTime() % 1000) * 1_000_000).padStart(9, '0'),
    Z: 'UTC',
    '%': '%',
  };
  ctx.io.out(fmt.slice(1).replace(/%([YmdHMSsTFNZ%])/g, (_, c: string) => map[c] ?? '') + '\n');
  return done(0);
};
