/**
 * kubectl describe's PrefixWriter (describe.go `prefixWriter`): each level indents two spaces; the
 * text keeps its tabs for the tabwriter. Shared by the describe sections.
 */
export class DescribeWriter {
  private readonly parts: string[] = [];

  write(level: number, text: string): void {
    this.parts.push('  '.repeat(level) + text);
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** printLabelsMultiline (describe.go): sorted `k=v`, continuation lines start with a tab. */
export function writeLabels(
  w: DescribeWriter,
  title: string,
  labels: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${k}=${labels?.[k] ?? ''}\n`);
  });
}

const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

/** printAnnotationsMultiline (describe.go), including the 140-character folding. */
export function writeAnnotations(
  w: DescribeWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = (annotations?.[k] ?? '').replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) {
        const short =
          s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s;
        w.write(0, `\t  ${short}\n`);
      }
    } else {
      w.write(0, `${k}: ${value}\n`);
    }
  });
}

export interface TolerationLike {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** printPodTolerationsMultiline (describe.go): sorted by key. */
export function writeTolerations(
  w: DescribeWriter,
  title: string,
  tolerations: TolerationLike[],
): void {
  w.write(0, `${title}:\t`);
  if (tolerations.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  const sorted = [...tolerations].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  sorted.forEach((tol, i) => {
    if (i !== 0) w.write(0, '\t');
    let s = tol.key ?? '';
    if (tol.value) s += `=${tol.value}`;
    if (tol.effect) s += `:${tol.effect}`;
    if (tol.operator === 'Exists' && !tol.value)
      s += tol.key || tol.effect ? ' op=Exists' : 'op=Exists';
    if (tol.tolerationSeconds !== undefined) s += ` for ${tol.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}
