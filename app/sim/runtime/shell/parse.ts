/**
 * A recursive-descent parser for the POSIX shell subset: lists, && ||, pipelines, `!`, if/while/
 * until/for/case, { } and ( ), functions, redirections, quoting, $VAR ${VAR...} $(...) `...` $((...))
 * and [[ ... ]]. It works on characters directly (the shell's lexing is context dependent).
 */
import { ShellSyntaxError } from './ast.ts';
import type { AndOr, Command, List, ParamOp, Pipeline, Redir, Word, WordPart } from './ast.ts';

const RESERVED = new Set([
  'if',
  'then',
  'elif',
  'else',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  '{',
  '}',
  '!',
  'in',
  '[[',
  'function',
]);
const TERMINATORS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
const META = ' \t\n;&|()<>';

type Op =
  | '&&'
  | '||'
  | ';;'
  | ';'
  | '&'
  | '|'
  | '('
  | ')'
  | '\n'
  | '>>'
  | '>&'
  | '<&'
  | '<<'
  | '>|'
  | '>'
  | '<';
const OPS: Op[] = [
  '&&',
  '||',
  ';;',
  '>>',
  '>&',
  '<&',
  '<<',
  '>|',
  ';',
  '&',
  '|',
  '(',
  ')',
  '\n',
  '>',
  '<',
];

interface PendingHeredoc {
  redir: Redir;
  delim: string;
  stripTabs: boolean;
  quoted: boolean;
}

export class Parser {
  private pos = 0;
  private heredocs: PendingHeredoc[] = [];
  constructor(private readonly src: string) {}

  parseScript(): List {
    const list = this.parseList();
    this.skipBlanks(true);
    if (this.pos < this.src.length) this.fail(`unexpected ${this.peekText()}`);
    return list;
  }

  private fail(msg: string): never {
    throw new ShellSyntaxError(`syntax error: ${msg}`, this.pos);
  }

  /** The next token as ash names it in errors: `"fi"`, `newline`, `end of file`. */
  private peekText(): string {
    this.skipBlanks();
    const op = this.peekOp();
    if (op) return op === '\n' ? 'newline' : `"${op}"`;
    const save = this.pos;
    const w = this.readWordRaw();
    this.pos = save;
    return w ? `"${w}"` : 'end of file';
  }

  /** Skip spaces, tabs, line continuations, comments; also newlines if asked. */
  private skipBlanks(newlines = false): void {
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (newlines && c === '\n') this.newline();
      else if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '\\' && s[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      else return;
    }
  }

  /** Consume a newline; here-document bodies start right after it. */
  private newline(): void {
    this.pos++;
    for (const h of this.heredocs.splice(0)) {
      const lines: string[] = [];
      for (;;) {
        if (this.pos >= this.src.length)
          this.fail(`here-document delimited by end of file (wanted "${h.delim}")`);
        const nl = this.src.indexOf('\n', this.pos);
        const end = nl < 0 ? this.src.length : nl;
        let line = this.src.slice(this.pos, end);
        this.pos = nl < 0 ? end : end + 1;
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        if (line === h.delim) break;
        lines.push(line + '\n');
      }
      const body = lines.join('');
      h.redir.target = h.quoted
        ? [{ t: 'lit', v: body, q: true }]
        : new Parser(body).readHeredocBody();
    }
  }

  /** A here-document body: like a double-quoted string without the quotes. */
  readHeredocBody(): Word {
    const parts: WordPart[] = [];
    this.readDquoted(parts, true);
    return parts;
  }

  private peekOp(): Op | undefined {
    for (const op of OPS) if (this.src.startsWith(op, this.pos)) return op;
    return undefined;
  }

  private eatOp(op: Op): boolean {
    this.skipBlanks();
    if (this.peekOp() === op) {
      this.pos += op.length;
      return true;
    }
    return false;
  }

  /** The next token as a reserved word, if it is one (without consuming). */
  private peekReserved(): string | undefined {
    this.skipBlanks();
    if (this.peekOp()) return undefined;
    const save = this.pos;
    const w = this.readWordRaw();
    const end = this.pos;
    this.pos = save;
    const next = this.src[end];
    if (RESERVED.has(w) && (next === undefined || META.includes(next))) return w;
    return undefined;
  }

  private eatReserved(w: string): void {
    if (this.peekReserved() !== w) this.fail(`unexpected ${this.peekText()} (expecting "${w}")`);
    this.skipBlanks();
    this.pos += w.length;
  }

  /** Raw unquoted text of the next word (for keyword checks). */
  private readWordRaw(): string {
    const start = this.pos;
    const s = this.src;
    while (this.pos < s.length && !META.includes(s[this.pos]!)) {
      const c = s[this.pos]!;
      if (c === "'" || c === '"' || c === '\\' || c === '$' || c === '`')
        return s.slice(start, this.pos) + c;
      this.pos++;
    }
    return s.slice(start, this.pos);
  }

  parseList(stopAtParen = false): List {
    const items: List['items'] = [];
    for (;;) {
      this.skipBlanks(true);
      while (this.peekOp() === ';') {
        this.pos++;
        this.skipBlanks(true);
      }
      if (this.pos >= this.src.length) break;
      const op = this.peekOp();
      if (op === ')' || op === ';;') break;
      if (op && op !== '(' && op !== '<' && op !== '>' && op !== '>>')
        this.fail(`unexpected "${op === '\n' ? 'newline' : op}"`);
      const kw = this.peekReserved();
      if (kw && TERMINATORS.has(kw)) break;
      const ao = this.parseAndOr();
      this.skipBlanks();
      const sep = this.peekOp();
      if (sep === '&') {
        this.pos++;
        items.push({ ao, bg: true });
      } else if (sep === ';' || sep === '\n') {
        if (sep === '\n') this.newline();
        else this.pos++;
        items.push({ ao, bg: false });
      } else {
        items.push({ ao, bg: false });
        if (stopAtParen && sep === ')') break;
        if (sep === ')' || sep === ';;' || this.pos >= this.src.length) break;
        const kw2 = this.peekReserved();
        if (kw2 && TERMINATORS.has(kw2)) break;
        this.fail(`unexpected ${this.peekText()}`);
      }
    }
    return { items };
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      this.skipBlanks();
      const op = this.peekOp();
      if (op !== '&&' && op !== '||') break;
      this.pos += 2;
      this.skipBlanks(true);
      rest.push({ op, p: this.parsePipeline() });
    }
    return { first, rest };
  }

  private parsePipeline(): Pipeline {
    let bang = false;
    if (this.peekReserved() === '!') {
      this.eatReserved('!');
      bang = true;
    }
    const cmds = [this.parseCommand()];
    for (;;) {
      this.skipBlanks();
      if (this.peekOp() !== '|') break;
      this.pos++;
      this.skipBlanks(true);
      cmds.push(this.parseCommand());
    }
    return { bang, cmds };
  }

  private parseCommand(): Command {
    this.skipBlanks();
    const kw = this.peekReserved();
    let cmd: Command;
    if (this.peekOp() === '(') {
      this.pos++;
      const body = this.parseList(true);
      if (!this.eatOp(')')) this.fail('unexpected end of file (expecting ")")');
      cmd = { t: 'group', body, sub: true, redirs: [] };
    } else if (kw === 'if') cmd = this.parseIf();
    else if (kw === 'while' || kw === 'until') {
      this.eatReserved(kw);
      const cond = this.parseList();
      this.eatReserved('do');
      const body = this.parseList();
      this.eatReserved('done');
      cmd = { t: 'loop', until: kw === 'until', cond, body, redirs: [] };
    } else if (kw === 'for') cmd = this.parseFor();
    else if (kw === 'case') cmd = this.parseCase();
    else if (kw === '{') {
      this.eatReserved('{');
      const body = this.parseList();
      this.eatReserved('}');
      cmd = { t: 'group', body, sub: false, redirs: [] };
    } else if (kw === '[[') cmd = this.parseDoubleBracket();
    else if (kw === 'function') {
      this.eatReserved('function');
      this.skipBlanks();
      const name = this.readWordRaw();
      if (this.eatOp('(') && !this.eatOp(')')) this.fail('expected ")"');
      this.skipBlanks(true);
      return { t: 'func', name, body: this.parseCommand(), redirs: [] };
    } else if (kw && kw !== '!' && kw !== 'in') this.fail(`unexpected "${kw}"`);
    else return this.parseSimple();
    this.parseRedirs(cmd.redirs);
    return cmd;
  }

  private parseIf(): Command {
    this.eatReserved('if');
    const clauses: { cond: List; body: List }[] = [];
    const cond = this.parseList();
    this.eatReserved('then');
    clauses.push({ cond, body: this.parseList() });
    let els: List | undefined;
    for (;;) {
      const kw = this.peekReserved();
      if (kw === 'elif') {
        this.eatReserved('elif');
        const c = this.parseList();
        this.eatReserved('then');
        clauses.push({ cond: c, body: this.parseList() });
      } else if (kw === 'else') {
        this.eatReserved('else');
        els = this.parseList();
      } else break;
    }
    this.eatReserved('fi');
    return els ? { t: 'if', clauses, els, redirs: [] } : { t: 'if', clauses, redirs: [] };
  }

  private parseFor(): Command {
    this.eatReserved('for');
    this.skipBlanks();
    const name = this.readWordRaw();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) this.fail(`bad for loop variable`);
    this.skipBlanks();
    let items: Word[] | undefined;
    if (this.peekOp() === ';') this.pos++;
    this.skipBlanks(true);
    if (this.peekReserved() === 'in') {
      this.eatReserved('in');
      items = [];
      for (;;) {
        this.skipBlanks();
        const op = this.peekOp();
        if (op === ';' || op === '\n' || this.pos >= this.src.length) break;
        items.push(this.readWord());
      }
      if (this.peekOp()) this.pos++;
    }
    this.skipBlanks(true);
    this.eatReserved('do');
    const body = this.parseList();
    this.eatReserved('done');
    return items
      ? { t: 'for', name, items, body, redirs: [] }
      : { t: 'for', name, body, redirs: [] };
  }

  private parseCase(): Command {
    this.eatReserved('case');
    this.skipBlanks();
    const word = this.readWord();
    this.skipBlanks(true);
    this.eatReserved('in');
    const items: { pats: Word[]; body: List }[] = [];
    for (;;) {
      this.skipBlanks(true);
      if (this.peekReserved() === 'esac') break;
      this.eatOp('(');
      const pats: Word[] = [];
      for (;;) {
        this.skipBlanks();
        pats.push(this.readWord());
        this.skipBlanks();
        if (this.eatOp('|')) continue;
        if (this.eatOp(')')) break;
        this.fail(`unexpected ${this.peekText()} in case pattern`);
      }
      const body = this.parseList();
      items.push({ pats, body });
      this.skipBlanks(true);
      if (!this.eatOp(';;')) break;
    }
    this.skipBlanks(true);
    this.eatReserved('esac');
    return { t: 'case', word, items, redirs: [] };
  }

  private parseDoubleBracket(): Command {
    const start = this.pos;
    this.eatReserved('[[');
    const args: { word: Word; op?: string }[] = [];
    for (;;) {
      this.skipBlanks(true);
      if (this.pos >= this.src.length) this.fail('unexpected end of file (expecting "]]")');
      const op = this.peekOp();
      if (op === '&&' || op === '||' || op === '(' || op === ')' || op === '<' || op === '>') {
        this.pos += op.length;
        args.push({ word: [{ t: 'lit', v: op, q: false }], op });
        continue;
      }
      const save = this.pos;
      const raw = this.readWordRaw();
      this.pos = save;
      if (raw === ']]') {
        this.pos += 2;
        break;
      }
      const word = this.readWord();
      const lit = word.length === 1 && word[0]!.t === 'lit' && !word[0]!.q ? word[0]!.v : undefined;
      args.push(lit !== undefined ? { word, op: lit } : { word });
    }
    return { t: 'dbracket', args, src: this.src.slice(start, this.pos), redirs: [] };
  }

  private parseRedirs(into: Redir[]): boolean {
    let any = false;
    for (;;) {
      this.skipBlanks();
      const m = /^(\d?)(>>|>&|<&|<<|>\||>|<)/.exec(this.src.slice(this.pos, this.pos + 4));
      if (!m) return any;
      this.pos += m[0].length;
      const opRaw = m[2] as Redir['op'] | '>|';
      const op: Redir['op'] = opRaw === '>|' ? '>' : opRaw;
      const fd = m[1] ? Number(m[1]) : op.startsWith('<') ? 0 : 1;
      this.skipBlanks();
      if (op === '<<') {
        const strip = this.src[this.pos] === '-';
        if (strip) this.pos++;
        this.skipBlanks();
        const w = this.readWord();
        const delim = w.map((p) => (p.t === 'lit' ? p.v : '')).join('');
        if (!delim) this.fail(`unexpected ${this.peekText()} after "<<"`);
        const redir: Redir = { fd, op, target: [] };
        this.heredocs.push({ redir, delim, stripTabs: strip, quoted: w.some((p) => p.q) });
        into.push(redir);
        any = true;
        continue;
      }
      const target = this.readWord();
      if (target.length === 0) this.fail(`unexpected ${this.peekText()} after "${op}"`);
      into.push({ fd, op, target });
      any = true;
    }
  }

  private parseSimple(): Command {
    const start = this.pos;
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.parseRedirs(redirs)) continue;
      if (this.pos >= this.src.length) break;
      const op = this.peekOp();
      if (op) {
        if (op === '(' && words.length === 1 && assigns.length === 0) {
          // name() { body; }
          this.pos++;
          if (!this.eatOp(')')) this.fail('expected ")"');
          this.skipBlanks(true);
          const nameWord = words[0]!;
          const name = nameWord.map((p) => (p.t === 'lit' ? p.v : '')).join('');
          return { t: 'func', name, body: this.parseCommand(), redirs: [] };
        }
        break;
      }
      const wStart = this.pos;
      const w = this.readWord();
      if (words.length === 0) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(this.src.slice(wStart, this.pos));
        if (m) {
          assigns.push({ name: m[1]!, value: dropPrefix(w, m[0].length) });
          continue;
        }
      }
      words.push(w);
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0)
      this.fail(`unexpected ${this.peekText()}`);
    return { t: 'simple', assigns, words, redirs, src: this.src.slice(start, this.pos).trim() };
  }

  /** One word, up to an unquoted metacharacter (or `stop`). */
  readWord(stop?: string): Word {
    const parts: WordPart[] = [];
    const s = this.src;
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ t: 'lit', v: lit, q: false });
      lit = '';
    };
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (stop !== undefined ? stop.includes(c) : META.includes(c)) break;
      if (c === '\\') {
        const n = s[this.pos + 1];
        this.pos += 2;
        if (n === '\n' || n === undefined) continue;
        flush();
        parts.push({ t: 'lit', v: n, q: true });
      } else if (c === "'") {
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) this.fail('unterminated quoted string');
        flush();
        parts.push({ t: 'lit', v: s.slice(this.pos + 1, end), q: true });
        this.pos = end + 1;
      } else if (c === '"') {
        flush();
        this.pos++;
        this.readDquoted(parts);
      } else if (c === '$' || c === '`') {
        const p = this.readDollar(false);
        if (p) {
          flush();
          parts.push(p);
        } else {
          lit += c;
          this.pos++;
        }
      } else {
        lit += c;
        this.pos++;
      }
    }
    flush();
    return parts;
  }

  private readDquoted(parts: WordPart[], heredoc = false): void {
    const s = this.src;
    let lit = '';
    let any = false;
    const flush = () => {
      if (lit || !any) parts.push({ t: 'lit', v: lit, q: true });
      lit = '';
      any = true;
    };
    for (;;) {
      if (this.pos >= s.length) {
        if (!heredoc) this.fail('unterminated quoted string');
        if (lit || !any) flush();
        return;
      }
      const c = s[this.pos]!;
      if (c === '"' && !heredoc) {
        this.pos++;
        if (lit || !any) flush();
        return;
      }
      if (c === '\\') {
        const n = s[this.pos + 1] ?? '';
        if ((heredoc ? '$`\\' : '$`"\\').includes(n)) lit += n;
        else if (n !== '\n') lit += c + n;
        this.pos += 2;
      } else if (c === '$' || c === '`') {
        const p = this.readDollar(true);
        if (p) {
          if (lit) flush();
          any = true;
          parts.push(p);
        } else {
          lit += c;
          this.pos++;
        }
      } else {
        lit += c;
        this.pos++;
      }
    }
  }

  /** $name ${...} $(...) $((...)) `...`; undefined when `$` is literal. */
  private readDollar(q: boolean): WordPart | undefined {
    const s = this.src;
    if (s[this.pos] === '`') {
      const end = s.indexOf('`', this.pos + 1);
      if (end < 0) this.fail('unterminated `');
      const inner = s.slice(this.pos + 1, end).replace(/\\([`$\\])/g, '$1');
      this.pos = end + 1;
      return { t: 'cmd', body: new Parser(inner).parseScript(), q };
    }
    const n = s[this.pos + 1];
    if (n === '(' && s[this.pos + 2] === '(') {
      let depth = 0;
      let end = this.pos + 3;
      for (; end < s.length; end++) {
        if (s[end] === '(') depth++;
        else if (s[end] === ')') {
          if (depth === 0 && s[end + 1] === ')') break;
          depth--;
        }
      }
      if (end >= s.length) this.fail('missing "))"');
      const expr = new Parser(s.slice(this.pos + 3, end)).readWord('\0');
      this.pos = end + 2;
      return { t: 'arith', expr, q };
    }
    if (n === '(') {
      this.pos += 2;
      const body = this.parseList(true);
      this.skipBlanks(true);
      if (s[this.pos] !== ')') this.fail('unexpected end of file (expecting ")")');
      this.pos++;
      return { t: 'cmd', body, q };
    }
    if (n === '{') {
      this.pos += 2;
      let len = false;
      if (s[this.pos] === '#' && s[this.pos + 1] !== '}') {
        len = true;
        this.pos++;
      }
      const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!-])/.exec(s.slice(this.pos));
      if (!m) this.fail('bad substitution');
      this.pos += m[0].length;
      const name = m[0];
      if (s[this.pos] === '}') {
        this.pos++;
        return len ? { t: 'param', name, len, q } : { t: 'param', name, q };
      }
      const om = /^(:-|:=|:\+|:\?|##|%%|-|=|\+|\?|#|%)/.exec(s.slice(this.pos));
      if (!om || len) this.fail('bad substitution');
      this.pos += om[0].length;
      const arg = this.readWordInBrace();
      return { t: 'param', name, op: om[0] as ParamOp, arg, q };
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])/.exec(s.slice(this.pos + 1));
    if (!m) return undefined;
    this.pos += 1 + m[0].length;
    return { t: 'param', name: m[0], q };
  }

  private readWordInBrace(): Word {
    const parts = this.readWord('}');
    if (this.src[this.pos] !== '}') this.fail('missing "}"');
    this.pos++;
    return parts;
  }
}

function dropPrefix(w: Word, n: number): Word {
  const out: Word = [];
  let left = n;
  for (const p of w) {
    if (left > 0 && p.t === 'lit') {
      if (p.v.length <= left) {
        left -= p.v.length;
        continue;
      }
      out.push({ ...p, v: p.v.slice(left) });
      left = 0;
    } else out.push(p);
  }
  return out;
}

const cache = new Map<string, List | ShellSyntaxError>();

/** Parse (cached: exec probes run the same script every period). */
export function parseScript(src: string): List | ShellSyntaxError {
  const hit = cache.get(src);
  if (hit) return hit;
  let r: List | ShellSyntaxError;
  try {
    r = new Parser(src).parseScript();
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    r = e;
  }
  if (cache.size > 1000) cache.clear();
  cache.set(src, r);
  return r;
}
