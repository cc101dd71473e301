/**
 * The YAML side of the object layer: multi-document parsing with source positions, syntax errors as
 * diagnostics, and the mapping from an object path (`spec.containers[0].name`) back to a YAML range.
 */
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  parseDocument,
  type Document,
  type Node as YamlNode,
  type Pair,
} from 'yaml';
import type { Diagnostic, SourceRange } from './types.ts';
import type { Segment } from './path.ts';
import { repairQuotedContinuations, type Repair } from './lenientYaml.ts';
import { kubectlTags } from './yamlTags.ts';
import { addDuplicateKeyErrors, NESTING_TOO_DEEP, overflowOffset } from './yamlLimits.ts';

export interface SourceDoc {
  index: number;
  doc: Document.Parsed;
  /** Offset of the document's chunk in the whole text: node ranges are relative to it. */
  offset: number;
  /** Maps a node offset to the chunk's original text when the chunk was repaired (lenientYaml.ts). */
  toOriginal?: (offset: number) => number;
  /** True when the document holds nothing (only comments or `---`). */
  empty: boolean;
  hasSyntaxErrors: boolean;
}

interface Walk {
  /** How many segments matched existing nodes. */
  depth: number;
  node: YamlNode | null;
  /** The map pair through which the last matched segment was reached, if it was a map key. */
  pair?: Pair;
}

/**
 * Splits at `---` lines (only spaces or a comment after them), as kubectl's YAMLReader does, so a broken
 * document (an unclosed quote) cannot swallow the ones after it.
 */
function splitDocuments(text: string): { start: number; end: number }[] {
  const chunks: { start: number; end: number }[] = [];
  const sep = /^---[ \t]*(#.*)?$/gm;
  let start = 0;
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    chunks.push({ start, end: m.index });
    start = m.index;
  }
  chunks.push({ start, end: text.length });
  return chunks.filter((c) => c.end > c.start);
}

interface ParsedChunk {
  docs: Document.Parsed[];
  repair: Repair | undefined;
  /** The chunk could not be parsed at all (the parser ran out of stack): where it gave up. */
  tooDeep?: number;
}

/**
 * Parsed chunks by text. parseScenario runs on every keystroke and an edit touches one document, so the
 * other documents' YAML trees (read-only here, ranges relative to their chunk) are reused.
 */
const chunkCache = new Map<string, ParsedChunk>();
const CHUNK_CACHE_SIZE = 200;

/** For benchmarks: measure a cold parse. */
export function clearParseCache(): void {
  chunkCache.clear();
}

function parseChunkCached(chunkText: string): ParsedChunk {
  const hit = chunkCache.get(chunkText);
  if (hit) {
    chunkCache.delete(chunkText);
    chunkCache.set(chunkText, hit);
    return hit;
  }
  // YAML 1.2 core plus the two YAML 1.1 rules go-yaml v2 applies (yamlTags.ts).
  const options = {
    prettyErrors: false,
    version: '1.2',
    merge: true,
    customTags: kubectlTags,
    // Checked by addDuplicateKeyErrors in linear time: yaml's own check is quadratic in a map's size.
    uniqueKeys: false,
  } as const;
  const parseDocs = (text: string): Document.Parsed[] => {
    const docs = parseAllDocuments(text, options);
    for (const d of docs) addDuplicateKeyErrors(d);
    return docs;
  };
  let parsed: ParsedChunk;
  try {
    let docs: Document.Parsed[] = parseDocs(chunkText);
    let repair: Repair | undefined;
    if (docs.some((d) => d.errors.length > 0)) {
      repair = repairQuotedContinuations(chunkText);
      const repaired = repair ? parseDocs(repair.text) : undefined;
      if (repaired && repaired.every((d) => d.errors.length === 0)) docs = repaired;
      else repair = undefined;
    }
    parsed = { docs, repair };
  } catch (e) {
    // yaml's block parser recurses once per nesting level (`- - - …`) and does not catch the overflow.
    if (!(e instanceof RangeError)) throw e;
    parsed = { docs: [parseDocument('')], repair: undefined, tooDeep: overflowOffset(chunkText) };
  }
  chunkCache.set(chunkText, parsed);
  if (chunkCache.size > CHUNK_CACHE_SIZE) {
    const oldest = chunkCache.keys().next().value;
    if (oldest !== undefined) chunkCache.delete(oldest);
  }
  return parsed;
}

export class SourceText {
  private readonly lineStarts: number[] = [0];
  readonly docs: SourceDoc[] = [];
  readonly syntaxDiagnostics: Diagnostic[] = [];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
      this.lineStarts.push(i + 1);
    for (const chunk of splitDocuments(text))
      this.parseChunk(chunk.start, text.slice(chunk.start, chunk.end));
  }

  private parseChunk(start: number, chunkText: string): void {
    const { docs, repair, tooDeep } = parseChunkCached(chunkText);
    if (tooDeep !== undefined) {
      const at = start + Math.min(tooDeep, Math.max(0, chunkText.trimEnd().length - 1));
      this.syntaxDiagnostics.push({
        ...this.rangeOf(at, at + 1),
        severity: 'error',
        code: 'yaml-syntax',
        message: NESTING_TOO_DEEP,
        doc: this.docs.length,
      });
    }
    for (const line of repair?.lines ?? []) {
      const lineStart = this.lineOfOffset(start) + line;
      const from = this.lineStarts[lineStart] ?? start;
      const to = (this.lineStarts[lineStart + 1] ?? this.text.length + 1) - 1;
      this.syntaxDiagnostics.push({
        ...this.rangeOf(from, Math.max(from, to)),
        severity: 'warning',
        code: 'yaml-lenient',
        message:
          'this quoted string continues on a line indented less than its field: kubectl (libyaml) reads it as one string, strict YAML 1.2 parsers reject it',
        doc: this.docs.length,
      });
    }
    for (const doc of docs) {
      const index = this.docs.length;
      for (const e of doc.errors) {
        // An error "at the end" of a chunk is shown on its last character, not on the next `---`.
        const last = Math.max(0, chunkText.trimEnd().length - 1);
        let [s, end] = [Math.min(e.pos[0], last), Math.min(e.pos[1], last + 1)];
        // Indentation errors are reported on the leading spaces: show the key they belong to.
        const lead = /^[ \t]+/.exec(chunkText.slice(s, end + 200))?.[0].length ?? 0;
        if (
          e.code === 'BAD_INDENT' &&
          lead > 0 &&
          s + lead < chunkText.length &&
          chunkText[s + lead] !== '\n'
        ) {
          s += lead;
          end = Math.max(end, s + 1);
        }
        this.syntaxDiagnostics.push({
          ...this.rangeOf(start + s, start + end),
          severity: 'error',
          code: 'yaml-syntax',
          // The composer catches its own overflow (deep flow collections) and reports it as an error.
          message: /call stack/i.test(e.message) ? NESTING_TOO_DEEP : e.message,
          doc: index,
        });
      }
      const entry: SourceDoc = {
        index,
        doc,
        offset: start,
        empty: doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null),
        hasSyntaxErrors: doc.errors.length > 0 || tooDeep !== undefined,
      };
      if (repair) entry.toOriginal = repair.toOriginal;
      this.docs.push(entry);
    }
  }

  private lineOfOffset(offset: number): number {
    return this.linePos(offset).line - 1;
  }

  private linePos(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (this.lineStarts[lo] ?? 0) + 1 };
  }

  /** 1-based range of the absolute offsets [start, end); a zero-width range is widened to one character. */
  rangeOf(start: number, end: number): SourceRange {
    const a = this.linePos(start);
    const b = this.linePos(Math.max(end, start));
    const endColumn = a.line === b.line && b.col <= a.col ? a.col + 1 : b.col;
    return { line: a.line, column: a.col, endLine: b.line, endColumn };
  }

  /** Absolute offset in the text of a node offset of document `docIndex`. */
  private abs(docIndex: number, pos: number): number {
    const d = this.docs[docIndex];
    return (d?.offset ?? 0) + (d?.toOriginal ? d.toOriginal(pos) : pos);
  }

  private nodeRange(docIndex: number, node: YamlNode): SourceRange {
    const [s, e] = node.range ?? [0, 0];
    return this.rangeOf(this.abs(docIndex, s), this.abs(docIndex, e));
  }

  /** The first line of a node: where "this document/item" diagnostics point. */
  firstLineOf(docIndex: number, node: YamlNode): SourceRange {
    const [s, valueEnd] = node.range ?? [0, 0, 0];
    const start = this.abs(docIndex, s);
    const nl = this.text.indexOf('\n', start);
    const lineEnd = nl === -1 ? this.text.length : nl;
    return this.rangeOf(start, Math.min(this.abs(docIndex, valueEnd), lineEnd));
  }
  private walk(docIndex: number, segments: readonly Segment[]): Walk | undefined {
    const source = this.docs[docIndex];
    if (!source) return undefined;
    let node = source.doc.contents as YamlNode | null;
    let pair: Pair | undefined;
    let depth = 0;
    for (const seg of segments) {
      if (isMap(node)) {
        const found = node.items.find(
          (p) => isScalar(p.key) && String(p.key.value) === String(seg),
        );
        if (!found) break;
        pair = found;
        node = (isPair(found) ? found.value : null) as YamlNode | null;
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        pair = undefined;
        node = node.items[seg] as YamlNode | null;
      } else {
        break;
      }
      depth++;
      if (node === null) break;
    }
    return { depth, node, pair };
  }

  /**
   * Range of `segments` in document `docIndex`. `key: true` asks for the key of the field (unknown fields,
   * required children). A path that does not exist in the text (a defaulted field, a missing child)
   * resolves to its nearest ancestor that does, by its key when it has one.
   */
  locate(docIndex: number, segments: readonly Segment[], key = false): SourceRange | undefined {
    const w = this.walk(docIndex, segments);
    if (!w) return undefined;
    const exact = w.depth === segments.length;
    const keyNode = w.pair && isScalar(w.pair.key) ? (w.pair.key as YamlNode) : undefined;
    const isCollection = isMap(w.node) || isSeq(w.node);
    if (keyNode && (key || !exact || w.node === null || isCollection)) {
      return this.nodeRange(docIndex, keyNode);
    }
    if (w.node) {
      if (!exact || isCollection) return this.firstLineOf(docIndex, w.node);
      return this.nodeRange(docIndex, w.node);
    }
    return { line: 1, column: 1, endLine: 1, endColumn: 2 };
  }
}
