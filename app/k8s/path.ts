/**
 * Field paths as the API server prints them (`spec.containers[0].ports[1].name`, `metadata.labels[app.kubernetes.io/name]`)
 * and their segment form used to walk YAML nodes.
 */
export type Segment = string | number;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (IDENT.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${s}]`;
  }
  return out;
}

/** Inverse of formatPath. `[0]` becomes the number 0; `[a.b/c]` the key `a.b/c`. */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      i++;
    } else if (ch === '[') {
      const end = path.indexOf(']', i);
      const inner = path.slice(i + 1, end === -1 ? path.length : end);
      out.push(/^[0-9]+$/.test(inner) ? Number(inner) : inner);
      i = end === -1 ? path.length : end + 1;
    } else {
      let j = i;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      out.push(path.slice(i, j));
      i = j;
    }
  }
  return out;
}
