/**
 * Bounds the YAML library does not enforce by itself (issue 13): nesting deeper than the parser's stack.
 */
import { Parser } from 'yaml';

export const NESTING_TOO_DEEP =
  'nesting too deep: the YAML parser ran out of stack in this value (nest fewer levels)';

/**
 * Where the parser ran out of stack: re-runs yaml's (non-composing) Parser over the text and takes its
 * offset at the throw. It throws on the token after the deep value (the newline or the next key), so the
 * position is moved back to the last character of the deep value. The end of the text when the re-run
 * gets through (the overflow happened while closing the document).
 */
export function overflowOffset(text: string): number {
  const parser = new Parser();
  let at = text.length;
  try {
    for (const token of parser.parse(text)) void token;
  } catch {
    at = parser.offset;
  }
  while (at > 0 && /\s/.test(text[at - 1] ?? '')) at--;
  return Math.max(0, at - 1);
}
