import { useEffect, useState } from 'react';
import { NOTICE_EVENT, type NoticeDetail, type PreviousReason } from './notices.ts';
import { useStorageFailure } from './pageStorage.ts';
import './share.css';

export interface InitialNoticeProps {
  /** Why a link could not be opened (from readInitialState). */
  error?: string;
  /** Typed text the page does not show (from readInitialState). */
  previous?: string;
  why?: PreviousReason;
  /** Puts `text` in the editor; returns the text kept as previous in its place, if any. */
  onRestore(text: string): string | undefined;
  /** Forgets the previous text for good. */
  onDiscard(): void;
}

const WHY: Record<PreviousReason, string> = {
  link: 'This link replaced the text you were editing.',
  example: 'This example replaced the text you were editing.',
  kept: 'You have typed text that a link, an example or a file replaced.',
  restored: 'Your previous text is back; the text it replaced is kept instead.',
};

/** The notice without its error part. */
function withoutError(n: NoticeDetail): NoticeDetail {
  return n.previous ? { previous: n.previous, ...(n.why ? { why: n.why } : {}) } : {};
}

/** The notice without its offer (only the error part, if any). */
function errorOnly(n: NoticeDetail): NoticeDetail {
  return n.error ? { error: n.error } : {};
}

/**
 * The bar under the header: a damaged link's message, and the offer to bring back typed text that
 * is not in the editor. The offer stays (across reloads) until the text is restored or discarded;
 * Dismiss only hides it for now. Shows the page-load state from props, then whatever
 * useHashNavigation announces later.
 */
export function InitialNotice({ error, previous, why, onRestore, onDiscard }: InitialNoticeProps) {
  const [notice, setNotice] = useState<NoticeDetail>(() => ({
    ...(error ? { error } : {}),
    ...(previous ? { previous, why: why ?? 'kept' } : {}),
  }));
  useEffect(() => {
    const onNotice = (e: Event) => {
      const d = (e as CustomEvent<NoticeDetail>).detail;
      setNotice((n) => (d.error ? { ...n, error: d.error } : { ...n, ...d }));
    };
    window.addEventListener(NOTICE_EVENT, onNotice);
    return () => window.removeEventListener(NOTICE_EVENT, onNotice);
  }, []);
  const failure = useStorageFailure();
  const where = failure
    ? 'It is kept only in this tab: it will be lost on reload.'
    : 'It is kept on this device until you restore or discard it.';
  const text = notice.previous;

  return (
    <>
      {notice.error ? (
        <div className="notice notice-error" role="alert" data-testid="link-error">
          <p>{notice.error} Your own scenario was kept.</p>
          <button type="button" onClick={() => setNotice(withoutError)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {text ? (
        <div className="notice notice-info" role="status" data-testid="restore-notice">
          <p>
            {WHY[notice.why ?? 'kept']} {where}
          </p>
          <div className="notice-actions">
            <button
              type="button"
              onClick={() => {
                const kept = onRestore(text);
                setNotice((n) => ({
                  ...errorOnly(n),
                  ...(kept ? { previous: kept, why: 'restored' as const } : {}),
                }));
              }}
            >
              Restore your previous text
            </button>
            <button
              type="button"
              title="Hide this message; the text stays kept and is offered again next time"
              onClick={() => setNotice(errorOnly)}
            >
              Dismiss
            </button>
            <button
              type="button"
              title="Delete the kept text from this device"
              onClick={() => {
                onDiscard();
                setNotice(errorOnly);
              }}
            >
              Discard it
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
