/** The Monaco YAML editor (lazy chunk). Uncontrolled model kept in sync with `value`. */
import { useEffect, useRef } from 'react';
import type { Diagnostic } from '../../k8s/types.ts';
import type { EditorHandle } from './editorHandle.ts';
import { toMarkers } from './markers.ts';
import { installEditorKeys, KEY_OPTIONS } from './editorKeys.ts';
import { followModelines, MODEL_URI, monaco } from './monaco.ts';

export interface MonacoEditorProps {
  value: string;
  onChange(text: string): void;
  theme: 'light' | 'dark';
  diagnostics: readonly Diagnostic[];
  onReady(handle: EditorHandle): void;
  onRun(): void;
  /** Esc with no editor widget open: the page moves the focus on (to the timeline). */
  onEscape?(): void;
  readOnly?: boolean;
}

export default function MonacoEditor(props: MonacoEditorProps) {
  const { value, theme, diagnostics } = props;
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const cb = useRef(props);
  /** Texts this editor reported since the page last caught up: their echoes are not outside edits. */
  const echoes = useRef(new Set<string>());
  useEffect(() => {
    cb.current = props;
  });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const uri = monaco.Uri.parse(MODEL_URI);
    const model =
      monaco.editor.getModel(uri) ?? monaco.editor.createModel(cb.current.value, 'yaml', uri);
    model.setValue(cb.current.value);
    followModelines(cb.current.value);
    const editor = monaco.editor.create(el, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      renderWhitespace: 'none',
      wordWrap: 'on',
      quickSuggestions: { other: true, comments: false, strings: true },
      theme: cb.current.theme === 'dark' ? 'vs-dark' : 'vs',
      ariaLabel: 'Scenario YAML editor',
      fixedOverflowWidgets: true,
      readOnly: cb.current.readOnly ?? false,
      ...KEY_OPTIONS,
    });
    installEditorKeys(monaco, editor, () => cb.current.onEscape?.());
    editorRef.current = editor;
    const decorations = editor.createDecorationsCollection();
    const sub = model.onDidChangeContent(() => {
      const text = model.getValue();
      followModelines(text);
      echoes.current.add(text);
      cb.current.onChange(text);
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => cb.current.onRun());
    const handle: EditorHandle = {
      getValue: () => model.getValue(),
      highlight(r) {
        const range = new monaco.Range(r.line, r.column, r.endLine, r.endColumn);
        decorations.set([
          {
            range,
            options: {
              className: 'podlab-highlight',
              isWholeLine: false,
              inlineClassName: 'podlab-highlight-inline',
            },
          },
        ]);
        editor.revealRangeInCenterIfOutsideViewport(range);
        editor.setSelection(range);
      },
      revealLine(line, column = 1) {
        editor.revealLineInCenter(line);
        editor.setPosition({ lineNumber: line, column });
        editor.focus();
      },
      focus: () => editor.focus(),
      getMarkers: () =>
        monaco.editor.getModelMarkers({ resource: uri }).map((m) => ({
          owner: m.owner,
          message: m.message,
          line: m.startLineNumber,
          severity: m.severity,
        })),
    };
    cb.current.onReady(handle);
    return () => {
      sub.dispose();
      editor.dispose();
      editorRef.current = null;
    };
  }, []);

  // Outside changes (actions, gallery, tests) replace the text as one undoable edit.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    if (model.getValue() === value || echoes.current.has(value)) {
      if (model.getValue() === value) echoes.current.clear();
      return;
    }
    echoes.current.clear();
    editor.pushUndoStop();
    editor.executeEdits('podlab', [{ range: model.getFullModelRange(), text: value }]);
    editor.pushUndoStop();
  }, [value]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(model, 'podlab', toMarkers(diagnostics, model.getLineCount()));
  }, [diagnostics]);

  return <div ref={host} className="editor-host" data-testid="editor" />;
}
