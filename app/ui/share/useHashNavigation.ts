/**
 * A link pasted into the address bar of an open page only changes the fragment (no reload): read it
 * like a fresh load. Our own replaceState writes do not fire `hashchange`. A damaged link never
 * touches the editor: its message goes to <InitialNotice>, as does the offer to restore the
 * scenario a good link replaced.
 */
import { useEffect, useRef } from 'react';
import type { InitialState } from './initialState.ts';
import { announceNotice } from './notices.ts';
import { readInitialState } from './readInitialState.ts';

export function useHashNavigation(onOpen: (state: InitialState) => void): void {
  const handler = useRef(onOpen);
  useEffect(() => {
    handler.current = onOpen;
  });
  useEffect(() => {
    const onHash = () => {
      const state = readInitialState(window.location, window.localStorage);
      if (state.error) {
        announceNotice({ error: state.error });
        return;
      }
      if (state.source !== 'link' && state.source !== 'example') return;
      handler.current(state);
      if (state.replaced) announceNotice({ replaced: state.replaced });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
}
