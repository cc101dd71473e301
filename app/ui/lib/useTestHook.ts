/**
 * `window.__podlab` for tests and tools (getYaml, setYaml, getCursor, setCursor, markers), plus
 * the marks the perf spec reads: when the editor became usable and when a run was drawn.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { EditorHandle } from '../editor/editorHandle.ts';

declare global {
  interface Window {
    __podlab?: {
      getYaml(): string;
      setYaml(text: string): void;
      getCursor(): number;
      setCursor(t: number): void;
      getMarkers(): ReturnType<EditorHandle['getMarkers']>;
      select(line: number, column: number, endLine: number, endColumn: number): void;
      editorReady: boolean;
    };
    /**
     * When the last valid run was drawn (one frame after its commit); `partial` while it is the
     * first part of a long run (its hash is the partial trace's).
     */
    __podlabPaint?: { hash: string; at: number; partial: boolean };
  }
}

export function useTestHook(o: {
  yaml: string;
  cursor: number;
  editor: RefObject<EditorHandle | null>;
  editorReady: boolean;
  setYaml(text: string): void;
  setCursor(t: number): void;
  /** Hash of the run on screen. */
  hash: string | undefined;
  /** The run on screen is a partial result. */
  partial: boolean;
}): void {
  const latest = useRef(o);
  useEffect(() => {
    latest.current = o;
  });
  const { editorReady, hash, partial } = o;
  useEffect(() => {
    const cur = () => latest.current;
    window.__podlab = {
      getYaml: () => cur().editor.current?.getValue() ?? cur().yaml,
      setYaml: (text) => cur().setYaml(text),
      getCursor: () => cur().cursor,
      setCursor: (t) => cur().setCursor(t),
      getMarkers: () => cur().editor.current?.getMarkers() ?? [],
      select: (line, column, endLine, endColumn) => {
        cur().editor.current?.highlight({ line, column, endLine, endColumn });
        cur().editor.current?.focus();
      },
      editorReady,
    };
    if (editorReady) performance.mark('podlab-editor-ready');
  }, [editorReady]);
  useEffect(() => {
    if (!hash) return;
    const raf = requestAnimationFrame(() => {
      window.__podlabPaint = { hash, at: performance.now(), partial };
    });
    return () => cancelAnimationFrame(raf);
  }, [hash, partial]);
}
