/**
 * The editor's text and whether it is typed work. Opening something over typed work (a link,
 * an example, a file) first keeps that work as the previous text, so it is one click away.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { forgetPrevious, rememberPrevious } from './autosave.ts';
import type { InitialState } from './initialState.ts';
import { pageStorage } from './pageStorage.ts';
import { typedWorkReplaced } from './typedWork.ts';

export interface Work {
  yaml: string;
  /** The text differs from what was last opened (a restored text counts as typed). */
  edited: boolean;
  /** An edit in the editor. */
  setYaml(text: string): void;
  /** Replaces the text with something opened; returns true when typed work was kept. */
  open(text: string): boolean;
  /** Brings back the previous text; returns the text kept in its place, if it was typed work. */
  restore(text: string): string | undefined;
}

export function useWork(initial: InitialState): Work {
  const [yaml, setYaml] = useState(initial.yaml);
  // What was opened, unedited; undefined when the text shown is typed work.
  const [opened, setOpened] = useState<string | undefined>(
    initial.edited ? undefined : initial.yaml,
  );
  const now = useRef({ yaml, opened });
  useEffect(() => {
    now.current = { yaml, opened };
  });
  /** Keeps the current text as the previous one if it is typed work that `next` replaces. */
  const keep = useCallback((next: string): string | undefined => {
    const kept = typedWorkReplaced(now.current.yaml, now.current.opened, next);
    if (kept !== undefined) rememberPrevious(pageStorage, kept);
    return kept;
  }, []);
  const open = useCallback(
    (text: string) => {
      const kept = keep(text) !== undefined;
      now.current = { yaml: text, opened: text };
      setYaml(text);
      setOpened(text);
      return kept;
    },
    [keep],
  );
  const restore = useCallback(
    (text: string) => {
      const kept = keep(text);
      if (kept === undefined) forgetPrevious(pageStorage);
      now.current = { yaml: text, opened: undefined };
      setYaml(text);
      setOpened(undefined);
      return kept;
    },
    [keep],
  );
  const edit = useCallback((text: string) => {
    now.current = { ...now.current, yaml: text };
    setYaml(text);
  }, []);
  return { yaml, edited: yaml !== opened, setYaml: edit, open, restore };
}
