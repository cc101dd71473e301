/**
 * Appends a user action to the Scenario document of a multi-document YAML text. Only the Scenario
 * document is re-serialised (with the `yaml` Document API, so its comments survive); every other
 * byte of the text is kept as it was.
 */
import { Document, isMap, isNode, isSeq, parseAllDocuments, parseDocument } from 'yaml';
import { DEFAULT_NAMESPACE, splitObjectKey } from '../../sim/trace/objectKey.ts';
import { formatDuration, parseTimeInput } from '../lib/time.ts';

/** `namespace` is written only outside `default` (DESIGN §3: it defaults to `default`). */
export type ActionBody =
  | { exec: { pod: string; namespace?: string; container?: string; command: string } }
  | {
      kill: {
        pod: string;
        namespace?: string;
        container: string;
        signal?: string;
        exitCode?: number;
      };
    }
  | { kill: { pod: string; namespace?: string; sandbox: true } }
  | { debug: { pod: string; namespace?: string; image: string; target?: string } }
  | {
      delete: {
        kind: 'Pod' | 'Service';
        name: string;
        namespace?: string;
        gracePeriodSeconds?: number;
      };
    }
  | { apply: { kind: 'Pod' | 'Service'; name: string; namespace?: string } }
  | {
      setCondition: {
        pod: string;
        namespace?: string;
        type: string;
        status: 'True' | 'False' | 'Unknown';
      };
    };

/** A pod action's target from the pod's key: `team-a/web` → `{ pod: web, namespace: team-a }`. */
export function podTarget(key: string): { pod: string; namespace?: string } {
  const { namespace, name } = splitObjectKey(key);
  return namespace === DEFAULT_NAMESPACE ? { pod: name } : { pod: name, namespace };
}

/** An object action's target from its key: `team-a/web` → `{ name: web, namespace: team-a }`. */
export function objectTarget(key: string): { name: string; namespace?: string } {
  const { namespace, name } = splitObjectKey(key);
  return namespace === DEFAULT_NAMESPACE ? { name } : { name, namespace };
}

function isScenarioDoc(doc: Document): boolean {
  return (
    doc.get('kind') === 'Scenario' && String(doc.get('apiVersion') ?? '').startsWith('podlab.dev/')
  );
}

/** `- at: 45s` then the body as one flow map: `exec: { pod: web, command: date }`. */
function actionNode(doc: Document, action: Record<string, unknown>) {
  const node = doc.createNode(action);
  for (const pair of node.items) if (isMap(pair.value)) pair.value.flow = true;
  return node;
}

function atSeconds(v: unknown): number {
  if (typeof v === 'number') return v;
  return parseTimeInput(String(v ?? '')) ?? Number.POSITIVE_INFINITY;
}

/** Returns `text` with `{at, ...body}` added to the Scenario's `spec.actions`, kept in time order. */
export function appendAction(text: string, at: number, body: ActionBody): string {
  const action = { at: formatDuration(at), ...body };
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [];
  const scenario = list.find((d) => d.errors.length === 0 && isMap(d.contents) && isScenarioDoc(d));
  if (!scenario) {
    const fresh = parseDocument(
      'apiVersion: podlab.dev/v1\nkind: Scenario\nmetadata:\n  name: playground\nspec:\n  actions: []\n',
    );
    const seq = fresh.getIn(['spec', 'actions'], true);
    if (isSeq(seq)) {
      seq.flow = false;
      seq.add(actionNode(fresh, action));
    }
    const sep = text.length === 0 || text.endsWith('\n') ? '' : '\n';
    return `${text}${sep}---\n${fresh.toString()}`;
  }

  let seq = scenario.getIn(['spec', 'actions'], true);
  if (!isSeq(seq)) {
    scenario.setIn(['spec', 'actions'], scenario.createNode([]));
    seq = scenario.getIn(['spec', 'actions'], true);
  }
  if (isSeq(seq)) {
    seq.flow = false;
    const node = actionNode(scenario, action);
    const idx = seq.items.findIndex((item) => isMap(item) && atSeconds(item.get('at')) > at);
    if (idx < 0) seq.items.push(node);
    else seq.items.splice(idx, 0, node);
  }
  // Splice the re-serialised contents over their own source range: comments before the document
  // (kept on the Document, not the node) and every other document stay byte for byte.
  const contents = scenario.contents;
  const range = contents?.range;
  if (!contents || !range) return text;
  const [start, , end] = range;
  // A comment before the node lies before its range: the splice keeps it, so do not print it again.
  // (yaml attaches it to the node, or to the first key of a map).
  contents.commentBefore = null;
  contents.spaceBefore = false;
  const firstKey = isMap(contents) ? contents.items[0]?.key : undefined;
  if (isNode(firstKey) && firstKey.range && firstKey.range[0] === start) {
    firstKey.commentBefore = null;
    firstKey.spaceBefore = false;
  }
  const tmp = new Document();
  tmp.contents = contents;
  let out = tmp.toString();
  if (!text.slice(start, end).endsWith('\n') && out.endsWith('\n')) out = out.slice(0, -1);
  return text.slice(0, start) + out + text.slice(end);
}
