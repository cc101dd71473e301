/**
 * Notices raised after the page has loaded (a link pasted into the address bar): the hash
 * navigation hook announces them, <InitialNotice> shows them. A DOM event keeps the two decoupled.
 */
export const NOTICE_EVENT = 'podlab:notice';

/** Why typed text is offered back. */
export type PreviousReason = 'link' | 'example' | 'kept' | 'restored';

export interface NoticeDetail {
  error?: string;
  /** Typed text not shown in the editor, offered back. */
  previous?: string;
  why?: PreviousReason;
}

export function announceNotice(detail: NoticeDetail): void {
  window.dispatchEvent(new CustomEvent<NoticeDetail>(NOTICE_EVENT, { detail }));
}
