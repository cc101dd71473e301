/**
 * `# yaml-language-server: $schema=URL` modelines (yaml-language-server modelineUtil.ts
 * getSchemaFromModeline / isModeline, yamlSchemaService.ts resolveModelineSchema). A modeline
 * replaces the schema of its document; Podlab registers Podlab's schema under each modeline's
 * URL, so pasted YAML keeps Podlab's validation instead of trying (and failing) to load a remote
 * schema.
 */

const MODELINE = /^#\s+yaml-language-server\s*:/;

/** The schema URIs the language server would resolve from the text's modelines, first per line. */
export function modelineSchemaUris(text: string): string[] {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const comment = line.slice(line.indexOf('#'));
    if (!line.includes('#') || !MODELINE.test(comment)) continue;
    const m = /\$schema=(\S+)/.exec(comment);
    if (m?.[1]) out.add(resolveSchemaUri(m[1]));
  }
  return [...out];
}

/** resolveModelineSchema: http(s) and file: stay; a path is resolved against the model's folder (`/`). */
function resolveSchemaUri(ref: string): string {
  if (ref.startsWith('file:') || ref.startsWith('http')) return ref;
  const hash = ref.indexOf('#');
  const path = hash > 0 ? ref.slice(0, hash) : ref;
  const fragment = hash > 0 ? ref.slice(hash) : '';
  return new URL(path, 'file:///').href + fragment;
}
