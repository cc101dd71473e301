/**
 * Saves the scenario on every change (debounced) and at once when the page is hidden or unloads
 * (`pagehide`, `visibilitychange` → hidden), with the address-bar fragment it was saved under.
 * Returns `flush`, which saves now (useUrlSync calls it after it rewrites the fragment), and
 * `typed`, which the editor calls with each keystroke's text: a reload can come between the
 * keystroke and the render that hands it to React, and `pagehide` must save what is on screen.
 */
import { useCallback, useEffect, useRef } from 'react';
import { saveAutosave } from './autosave.ts';
import { pageStorage } from './pageStorage.ts';

export const AUTOSAVE_DELAY_MS = 250;

/**
 * `enabled` false: nothing is written (an embed on another site must not overwrite the visitor's
 * own work with the scenario it shows, unless they typed into it).
 */
export function useAutosave(
  yaml: string,
  edited: boolean,
  enabled = true,
  delayMs = AUTOSAVE_DELAY_MS,
): { flush: () => void; typed: (text: string) => void } {
  const latest = useRef({ yaml, edited, enabled });
  /** The editor's newest text while React has not rendered it yet. */
  const pending = useRef<string | undefined>(undefined);
  useEffect(() => {
    latest.current = { yaml, edited, enabled };
    if (pending.current === yaml) pending.current = undefined;
  });
  const typed = useCallback((text: string) => {
    pending.current = text;
  }, []);
  const flush = useCallback(() => {
    const { enabled: on, ...rendered } = latest.current;
    const text = pending.current;
    // A keystroke React has not rendered yet is typed work, whatever the last render said.
    const work =
      text !== undefined && text !== rendered.yaml ? { yaml: text, edited: true } : rendered;
    if (on || work.edited) saveAutosave(pageStorage, { ...work, fragment: window.location.hash });
  }, []);
  useEffect(() => {
    const id = window.setTimeout(flush, delayMs);
    return () => window.clearTimeout(id);
  }, [yaml, edited, enabled, delayMs, flush]);
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [flush]);
  return { flush, typed };
}
