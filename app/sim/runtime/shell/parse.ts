/**
 * A recursive-descent parser for the POSIX shell subset: lists, && ||, pipelines, `!`, if/while/
 * until/for/case, { } and ( ), functions, redirections, quoting, $VAR ${VAR...} $(...) `...` $((...))
 * and [[ ... ]]. It works on characters directly (the shell's lexing is context dependent).
 */
import { ShellSyntaxError } from './ast.ts';
import type { AndOr, Command, List, Pipeline, Redir, Word } from './ast.ts';
import { Scanner } from './scanner.ts';

const META = ' \t\n;&|()<>';

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

export class Parser extends Scanner {
  protected nested(src: string): Parser {
    return new Parser(src);
  }

  /** A word that must be there: fails instead of looping when the next token is an operator. */
  private needWord(): Word {
    const start = this.pos;
    const w = this.readWord();
    if (this.pos === start) this.fail(`unexpected ${this.peekText()}`);
    return w;
  }

  parseScript(): List {
    const list = this.parseList();
    this.skipBlanks(true);
    if (this.pos < this.src.length) this.fail(`unexpected ${this.peekText()}`);
    return list;
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
        items.push(this.needWord());
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
    const word = this.needWord();
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
        pats.push(this.needWord());
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
      const word = this.needWord();
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
