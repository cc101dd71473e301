/** `test` / `[` / `[[` expressions over the virtual filesystem. Returns 0 true, 1 false, 2 error. */
import type { Vfs } from '../fs/vfs.ts';
import { normalizePath } from '../fs/vfs.ts';
import { matchPattern } from './pattern.ts';

export interface TestEnv {
  fs: Vfs;
  cwd: string;
}

export type TestResult = { code: 0 | 1 } | { code: 2; error: string };

const UNARY_FILE = new Set([
  '-e',
  '-f',
  '-d',
  '-s',
  '-r',
  '-w',
  '-x',
  '-h',
  '-L',
  '-b',
  '-c',
  '-p',
  '-S',
]);
const BINARY = new Set([
  '=',
  '==',
  '!=',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '<',
  '>',
  '-nt',
  '-ot',
]);

/**
 * `args` are already expanded. For `[[`, `patternRhs[i]` says argument i was an unquoted word (so
 * `==`/`!=` match it as a pattern), and `&&`/`||` are accepted.
 */
export function evalTest(
  args: string[],
  env: TestEnv,
  dbl = false,
  patternRhs?: boolean[],
): TestResult {
  let i = 0;
  const err = (m: string): never => {
    throw new TestError(m);
  };
  const file = (op: string, p: string): boolean => {
    const n = env.fs.stat(normalizePath(p, env.cwd));
    switch (op) {
      case '-e':
      case '-r':
      case '-h':
      case '-L':
        return !!n;
      case '-w':
        return !!n && !env.fs.isReadOnly(normalizePath(p, env.cwd));
      case '-f':
        return n?.kind === 'file';
      case '-d':
        return n?.kind === 'dir';
      case '-s':
        return n?.kind === 'dir' || (n?.kind === 'file' && n.data.length > 0);
      case '-x':
        return n?.kind === 'dir' || (n?.kind === 'file' && (!!n.program || !!n.exec));
      default:
        return false;
    }
  };
  const int = (s: string): number => {
    if (!/^\s*[-+]?\d+\s*$/.test(s)) err(`${s}: bad number`);
    return Number(s);
  };
  const binary = (a: string, op: string, b: string, bIdx: number): boolean => {
    switch (op) {
      case '=':
      case '==':
        return dbl && patternRhs?.[bIdx] ? matchPattern(b, a) : a === b;
      case '!=':
        return dbl && patternRhs?.[bIdx] ? !matchPattern(b, a) : a !== b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '-eq':
        return int(a) === int(b);
      case '-ne':
        return int(a) !== int(b);
      case '-lt':
        return int(a) < int(b);
      case '-le':
        return int(a) <= int(b);
      case '-gt':
        return int(a) > int(b);
      case '-ge':
        return int(a) >= int(b);
      default:
        return false;
    }
  };
  const or = dbl ? '||' : '-o';
  const and = dbl ? '&&' : '-a';
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) return err('argument expected');
    if (a === '!') {
      i++;
      return !primary();
    }
    if (a === '(') {
      i++;
      const v = orExpr();
      if (args[i] !== ')') err(`missing )`);
      i++;
      return v;
    }
    const next = args[i + 1];
    if (next !== undefined && BINARY.has(next) && args[i + 2] !== undefined) {
      i += 3;
      return binary(a, next, args[i - 1]!, i - 1);
    }
    if (
      (UNARY_FILE.has(a) || a === '-z' || a === '-n') &&
      next !== undefined &&
      next !== or &&
      next !== and
    ) {
      i += 2;
      if (a === '-z') return next.length === 0;
      if (a === '-n') return next.length > 0;
      return file(a, next);
    }
    i++;
    return a.length > 0;
  };
  const andExpr = (): boolean => {
    let v = primary();
    while (args[i] === and) {
      i++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const orExpr = (): boolean => {
    let v = andExpr();
    while (args[i] === or) {
      i++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  try {
    if (args.length === 0) return { code: 1 };
    const v = orExpr();
    if (i < args.length) err(`${args[i]}: unknown operand`);
    return { code: v ? 0 : 1 };
  } catch (e) {
    if (e instanceof TestError) return { code: 2, error: e.message };
    throw e;
  }
}

class TestError extends Error {}
