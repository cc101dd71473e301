/**
 * Word expansion for the shell: parameters (${X:-y}, ${#X}, trims), $(...) and `...`, $((...)),
 * field splitting, pathname globbing and redirections. Functions of the running Shell.
 */
import type { Gen } from '../process/effects.ts';
import type { Io } from '../process/types.ts';
import type { List, Redir, Word } from './ast.ts';
import { ARITH_TOO_DEEP, evalArith } from './arith.ts';
import { hasGlob, trimPattern } from './pattern.ts';
import { expandGlob, openRedirect, splitFields } from './words.ts';
import type { Piece } from './words.ts';
import { ExitShell } from './control.ts';
import type { ShellState as Shell } from './shellState.ts';
import { FIELD_UNITS, MAX_ARITH_DEPTH, MAX_STRING_LENGTH, OutOfMemory } from '../limits.ts';

export function* expandWords(sh: Shell, words: Word[]): Gen<string[]> {
  let out: string[] = [];
  for (const w of words) {
    const fields = yield* expandWord(sh, w, true);
    const glob = w.some((p) => p.t === 'lit' && !p.q && hasGlob(p.v));
    if (glob) for (const f of fields) out.push(...expandGlob(f, sh.sys.fs, sh.cwd));
    else if (out.length === 0) out = fields;
    else for (const f of fields) out.push(f);
  }
  return out;
}

const staticCache = new WeakMap<Word[], string[] | null>();

/**
 * The fields of words that hold only unquoted-glob-free literals (`cat /tmp/healthy`), computed
 * once per parsed word list (parsed scripts are cached): a fresh copy, or undefined when the words
 * need expansion. Same result as expandWords, without running it.
 */
export function staticWords(words: Word[]): string[] | undefined {
  let fields = staticCache.get(words);
  if (fields === undefined) {
    fields = null;
    if (words.every((w) => w.every((p) => p.t === 'lit' && (p.q || !hasGlob(p.v))))) {
      fields = [];
      for (const w of words) {
        const v = w.map((p) => (p.t === 'lit' ? p.v : '')).join('');
        // A word of only empty unquoted literals yields no field (splitFields).
        if (v !== '' || w.some((p) => p.q)) fields.push(v);
      }
    }
    staticCache.set(words, fields);
  }
  return fields ? fields.slice() : undefined;
}

export function* expandStr(sh: Shell, w: Word): Gen<string> {
  return (yield* expandWord(sh, w, false)).join(' ');
}

/** A pattern word: quoted parts are escaped so they match literally. */
export function* expandPattern(sh: Shell, w: Word): Gen<string> {
  let s = '';
  for (const p of w) {
    const v = (yield* expandWord(sh, [p], false)).join(' ');
    s += p.q ? v.replace(/[*?[\]\\]/g, '\\$&') : v;
  }
  return s;
}

export function* expandWord(sh: Shell, w: Word, split: boolean): Gen<string[]> {
  const pieces: Piece[] = [];
  for (const p of w) {
    if (p.t === 'lit') pieces.push({ v: p.v, split: false, quoted: p.q });
    else if (p.t === 'param' && p.q && p.name === '@' && !p.op) {
      sh.args.forEach((a, i) => pieces.push({ v: a, split: false, quoted: true, atBreak: i > 0 }));
    } else {
      const v = yield* expandPart(sh, p);
      pieces.push({ v, split: split && !p.q, quoted: p.q });
    }
  }
  let total = 0;
  let splitting = 0;
  for (const p of pieces) {
    total += p.v.length;
    if (p.split) splitting += p.v.length;
  }
  if (total > MAX_STRING_LENGTH) throw new OutOfMemory('a word of the script');
  if (!split) return [pieces.map((p) => p.v).join('')];
  const fields = splitFields(pieces);
  sh.cpu.charge(splitting + fields.length * FIELD_UNITS);
  return fields;
}

export function* expandPart(sh: Shell, p: Exclude<Word[number], { t: 'lit' }>): Gen<string> {
  if (p.t === 'cmd') return yield* commandSubst(sh, p.body);
  if (p.t === 'arith') {
    const expr = yield* expandStr(sh, p.expr);
    const r = evalArith(expr, (n) => sh.vars.get(n));
    if (typeof r === 'string') {
      const msg = r === ARITH_TOO_DEEP ? r : 'arithmetic syntax error';
      if (r === ARITH_TOO_DEEP)
        sh.sys.diag(
          `An arithmetic expression nests more than ${MAX_ARITH_DEPTH} levels (parentheses, unary operators, **): Podlab stops there as bash does (\`${ARITH_TOO_DEEP}\`) and the shell exits 2.`,
        );
      sh.ctx.io.err(`${sh.sys.flavour.shellName}: ${msg}\n`);
      throw new ExitShell(2);
    }
    return String(r);
  }
  const value = param(sh, p.name);
  if (p.len) return String((value ?? '').length);
  if (!p.op) {
    if (value === undefined && sh.opts.nounset && /^[A-Za-z_]/.test(p.name)) {
      sh.ctx.io.err(`${sh.sys.flavour.shellName}: ${p.name}: parameter not set\n`);
      throw new ExitShell(1);
    }
    return value ?? '';
  }
  const arg = () => expandStr(sh, p.arg ?? []);
  switch (p.op) {
    case ':-':
      return value ? value : yield* arg();
    case '-':
      return value !== undefined ? value : yield* arg();
    case ':=':
    case '=': {
      if (p.op === ':=' ? value : value !== undefined) return value ?? '';
      const v = yield* arg();
      sh.vars.set(p.name, v);
      return v;
    }
    case ':+':
      return value ? yield* arg() : '';
    case '+':
      return value !== undefined ? yield* arg() : '';
    case ':?':
    case '?': {
      if (p.op === ':?' ? value : value !== undefined) return value ?? '';
      const msg = (yield* arg()) || 'parameter not set';
      sh.ctx.io.err(`${sh.sys.flavour.shellName}: ${p.name}: ${msg}\n`);
      throw new ExitShell(1);
    }
    default:
      return trimPattern(value ?? '', yield* expandPattern(sh, p.arg ?? []), p.op);
  }
}

export function param(sh: Shell, name: string): string | undefined {
  if (/^[0-9]+$/.test(name)) return name === '0' ? sh.arg0 : sh.args[Number(name) - 1];
  switch (name) {
    case '?':
      return String(sh.status);
    case '$':
      return String(sh.self.pid);
    case '#':
      return String(sh.args.length);
    case '@':
    case '*':
      return sh.args.join(' ');
    case '!':
      return sh.lastBgPid ? String(sh.lastBgPid) : '';
    case '-':
      return '';
    case 'RANDOM':
      // ash's $RANDOM, made deterministic: an LCG seeded by the pid and stepped per use.
      if (sh.vars.has('RANDOM')) return sh.vars.get('RANDOM');
      sh.randomState =
        (Math.imul(sh.randomState || sh.self.pid * 7919 + 1, 1103515245) + 12345) >>> 0;
      return String((sh.randomState >>> 16) & 0x7fff);
    default:
      return sh.vars.get(name);
  }
}

export function* commandSubst(sh: Shell, body: List): Gen<string> {
  const sub = sh.clone();
  let buf = '';
  const out = (s: string) => ((buf = sub.capture(buf, s)), undefined);
  const io: Io = { stdin: null, out, err: sh.ctx.io.err };
  let code: number;
  try {
    code = yield* sub.runList(body, io);
  } catch (e) {
    const end = sub.endStatus(e);
    if (end === undefined) throw e;
    code = end;
  }
  sh.lastSub = code;
  sh.status = code;
  let end = buf.length;
  while (end > 0 && buf.charCodeAt(end - 1) === 10) end--;
  return end === buf.length ? buf : buf.slice(0, end);
}

export function* redirect(sh: Shell, redirs: Redir[], io: Io): Gen<Io | number> {
  const cur: Io = { ...io };
  for (const r of redirs) {
    const target = yield* expandStr(sh, r.target);
    const res = openRedirect(r, target, cur, sh.sys.fs, sh.cwd);
    if (typeof res === 'string') {
      io.err(`${sh.sys.flavour.shellName}: ${res}\n`);
      return 1;
    }
  }
  return cur;
}
