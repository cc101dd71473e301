/** $(( ... )) arithmetic: integers, + - * / % ** comparisons, && || !, parentheses, variables. */
import { MAX_ARITH_DEPTH } from '../limits.ts';

/** bash's message past its recursion limit (expr.c, MAX_EXPR_RECURSION_LEVEL). */
export const ARITH_TOO_DEEP = 'expression recursion level exceeded';

/** The evaluator's own failures (anything else, e.g. a RangeError, is not a syntax error). */
class ArithError extends Error {}

export function evalArith(
  expr: string,
  getVar: (name: string) => string | undefined,
): number | string {
  const toks = expr.match(
    /\s*(\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||<<|>>|[-+*/%()<>!~^&|])\s*/g,
  );
  if (!toks || toks.join('').length !== expr.length) return `arithmetic syntax error`;
  const t = toks.map((x) => x.trim());
  let i = 0;
  const peek = () => t[i];
  const val = (name: string): number => {
    const v = getVar(name);
    const n = v === undefined || v === '' ? 0 : Number(v);
    return Number.isFinite(n) ? Math.trunc(n) : 0;
  };
  let depth = 0;
  /** Every recursive step (a parenthesis, a unary operator, `**`) nests one level deeper. */
  const deeper = (f: () => number) => (): number => {
    if (++depth > MAX_ARITH_DEPTH) throw new ArithError(ARITH_TOO_DEEP);
    try {
      return f();
    } finally {
      depth--;
    }
  };
  const primary = deeper(() => primaryInner());
  const primaryInner = (): number => {
    const x = t[i++];
    if (x === undefined) throw new ArithError('syntax');
    if (x === '(') {
      const v = ternary();
      if (t[i++] !== ')') throw new ArithError('syntax');
      return v;
    }
    if (x === '-') return -primary();
    if (x === '+') return primary();
    if (x === '!') return primary() ? 0 : 1;
    if (x === '~') return ~primary();
    if (/^\d+$/.test(x)) return Number(x);
    if (/^[A-Za-z_]/.test(x)) return val(x);
    throw new ArithError('syntax');
  };
  const levels: string[][] = [
    ['||'],
    ['&&'],
    ['|'],
    ['^'],
    ['&'],
    ['==', '!='],
    ['<', '>', '<=', '>='],
    ['<<', '>>'],
    ['+', '-'],
    ['*', '/', '%'],
  ];
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '||':
        return a || b ? 1 : 0;
      case '&&':
        return a && b ? 1 : 0;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '&':
        return a & b;
      case '==':
        return a === b ? 1 : 0;
      case '!=':
        return a !== b ? 1 : 0;
      case '<':
        return a < b ? 1 : 0;
      case '>':
        return a > b ? 1 : 0;
      case '<=':
        return a <= b ? 1 : 0;
      case '>=':
        return a >= b ? 1 : 0;
      case '<<':
        return a << b;
      case '>>':
        return a >> b;
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0) throw new ArithError('divide by zero');
        return Math.trunc(a / b);
      case '%':
        if (b === 0) throw new ArithError('divide by zero');
        return a % b;
      default:
        throw new ArithError('syntax');
    }
  };
  const power: () => number = deeper(() => {
    const a = primary();
    if (peek() === '**') {
      i++;
      return a ** power();
    }
    return a;
  });
  const binary = (lvl: number): number => {
    if (lvl >= levels.length) return power();
    let a = binary(lvl + 1);
    while (levels[lvl]!.includes(peek() ?? '')) {
      const op = t[i++]!;
      a = apply(op, a, binary(lvl + 1));
    }
    return a;
  };
  const ternary = (): number => binary(0);
  try {
    const v = ternary();
    if (i !== t.length) return 'arithmetic syntax error';
    return v;
  } catch (e) {
    if (!(e instanceof ArithError)) throw e;
    if (e.message === 'divide by zero' || e.message === ARITH_TOO_DEEP) return e.message;
    return 'arithmetic syntax error';
  }
}
