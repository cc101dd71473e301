/**
 * A link pasted into the address bar of an open page only changes the fragment (no reload): read it
 * like a fresh load. Our own replaceState writes do not fire `hashchange`.
 */
import { useEffect, useRef } from 'react';
import type { InitialState } from './initialState.ts';
import { readInitialState } from './readInitialState.ts';

export function useHashNavigation(onOpen: (state: InitialState) => void): void {
  const handler = useRef(onOpen);
  useEffect(() => {
    handler.current = onOpen;
  });
  useEffect(() => {
    const onHash = () => {
      const state = readInitialState(window.location, window.localStorage);
      if (state.source === 'link' || state.source === 'example' || state.error) {
        handler.current(state);
      }
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
}
