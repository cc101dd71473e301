/** The editor slot: shows the YAML as plain text at once, then swaps in Monaco when it loads. */
import { lazy, Suspense } from 'react';
import type { MonacoEditorProps } from './MonacoEditor.tsx';

const load = () => import('./MonacoEditor.tsx');
/** Starts fetching the editor chunk at once (called before the first render). */
export const preloadEditor = (): void => void load();
const MonacoEditor = lazy(load);

export function EditorPane(props: MonacoEditorProps) {
  return (
    <Suspense
      fallback={
        <pre
          className="editor-fallback"
          aria-label="Scenario YAML (loading editor)"
          aria-busy="true"
        >
          {props.value}
        </pre>
      }
    >
      <MonacoEditor {...props} />
    </Suspense>
  );
}
