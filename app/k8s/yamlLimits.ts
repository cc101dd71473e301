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

/**
 * The most characters (keys and scalar values, each alias counted as a copy of its target) one document
 * may expand to: the largest scenario text accepted at all (a share link inflates to at most 1 MiB). The
 * input bound alone is checked before aliases expand: a 512 KiB string aliased 999 times is 543 MB.
 */
export const MAX_EXPANDED_CHARS = 1024 * 1024;

export const ALIAS_TOO_LARGE = `this alias expands the document past ${MAX_EXPANDED_CHARS} characters (aliases may not make a document larger than a scenario may be)`;

/**
 * The first alias, in document order, at which the document's expanded size passes `limit`; undefined
 * when it stays within. Aliases are resolved during the walk (the latest anchor of that name before it:
 * yaml's Alias.resolve walks the whole document per call) and target sizes are memoised, so nested
 * aliases cost no more than one walk.
 */
export function aliasExpansionOverflow(
  doc: Document.Parsed,
  limit = MAX_EXPANDED_CHARS,
): YamlNode | undefined {
  const anchors = new Map<string, unknown>();
  const targets = new Map<unknown, unknown>();
  const sizes = new Map<unknown, number>();
  const sizeOf = (node: unknown): number => {
    const known = sizes.get(node);
    if (known !== undefined) return known;
    // A cycle through an alias (yaml rejects it) counts as empty instead of looping.
    sizes.set(node, 0);
    let n = 0;
    if (isScalar(node)) n = String(node.value).length;
    else if (isAlias(node)) n = sizeOf(targets.get(node));
    else if (isMap(node)) for (const p of node.items) n += sizeOf(p.key) + sizeOf(p.value);
    else if (isSeq(node)) for (const item of node.items) n += sizeOf(item);
    else if (isPair(node)) n = sizeOf(node.key) + sizeOf(node.value);
    sizes.set(node, n);
    return n;
  };
  // Document order without descending into alias targets: a running total, stopped at the crossing.
  let total = 0;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      targets.set(node, anchors.get(node.source));
      total += sizeOf(node);
      if (total > limit) return node;
      continue;
    }
    if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor)
      anchors.set(node.anchor, node);
    if (isScalar(node)) {
      total += String(node.value).length;
    } else if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const p = node.items[i];
        if (p) stack.push(p.value, p.key);
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    } else if (isPair(node)) {
      stack.push(node.value, node.key);
    }
  }
  return undefined;
}
