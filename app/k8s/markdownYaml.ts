export interface YamlBlock {
  /** 1-based line in the seed file of the block's first content line. */
  line: number;
  lang: string;
  text: string;
}

/** Columns of leading whitespace, tabs to the next multiple of 4 (as Markdown does). */
function indentWidth(line: string): number {
  let col = 0;
  for (const ch of line) {
    if (ch === ' ') col++;
    else if (ch === '\t') col += 4 - (col % 4);
    else break;
  }
  return col;
}

/** Removes `width` columns of leading whitespace, expanding tabs, like a Markdown list item does. */
function dedent(line: string, width: number): string {
  let col = 0;
  let i = 0;
  while (i < line.length && col < width) {
    const ch = line[i];
    if (ch === ' ') col++;
    else if (ch === '\t') col += 4 - (col % 4);
    else break;
    i++;
  }
  return ' '.repeat(Math.max(0, col - width)) + line.slice(i);
}

const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'console', 'sh-session']);
const YAMLISH = /^\s*(-\s|[A-Za-z_][\w.-]*:(\s|$)|#)/;

/**
 * YAML blocks of a Markdown note: fenced blocks (``` with no language or yaml/yml, the fence may be
 * indented inside a list item) and unfenced runs that start with `apiVersion:` or `kind:`.
 * Shell prompt lines (`$ kubectl ...`) inside a block are commands, not YAML: they are blanked
 * (kept as empty lines so line numbers still match).
 */
export function extractYamlBlocks(markdown: string): YamlBlock[] {
  const lines = markdown.split('\n');
  const blocks: YamlBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```\s*([\w-]*)/.exec(lines[i] ?? '');
    if (open) {
      const width = indentWidth(open[1] ?? '');
      const lang = (open[2] ?? '').toLowerCase();
      let j = i + 1;
      while (j < lines.length && !/^\s*```/.test(lines[j] ?? '')) j++;
      const body = lines.slice(i + 1, j).map((l) => (/^\s*\$/.test(l) ? '' : dedent(l, width)));
      if (!SHELL_LANGS.has(lang) && body.some((l) => YAMLISH.test(l))) {
        blocks.push({ line: i + 2, lang, text: body.join('\n') });
      }
      i = j;
      continue;
    }
    if (/^(apiVersion|kind):/.test(lines[i] ?? '')) {
      let j = i;
      while (j < lines.length && (YAMLISH.test(lines[j] ?? '') || /^\s+\S/.test(lines[j] ?? '')))
        j++;
      blocks.push({ line: i + 1, lang: '', text: lines.slice(i, j).join('\n') + '\n' });
      i = j - 1;
    }
  }
  return blocks;
}
