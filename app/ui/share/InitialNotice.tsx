import { useEffect, useState } from 'react';
import { rememberPrevious } from './autosave.ts';
import { NOTICE_EVENT, type NoticeDetail } from './notices.ts';
import './share.css';

export interface InitialNoticeProps {
  /** Why a link could not be opened (from readInitialState). */
  error?: string;
  /** The user's scenario that a link or example replaced (from readInitialState). */
  replaced?: string;
  onRestore(yaml: string): void;
}

interface Shown extends NoticeDetail {
  /** The replaced scenario was stored as "previous" (survives a reload). */
  kept: boolean;
}

/** Normalises a notice and keeps the replaced scenario in storage. */
function show(d: { error?: string | undefined; replaced?: string | undefined }): Shown | undefined {
  if (!d.error && !d.replaced) return undefined;
  const kept = d.replaced ? rememberPrevious(window.localStorage, d.replaced) : false;
  return {
    ...(d.error ? { error: d.error } : {}),
    ...(d.replaced ? { replaced: d.replaced } : {}),
    kept,
  };
}

/**
 * The bar under the header after opening a link: a damaged link's message, or "restore my work".
 * Shows the page-load state from props, then whatever useHashNavigation announces later.
 */
export function InitialNotice({ error, replaced, onRestore }: InitialNoticeProps) {
  const [notice, setNotice] = useState<Shown | undefined>(() => show({ error, replaced }));
  useEffect(() => {
    const onNotice = (e: Event) => setNotice(show((e as CustomEvent<NoticeDetail>).detail));
    window.addEventListener(NOTICE_EVENT, onNotice);
    return () => window.removeEventListener(NOTICE_EVENT, onNotice);
  }, []);
  const previous = notice?.replaced;
  const kept = notice?.kept ?? false;

  if (!notice || (!notice.error && !notice.replaced)) return null;
  const dismiss = () => setNotice(undefined);
  if (notice.error) {
    return (
      <div className="notice notice-error" role="alert" data-testid="link-error">
        <p>{notice.error} Your own scenario was kept.</p>
        <button type="button" onClick={dismiss}>
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
          if (previous) onRestore(previous);
          dismiss();
        }}
      >
        Restore my previous scenario
      </button>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
