/**
 * A link pasted into the address bar of an open page only changes the fragment (no reload): open
 * it like a fresh load. Our own replaceState writes do not fire `hashchange`. A damaged link never
 * touches the editor: its message goes to <InitialNotice>. A good one is handed to `onOpen`, which
 * keeps the typed work it replaces as the previous text; the banner then offers that text back.
 */
import { useEffect, useRef } from 'react';
import { EXAMPLES } from '../../scenario/examples.ts';
import { loadPrevious } from './autosave.ts';
import type { InitialState } from './initialState.ts';
import { readFragment } from './initialState.ts';
import { announceNotice } from './notices.ts';
import { pageStorage } from './pageStorage.ts';

/** `onOpen` returns true when it kept the replaced typed work as the previous text. */
export function useHashNavigation(onOpen: (state: InitialState) => boolean): void {
  const handler = useRef(onOpen);
  useEffect(() => {
    handler.current = onOpen;
  });
  useEffect(() => {
    const onHash = () => {
      const request = readFragment(window.location, EXAMPLES);
      if (request.kind === 'error') {
        announceNotice({ error: request.error });
        return;
      }
      if (request.kind !== 'open') return;
      const { state } = request;
      const replaced = handler.current(state);
      const previous = loadPrevious(pageStorage);
      if (previous === undefined || previous === state.yaml) return;
      const why = !replaced ? 'kept' : state.source === 'example' ? 'example' : 'link';
      announceNotice({ previous, why });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
}
