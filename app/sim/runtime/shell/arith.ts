/** $(( ... )) arithmetic: integers, + - * / % ** comparisons, && || !, parentheses, variables. */

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
  const primary = (): number => {
    const x = t[i++];
    if (x === undefined) throw new Error('syntax');
    if (x === '(') {
      const v = ternary();
      if (t[i++] !== ')') throw new Error('syntax');
      return v;
    }
    if (x === '-') return -primary();
    if (x === '+') return primary();
    if (x === '!') return primary() ? 0 : 1;
    if (x === '~') return ~primary();
    if (/^\d+$/.test(x)) return Number(x);
    if (/^[A-Za-z_]/.test(x)) return val(x);
    throw new Error('syntax');
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
        if (b === 0) throw new Error('divide by zero');
        return Math.trunc(a / b);
      case '%':
        if (b === 0) throw new Error('divide by zero');
        return a % b;
      default:
        throw new Error('syntax');
    }
  };
  const power = (): number => {
    const a = primary();
    if (peek() === '**') {
      i++;
      return a ** power();
    }
    return a;
  };
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
    return e instanceof Error && e.message === 'divide by zero'
      ? 'divide by zero'
      : 'arithmetic syntax error';
  }
}
