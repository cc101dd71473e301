/**
 * A bundled example is two files. `examples/NN-slug.yaml` is what the user sees: a few plain
 * comment lines of what to watch, then the scenario. `examples/NN-slug.meta` is for the gallery
 * and the test suite, never shown in the editor:
 *
 *   title: Liveness exec: healthy for 60 s, then restarts
 *   source: seed 001 §7.2
 *   expect: at 75s pod liveness-exec restarts is 1      (repeatable; see promises.ts)
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
  /** The YAML's leading comment block as one paragraph. */
  watch: string;
  source?: string;
  /** Promise lines, unparsed (see promises.ts). */
  expect: string[];
  /** The whole YAML file: what the editor shows. */
  yaml: string;
}

export type ExampleResult = { ok: true; example: Example } | { ok: false; error: string };

const FILE_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$/;
const META_LINE = /^(title|source|expect):\s*(.*)$/;

export function parseExample(fileName: string, yaml: string, meta: string): ExampleResult {
  const name = FILE_NAME.exec(fileName);
  if (!name) return { ok: false, error: `${fileName}: the name must look like NN-some-slug.yaml` };
  const fields: { key: string; value: string }[] = [];
  for (const line of meta.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const key = META_LINE.exec(line);
    if (!key) return { ok: false, error: `${fileName}: meta line "${line}" is not "key: value"` };
    fields.push({ key: key[1] ?? '', value: (key[2] ?? '').trim() });
  }
  const one = (key: string) => fields.filter((f) => f.key === key).map((f) => f.value);
  const [title] = one('title');
  const [source] = one('source');
  if (!title) return { ok: false, error: `${fileName}: the meta file has no "title:"` };
  for (const key of ['title', 'source']) {
    if (one(key).length > 1) return { ok: false, error: `${fileName}: "${key}:" appears twice` };
  }
  const lead: string[] = [];
  for (const line of yaml.split(/\r?\n/)) {
    if (!line.startsWith('#')) break;
    lead.push(line.replace(/^#\s?/, '').trim());
  }
  const watch = lead.filter(Boolean).join(' ');
  if (!watch)
    return { ok: false, error: `${fileName}: the YAML opens with no comment saying what to watch` };
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
export function buildRegistry(
  files: Iterable<[fileName: string, yaml: string, meta: string]>,
): Example[] {
  const out: Example[] = [];
  for (const [fileName, yaml, meta] of files) {
    const r = parseExample(fileName, yaml, meta);
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

/** `NN-slug.meta` beside `NN-slug.yaml`. */
export function metaName(yamlFileName: string): string {
  return yamlFileName.replace(/\.yaml$/, '.meta');
}

/** The file's name without the directory part (glob keys are `./examples/NN-slug.yaml`). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
