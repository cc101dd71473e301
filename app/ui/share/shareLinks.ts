/** Everything the Share dialog shows, as a pure function of the page address and the scenario. */
import { encodeShareFragment, type SharePayload } from '../../scenario/shareLink.ts';
import { embedSearch } from './embedOptions.ts';

/** Chat apps and many tools cut links past this (playground conventions §4). */
export const SOFT_LIMIT = 2000;
/** Proxies, CDNs and server logs start failing around here. */
export const HARD_LIMIT = 8000;

export interface ShareLinks {
  url: string;
  length: number;
  /** Shown above the link when it is long. */
  warning?: string;
  embedUrl: string;
  embedSnippet: string;
}

/** `base` is the page address; only its origin and path are kept (query and fragment dropped). */
export function buildShareLinks(base: string, payload: SharePayload): ShareLinks {
  const page = new URL(base);
  const root = `${page.origin}${page.pathname}`;
  const fragment = encodeShareFragment(payload);
  const url = `${root}#${fragment}`;
  const embedUrl = `${root}${embedSearch({ t: payload.t })}#${fragment}`;
  const links: ShareLinks = {
    url,
    length: url.length,
    embedUrl,
    embedSnippet: `<iframe src="${escapeAttribute(embedUrl)}" title="Podlab scenario" width="100%" height="520" style="border:0" loading="lazy"></iframe>`,
  };
  if (url.length > HARD_LIMIT) {
    links.warning = `This link is ${url.length.toLocaleString('en-US')} characters long, too long for many servers and chat apps. Download the scenario as a file instead.`;
  } else if (url.length > SOFT_LIMIT) {
    links.warning = `This link is ${url.length.toLocaleString('en-US')} characters long; some chat apps cut links over 2,000 characters. If it breaks, share the downloaded file.`;
  }
  return links;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** A file name for the download: the Scenario's or first object's name, else `scenario`. */
export function scenarioFileName(yaml: string): string {
  const m = /^\s*name:\s*['"]?([A-Za-z0-9][A-Za-z0-9._-]*)/m.exec(yaml);
  return `${m?.[1] ?? 'scenario'}.yaml`;
}

/**
 * The embed's "Open in playground" link: this page without the embed query. Built on the page's
 * own origin, so a path such as `//other.host/` (a protocol-relative URL if used as an href on its
 * own) stays a path on this host.
 */
export function playgroundLink(href: string): string {
  const page = new URL(href);
  return `${page.origin}${page.pathname}${page.hash}`;
}
