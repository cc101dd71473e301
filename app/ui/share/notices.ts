/**
 * Notices raised after the page has loaded (a link pasted into the address bar): the hash
 * navigation hook announces them, <InitialNotice> shows them. A DOM event keeps the two decoupled.
 */
export const NOTICE_EVENT = 'podlab:notice';

export interface NoticeDetail {
  error?: string;
  replaced?: string;
}

export function announceNotice(detail: NoticeDetail): void {
  window.dispatchEvent(new CustomEvent<NoticeDetail>(NOTICE_EVENT, { detail }));
}
