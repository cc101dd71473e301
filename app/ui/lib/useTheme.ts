/** Light/dark theme: follows `prefers-color-scheme` until toggled; the choice is persisted. */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';
const KEY = 'podlab.theme';
const QUERY = '(prefers-color-scheme: dark)';

function readStored(): Theme | undefined {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : undefined;
  } catch {
    return undefined;
  }
}

function subscribe(cb: () => void): () => void {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', cb);
  return () => mq.removeEventListener('change', cb);
}

export function useTheme(override?: Theme): { theme: Theme; toggle(): void } {
  const system = useSyncExternalStore(
    subscribe,
    () => (window.matchMedia(QUERY).matches ? 'dark' : 'light'),
    () => 'light' as const,
  );
  const [chosen, setChosen] = useState<Theme | undefined>(readStored);
  const theme = override ?? chosen ?? system;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  const toggle = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    setChosen(next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // storage unavailable (private mode): the choice lasts for this page only
    }
  }, [theme]);
  return { theme, toggle };
}
