/**
 * kubectl reads YAML with libyaml (go-yaml), which does not check indentation inside a quoted scalar or a
 * flow collection. Tutorials rely on it, e.g. a command string wrapped onto a line at column 0:
 *
 *     command: ["/bin/sh","-c","touch /tmp/live ; sleep 60; rm -rf /tmp/live; sleep
 *   3600"]
 *
 * The `yaml` package (strict YAML 1.2) rejects that. `repairQuotedContinuations` indents such continuation
 * lines so the text parses as kubectl would read it, and maps positions back to the original text.
 */

export interface Repair {
  text: string;
  /** 0-based line numbers (in the original text) that were re-indented. */
  lines: number[];
  /** Maps an offset in the repaired text to the original text. */
  toOriginal(offset: number): number;
}

/** If `line` leaves a quoted scalar open, returns its quote character. Scans flow items and values only. */
function unclosedQuote(line: string): string | undefined {
  let i = line.search(/\S/);
  if (i < 0) return undefined;
  if (line.startsWith('- ', i)) i += 2;
  const colon = line.indexOf(': ', i);
  if (colon >= 0 && !/["']/.test(line.slice(i, colon))) i = colon + 2;
  while (i < line.length && line[i] === ' ') i++;
  if (line[i] === '[' || line[i] === '{') i++;
  for (;;) {
    while (i < line.length && (line[i] === ' ' || line[i] === ',')) i++;
    const q = line[i];
    if (q !== '"' && q !== "'") return undefined;
    let j = i + 1;
    for (; j < line.length; j++) {
      if (q === '"' && line[j] === '\\') j++;
      else if (line[j] === q && q === "'" && line[j + 1] === "'") j++;
      else if (line[j] === q) break;
    }
    if (j >= line.length) return q;
    i = j + 1;
    // Only more flow items may follow on this line.
    while (i < line.length && line[i] === ' ') i++;
    if (line[i] !== ',') return undefined;
  }
}

function closes(line: string, quote: string): boolean {
  for (let j = 0; j < line.length; j++) {
    if (quote === '"' && line[j] === '\\') j++;
    else if (line[j] === quote && quote === "'" && line[j + 1] === "'") j++;
    else if (line[j] === quote) return true;
  }
  return false;
}

export function repairQuotedContinuations(text: string): Repair | undefined {
  const lines = text.split('\n');
  const edits: { at: number; added: number }[] = [];
  const repaired: number[] = [];
  let open: { quote: string; indent: number } | undefined;
  let offset = 0;
  const out = lines.map((line, n) => {
    let result = line;
    if (open) {
      const indent = line.search(/\S/);
      if (indent >= 0 && indent <= open.indent) {
        const added = open.indent + 1 - indent;
        result = ' '.repeat(added) + line;
        edits.push({ at: offset, added });
        repaired.push(n);
      }
      if (closes(line, open.quote)) open = undefined;
    } else {
      const quote = unclosedQuote(line);
      if (quote)
        open = { quote, indent: line.search(/\S/) + (line.trimStart().startsWith('- ') ? 2 : 0) };
    }
    offset += result.length + 1;
    return result;
  });
  if (repaired.length === 0) return undefined;
  return {
    text: out.join('\n'),
    lines: repaired,
    toOriginal(p: number): number {
      let shift = 0;
      for (const e of edits) {
        if (p >= e.at + e.added) shift += e.added;
        else if (p >= e.at) return e.at - shift;
        else break;
      }
      return p - shift;
    },
  };
}
