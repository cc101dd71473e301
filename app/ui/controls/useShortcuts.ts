/** Listens for the page shortcuts (outside the editor) and runs the matching handler. */
import { useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction } from './shortcuts.ts';

export function useShortcuts(handlers: Record<ShortcutAction, () => void>): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target instanceof Element ? e.target : null;
      const inEditor = !!el?.closest('.monaco-editor');
      const inField = !!el?.closest('input, textarea, select, [contenteditable="true"]');
      const action = shortcutFor(e, { inEditor, inField });
      if (!action) return;
      // Space on a focused button or tab presses it instead.
      if (action === 'play' && el?.closest('button, [role="tab"]')) return;
      e.preventDefault();
      ref.current[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
