/** Saves the scenario to localStorage shortly after each edit and when the page is hidden. */
import { useEffect, useRef } from 'react';
import { saveAutosave } from './autosave.ts';

export function useAutosave(yaml: string, delayMs = 400): void {
  const latest = useRef(yaml);
  useEffect(() => {
    latest.current = yaml;
    const id = window.setTimeout(() => saveAutosave(window.localStorage, yaml), delayMs);
    return () => window.clearTimeout(id);
  }, [yaml, delayMs]);
  useEffect(() => {
    const flush = () => saveAutosave(window.localStorage, latest.current);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);
}
