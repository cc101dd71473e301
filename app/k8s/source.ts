/**
 * The YAML side of the object layer: multi-document parsing with source positions, syntax errors as
 * diagnostics, and the mapping from an object path (`spec.containers[0].name`) back to a YAML range.
 */
import {
  LineCounter,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Document,
  type Node as YamlNode,
  type Pair,
} from 'yaml';
import type { Diagnostic, SourceRange } from './types.ts';
import type { Segment } from './path.ts';

export interface SourceDoc {
  index: number;
  doc: Document.Parsed;
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

export class SourceText {
  readonly lineCounter = new LineCounter();
  readonly docs: SourceDoc[];
  readonly syntaxDiagnostics: Diagnostic[] = [];

  constructor(readonly text: string) {
    const parsed = parseAllDocuments(text, {
      lineCounter: this.lineCounter,
      prettyErrors: false,
      // Kubernetes (sigs.k8s.io/yaml) reads YAML 1.2-ish core schema; keep `yes`/`on` as strings.
      version: '1.2',
    });
    this.docs = Array.from(parsed, (doc, index) => {
      for (const e of doc.errors) {
        this.syntaxDiagnostics.push({
          ...this.rangeOf(e.pos[0], e.pos[1]),
          severity: 'error',
          code: 'yaml-syntax',
          message: e.message,
          doc: index,
        });
      }
      return {
        index,
        doc,
        empty: doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null),
        hasSyntaxErrors: doc.errors.length > 0,
      };
    });
  }

  /** 1-based range of the offsets [start, end); a zero-width range is widened to one character. */
  rangeOf(start: number, end: number): SourceRange {
    const a = this.lineCounter.linePos(start);
    const b = this.lineCounter.linePos(Math.max(end, start));
    const endColumn = a.line === b.line && b.col <= a.col ? a.col + 1 : b.col;
    return { line: a.line, column: a.col, endLine: b.line, endColumn };
  }

  /** The first line of a node: where "this document/item" diagnostics point. */
  firstLineOf(node: YamlNode): SourceRange {
    const [start, valueEnd] = node.range ?? [0, 0, 0];
    const nl = this.text.indexOf('\n', start);
    const lineEnd = nl === -1 ? this.text.length : nl;
    return this.rangeOf(start, Math.min(valueEnd, lineEnd));
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
      const [s, e] = keyNode.range ?? [0, 0];
      return this.rangeOf(s, e);
    }
    if (w.node) {
      if (!exact || isCollection) return this.firstLineOf(w.node);
      const [s, e] = w.node.range ?? [0, 0];
      return this.rangeOf(s, e);
    }
    return { line: 1, column: 1, endLine: 1, endColumn: 2 };
  }
}
