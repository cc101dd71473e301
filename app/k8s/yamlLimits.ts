/**
 * Bounds the YAML library does not enforce by itself (issue 13): nesting deeper than the parser's stack,
 * and a duplicate-key check that is linear (yaml 2.x's mapIncludes compares each key with every earlier
 * one: a map of 50 000 labels took 15–28 s).
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Parser,
  YAMLParseError,
  type Document,
  type Node as YamlNode,
} from 'yaml';

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

/** Where yaml reports a duplicate: the start of the key after its properties (resolve-block-map.js). */
function keyStart(key: YamlNode): number {
  return key.range?.[0] ?? 0;
}

/**
 * Adds the errors yaml's `uniqueKeys` check would have added to a document parsed with
 * `uniqueKeys: false`: `DUPLICATE_KEY` "Map keys must be unique" on every key equal to an earlier key of
 * its map. Equality as yaml's default: both scalars with `===` values (so `1` and `1.0` are equal, `"1"`
 * and `1` are not, `.nan` never is); other keys (collections, aliases) only by identity, which two pairs
 * never share.
 */
export function addDuplicateKeyErrors(doc: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (seen.has(key.value)) {
            const at = keyStart(key);
            found.push(
              new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'),
            );
          } else {
            seen.add(key.value);
          }
        }
        stack.push(pair.value, key);
      }
    } else if (isSeq(node)) {
      stack.push(...node.items);
    } else if (isPair(node)) {
      stack.push(node.value, node.key);
    } else if (isAlias(node)) {
      // An alias's target is walked where it is defined.
    }
  }
  if (found.length === 0) return;
  doc.errors.push(...found);
  doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
}
