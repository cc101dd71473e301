import { useState } from 'react';
import { rememberPrevious } from './autosave.ts';
import './share.css';

export interface InitialNoticeProps {
  /** Why a link could not be opened (from readInitialState). */
  error?: string;
  /** The user's scenario that a link or example replaced (from readInitialState). */
  replaced?: string;
  onRestore(yaml: string): void;
}

/** The bar under the header after opening a link: a damaged link's message, or "restore my work". */
export function InitialNotice({ error, replaced, onRestore }: InitialNoticeProps) {
  const [dismissed, setDismissed] = useState(false);
  const [kept] = useState(() =>
    replaced ? rememberPrevious(window.localStorage, replaced) : false,
  );
  if (dismissed || (!error && !replaced)) return null;
  if (error) {
    return (
      <div className="notice notice-error" role="alert" data-testid="link-error">
        <p>{error} Your own scenario was kept.</p>
        <button type="button" onClick={() => setDismissed(true)}>
          Dismiss
        </button>
      </div>
    );
  }
  return (
    <div className="notice notice-info" role="status" data-testid="restore-notice">
      <p>The scenario you were editing was replaced{kept ? ' (it is kept on this device)' : ''}.</p>
      <button
        type="button"
        onClick={() => {
          if (replaced) onRestore(replaced);
          setDismissed(true);
        }}
      >
        Restore my previous scenario
      </button>
      <button type="button" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
