/** Shell pattern matching (case, [[ == ]], ${x#pat}, globbing): `*`, `?`, `[...]`. */

const cache = new Map<string, RegExp>();

export function patternToRegex(pat: string, anchored = true): RegExp {
  const key = `${anchored ? 'a' : 'u'}${pat}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pat.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = pat.slice(i + 1, end);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += '[' + body.replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else if (c === '\\' && i + 1 < pat.length) {
      re += escapeRe(pat[++i]!);
    } else re += escapeRe(c);
  }
  const r = new RegExp(anchored ? `^${re}$` : re, 's');
  if (cache.size > 500) cache.clear();
  cache.set(key, r);
  return r;
}

function escapeRe(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}

export function matchPattern(pat: string, s: string): boolean {
  return patternToRegex(pat).test(s);
}

export function hasGlob(s: string): boolean {
  return /[*?[]/.test(s);
}

/** ${x#pat} ${x##pat} ${x%pat} ${x%%pat}. */
export function trimPattern(value: string, pat: string, op: '#' | '##' | '%' | '%%'): string {
  const re = patternToRegex(pat);
  if (op === '#' || op === '##') {
    const lens = [...Array(value.length + 1).keys()];
    if (op === '##') lens.reverse();
    for (const n of lens) if (re.test(value.slice(0, n))) return value.slice(n);
    return value;
  }
  const starts = [...Array(value.length + 1).keys()];
  if (op === '%') starts.reverse();
  for (const n of starts) if (re.test(value.slice(n))) return value.slice(0, n);
  return value;
}
