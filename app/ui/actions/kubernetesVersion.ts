/**
 * The page's version selector writes `spec.kubernetesVersion` into the Scenario document: the value
 * in place when the field exists, a line under `spec:` when it does not, and a small Scenario document
 * at the end when the text has none. Every other byte of the text stays as it was.
 */
import { isMap, isScalar, parseAllDocuments, type Document } from 'yaml';

function isScenarioDoc(doc: Document.Parsed): boolean {
  return (
    doc.errors.length === 0 &&
    isMap(doc.contents) &&
    doc.get('kind') === 'Scenario' &&
    String(doc.get('apiVersion') ?? '').startsWith('podlab.dev/')
  );
}

const quoted = (v: string) => `"${v}"`;

/** The version the text names (first Scenario document), if any. */
export function readKubernetesVersion(text: string): string | undefined {
  const doc = parseAllDocuments(text);
  const list = Array.isArray(doc) ? doc : [];
  const v = list.find(isScenarioDoc)?.getIn(['spec', 'kubernetesVersion']);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

export function setKubernetesVersion(text: string, version: string): string {
  const docs = parseAllDocuments(text);
  const scenario = (Array.isArray(docs) ? docs : []).find(isScenarioDoc);
  if (!scenario) {
    const sep = text.length === 0 || text.endsWith('\n') ? '' : '\n';
    const head = text.trim().length === 0 ? '' : `${text}${sep}---\n`;
    return `${head}apiVersion: podlab.dev/v1\nkind: Scenario\nmetadata:\n  name: playground\nspec:\n  kubernetesVersion: ${quoted(version)}\n`;
  }
  const value = scenario.getIn(['spec', 'kubernetesVersion'], true);
  if (isScalar(value) && value.range) {
    const [start, end] = value.range;
    return text.slice(0, start) + quoted(version) + text.slice(end);
  }
  const spec = scenario.get('spec', true);
  const contents = scenario.contents;
  if (isMap(spec) && !spec.flow && spec.items.length > 0) {
    // A block map: a new first line at the indentation of its first key.
    const first = spec.items[0]?.key;
    const at = isScalar(first) && first.range ? first.range[0] : undefined;
    if (at !== undefined) {
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const indent = text.slice(lineStart, at);
      if (/^ *$/.test(indent))
        return `${text.slice(0, lineStart)}${indent}kubernetesVersion: ${quoted(version)}\n${text.slice(lineStart)}`;
    }
  }
  if (!spec && isMap(contents) && contents.range) {
    // No spec: add one after the document's last key.
    const end = contents.range[1];
    const before = text.slice(0, end);
    const nl = before.endsWith('\n') ? '' : '\n';
    return `${before}${nl}spec:\n  kubernetesVersion: ${quoted(version)}\n${text.slice(end).replace(/^\n/, '')}`;
  }
  // A flow-style or empty spec: set it through the Document (re-serialises this document only).
  scenario.setIn(['spec', 'kubernetesVersion'], version);
  const range = contents?.range;
  if (!range) return text;
  let out = scenario.toString().replace(/^---\n/, '');
  if (!text.slice(range[0], range[2]).endsWith('\n') && out.endsWith('\n')) out = out.slice(0, -1);
  return text.slice(0, range[0]) + out + text.slice(range[2]);
}
