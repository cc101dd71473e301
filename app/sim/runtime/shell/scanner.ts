/**
 * The lexical half of the shell parser: blanks and comments, operators, words with quoting and
 * $-expansions, and here-document bodies (read after the newline that ends their command).
 */
import { ShellSyntaxError } from './ast.ts';
import type { List, ParamOp, Redir, Word, WordPart } from './ast.ts';

const META = ' \t\n;&|()<>';

export type Op =
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

export abstract class Scanner {
  protected pos = 0;
  protected heredocs: PendingHeredoc[] = [];
  constructor(protected readonly src: string) {}

  abstract parseScript(): List;
  abstract parseList(stopAtParen?: boolean): List;
  /** A parser over another text (command substitutions, here-documents, arithmetic). */
  protected abstract nested(src: string): Scanner;

  protected fail(msg: string): never {
    throw new ShellSyntaxError(`syntax error: ${msg}`, this.pos);
  }

  /** The next token as ash names it in errors: `"fi"`, `newline`, `end of file`. */
  protected peekText(): string {
    this.skipBlanks();
    const op = this.peekOp();
    if (op) return op === '\n' ? 'newline' : `"${op}"`;
    const save = this.pos;
    const w = this.readWordRaw();
    this.pos = save;
    return w ? `"${w}"` : 'end of file';
  }

  /** Skip spaces, tabs, line continuations, comments; also newlines if asked. */
  protected skipBlanks(newlines = false): void {
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
  protected newline(): void {
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
        : this.nested(body).readHeredocBody();
    }
  }

  /** A here-document body: like a double-quoted string without the quotes. */
  readHeredocBody(): Word {
    const parts: WordPart[] = [];
    this.readDquoted(parts, true);
    return parts;
  }

  protected peekOp(): Op | undefined {
    for (const op of OPS) if (this.src.startsWith(op, this.pos)) return op;
    return undefined;
  }

  protected eatOp(op: Op): boolean {
    this.skipBlanks();
    if (this.peekOp() === op) {
      this.pos += op.length;
      return true;
    }
    return false;
  }

  /** Raw unquoted text of the next word (for keyword checks). */
  protected readWordRaw(): string {
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

  protected readDquoted(parts: WordPart[], heredoc = false): void {
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
  protected readDollar(q: boolean): WordPart | undefined {
    const s = this.src;
    if (s[this.pos] === '`') {
      const end = s.indexOf('`', this.pos + 1);
      if (end < 0) this.fail('unterminated `');
      const inner = s.slice(this.pos + 1, end).replace(/\\([`$\\])/g, '$1');
      this.pos = end + 1;
      return { t: 'cmd', body: this.nested(inner).parseScript(), q };
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
      const expr = this.nested(s.slice(this.pos + 3, end)).readWord('\0');
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

  protected readWordInBrace(): Word {
    const parts = this.readWord('}');
    if (this.src[this.pos] !== '}') this.fail('missing "}"');
    this.pos++;
    return parts;
  }
}
