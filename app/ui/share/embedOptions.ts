/** `?embed=1&t=45&autoplay=1&theme=dark&readonly=1`: UI flags kept out of the share payload. */
import { parseDuration } from '../../k8s/duration.ts';

export type EmbedTheme = 'dark' | 'light' | 'auto';

export interface EmbedOptions {
  embed: boolean;
  t?: number;
  autoplay?: boolean;
  theme?: EmbedTheme;
  readonly?: boolean;
}

const TRUE = new Set(['1', 'true', 'yes', '']);

function flag(params: URLSearchParams, name: string): boolean | undefined {
  const v = params.get(name);
  return v === null ? undefined : TRUE.has(v.toLowerCase());
}

export function readEmbedOptions(search: string): EmbedOptions {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const out: EmbedOptions = { embed: flag(params, 'embed') ?? false };
  const t = params.get('t');
  const seconds = t === null ? undefined : parseDuration(t);
  if (seconds !== undefined && Number.isFinite(seconds)) out.t = seconds;
  const autoplay = flag(params, 'autoplay');
  if (autoplay !== undefined) out.autoplay = autoplay;
  const readonly = flag(params, 'readonly');
  if (readonly !== undefined) out.readonly = readonly;
  const theme = params.get('theme');
  if (theme === 'dark' || theme === 'light' || theme === 'auto') out.theme = theme;
  return out;
}

/** The query string for an embed (`?embed=1&t=45…`), in a fixed order. */
export function embedSearch(options: Omit<EmbedOptions, 'embed'>): string {
  const parts = ['embed=1'];
  if (options.t !== undefined && options.t > 0) parts.push(`t=${+options.t.toFixed(3)}`);
  if (options.autoplay) parts.push('autoplay=1');
  if (options.readonly) parts.push('readonly=1');
  if (options.theme) parts.push(`theme=${options.theme}`);
  return `?${parts.join('&')}`;
}
