/** Keeps the address bar's fragment in step with the scenario (history.replaceState, debounced). */
import { useEffect, useRef } from 'react';
import { EXAMPLES } from '../../scenario/examples.ts';
import { fragmentFor } from './urlFragment.ts';

/** `onWrite` runs after the fragment changed (the autosave records the fragment it matches). */
export function useUrlSync(
  yaml: string,
  t: number | undefined,
  view: string | undefined,
  onWrite?: () => void,
  delayMs = 1000,
): void {
  const written = useRef(onWrite);
  useEffect(() => {
    written.current = onWrite;
  });
  useEffect(() => {
    const id = window.setTimeout(() => {
      let fragment: string;
      try {
        fragment = fragmentFor(yaml, t, view, EXAMPLES);
      } catch {
        return; // not shareable (e.g. a negative time): leave the address alone
      }
      if (window.location.hash === `#${fragment}`) return;
      const { pathname, search } = window.location;
      window.history.replaceState(window.history.state, '', `${pathname}${search}#${fragment}`);
      written.current?.();
    }, delayMs);
    return () => window.clearTimeout(id);
  }, [yaml, t, view, delayMs]);
}
