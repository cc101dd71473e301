/** The syntax tree of the `sh -c` subset Podlab interprets (POSIX shell, busybox-ash flavoured). */

export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#' | '##' | '%' | '%%';

export type WordPart =
  /** Literal text; `q` = quoted (no field splitting, no globbing). */
  | { t: 'lit'; v: string; q: boolean }
  | { t: 'param'; name: string; op?: ParamOp; arg?: Word; len?: boolean; q: boolean }
  | { t: 'cmd'; body: List; q: boolean }
  | { t: 'arith'; expr: Word; q: boolean };

export type Word = WordPart[];

export interface Redir {
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<&' | '<<';
  target: Word;
}

interface WithRedirs {
  redirs: Redir[];
}

export type Command =
  | ({
      t: 'simple';
      assigns: { name: string; value: Word }[];
      words: Word[];
      /** The command's source text, for diagnostics. */
      src: string;
    } & WithRedirs)
  | ({ t: 'if'; clauses: { cond: List; body: List }[]; els?: List } & WithRedirs)
  | ({ t: 'loop'; until: boolean; cond: List; body: List } & WithRedirs)
  | ({ t: 'for'; name: string; items?: Word[]; body: List } & WithRedirs)
  | ({ t: 'case'; word: Word; items: { pats: Word[]; body: List }[] } & WithRedirs)
  | ({ t: 'group'; body: List; sub: boolean } & WithRedirs)
  | ({ t: 'dbracket'; args: { word: Word; op?: string }[]; src: string } & WithRedirs)
  | { t: 'func'; name: string; body: Command; redirs: Redir[] };

export interface Pipeline {
  bang: boolean;
  cmds: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; p: Pipeline }[];
}

export interface List {
  items: { ao: AndOr; bg: boolean }[];
}

export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}
