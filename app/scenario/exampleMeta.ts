/**
 * Bundled examples are `examples/NN-slug.yaml` files whose leading comment block carries metadata:
 *
 *   # title: Liveness exec: healthy for 60 s, then restarts
 *   # source: seed 001 §7.2
 *   # watch: What to look at, in one to three sentences;
 *   #   continuation lines are indented.
 *   # expect: at 75s pod liveness-exec restarts is 1      (repeatable; see promises.ts)
 *
 * Pure: the Vite registry (examples.ts) and the Node one (examplesNode.ts) both use it.
 */
export interface Example {
  /** `liveness-exec` for `13-liveness-exec.yaml`. */
  slug: string;
  /** The NN prefix: gallery order. */
  order: number;
  fileName: string;
  title: string;
  watch: string;
  source?: string;
  /** Promise lines, unparsed (see promises.ts). */
  expect: string[];
  /** The whole file, header included: what the editor shows. */
  yaml: string;
}

export type ExampleResult = { ok: true; example: Example } | { ok: false; error: string };

const FILE_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$/;
const KEY_LINE = /^#\s?(title|source|watch|expect):\s*(.*)$/;
const CONTINUATION = /^#\s{2,}(\S.*)$/;

export function parseExample(fileName: string, yaml: string): ExampleResult {
  const name = FILE_NAME.exec(fileName);
  if (!name) return { ok: false, error: `${fileName}: the name must look like NN-some-slug.yaml` };
  const fields: { key: string; value: string }[] = [];
  for (const line of yaml.split(/\r?\n/)) {
    if (!line.startsWith('#')) break;
    const key = KEY_LINE.exec(line);
    const more = CONTINUATION.exec(line);
    const last = fields[fields.length - 1];
    if (key) fields.push({ key: key[1] ?? '', value: (key[2] ?? '').trim() });
    else if (more && last) last.value += ` ${more[1] ?? ''}`;
    else if (line.trim() !== '#') {
      return { ok: false, error: `${fileName}: header line "${line}" is not "# key: value"` };
    }
  }
  const one = (key: string) => fields.filter((f) => f.key === key).map((f) => f.value.trim());
  const [title] = one('title');
  const [watch] = one('watch');
  const [source] = one('source');
  if (!title) return { ok: false, error: `${fileName}: the header has no "# title:"` };
  if (!watch) return { ok: false, error: `${fileName}: the header has no "# watch:"` };
  for (const key of ['title', 'watch', 'source']) {
    if (one(key).length > 1) return { ok: false, error: `${fileName}: "# ${key}:" appears twice` };
  }
  const example: Example = {
    slug: name[2] ?? '',
    order: Number(name[1]),
    fileName,
    title,
    watch,
    expect: one('expect'),
    yaml,
  };
  if (source) example.source = source;
  return { ok: true, example };
}

/** Parses every file and sorts by NN; throws on a malformed file (a bundling mistake, not user input). */
export function buildRegistry(files: Iterable<[fileName: string, text: string]>): Example[] {
  const out: Example[] = [];
  for (const [fileName, text] of files) {
    const r = parseExample(fileName, text);
    if (!r.ok) throw new Error(`Bad example ${r.error}`);
    out.push(r.example);
  }
  out.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  const seen = new Set<string>();
  for (const e of out) {
    if (seen.has(e.slug)) throw new Error(`Two examples are called "${e.slug}"`);
    seen.add(e.slug);
  }
  return out;
}

/** The file's name without the directory part (glob keys are `./examples/NN-slug.yaml`). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
