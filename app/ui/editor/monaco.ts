/**
 * The only module that imports Monaco: the editor core, the features we use, the YAML grammar and
 * monaco-yaml with the Kubernetes schema. Loaded lazily (its own chunk).
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import 'monaco-editor/esm/vs/editor/browser/coreCommands.js';
import 'monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget.js';
import 'monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/esm/vs/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo.js';
import 'monaco-editor/esm/vs/editor/contrib/find/browser/findController.js';
import 'monaco-editor/esm/vs/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/esm/vs/editor/contrib/snippet/browser/snippetController2.js';
import 'monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/esm/vs/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js';
import 'monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/esm/vs/editor/common/standaloneStrings.js';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codiconStyles.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import YamlWorker from './yaml.worker.ts?worker';
import { modelineSchemaUris } from './modeline.ts';

// The Kubernetes schema, when the k8s helper has generated it (a glob tolerates its absence).
const schemas = import.meta.glob<JSONSchema>('../../k8s/schema/k8s.schema.json', {
  import: 'default',
  eager: true,
});
const schema = schemas['../../k8s/schema/k8s.schema.json'];

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    if (label === 'yaml') return new YamlWorker();
    return new EditorWorker();
  },
};

/**
 * monaco-worker-manager (used by monaco-yaml) still calls `createWebWorker({moduleId, label,
 * createData})`; this Monaco takes `{worker}`. Adapt the old shape (toolchain.md §3 P2).
 */
const createWebWorker = monaco.editor.createWebWorker;
(monaco.editor as { createWebWorker: unknown }).createWebWorker = (
  opts: Record<string, unknown>,
) => {
  if ('worker' in opts) return createWebWorker(opts as never);
  const label = typeof opts.label === 'string' ? opts.label : 'editorWorkerService';
  const env = self.MonacoEnvironment;
  const worker = Promise.resolve(env?.getWorker?.(String(opts.moduleId ?? ''), label)).then((w) => {
    if (!w) throw new Error(`no worker for ${label}`);
    w.postMessage('ignore');
    w.postMessage(opts.createData);
    return w;
  });
  return createWebWorker({ ...opts, worker } as never);
};

performance.mark('podlab-monaco-evaluated');

export const MODEL_URI = 'file:///scenario.yaml';

const PODLAB_SCHEMA = 'file:///schemas/k8s.schema.json';
const baseSchemas = schema ? [{ uri: PODLAB_SCHEMA, fileMatch: ['**/scenario.yaml'], schema }] : [];
const yamlOptions = {
  enableSchemaRequest: false,
  // One marker per problem: Podlab validates the same schema itself (k8s/schema/validateSchema.ts)
  // with the API server's messages, so the YAML worker only hovers and completes.
  validate: false,
  hover: true,
  // Hovers carry the field's docs, not a "Source:" link to the schema's internal URI.
  hoverSchemaSource: false,
  completion: true,
  schemas: baseSchemas,
};
const monacoYaml = configureMonacoYaml(monaco, yamlOptions);

let modelineKey = '';
/**
 * A pasted `# yaml-language-server: $schema=URL` modeline would make the YAML worker drop
 * Podlab's schema for that document (its hovers and completion) and fail to fetch the URL:
 * Podlab's schema is registered under each modeline URL instead (modeline.ts).
 */
export function followModelines(text: string): void {
  if (!schema) return;
  const uris = text.includes('yaml-language-server') ? modelineSchemaUris(text) : [];
  const key = uris.join('\n');
  if (key === modelineKey) return;
  modelineKey = key;
  void monacoYaml.update({
    ...yamlOptions,
    schemas: [...baseSchemas, ...uris.map((uri) => ({ uri, fileMatch: [], schema }))],
  });
}

export { monaco };
