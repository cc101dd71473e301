/** What the address bar holds for the current scenario (written with history.replaceState). */
import type { Example } from '../../scenario/exampleMeta.ts';
import { encodeShareFragment } from '../../scenario/shareLink.ts';

/**
 * An unedited example stays `#example/<slug>` (short, and it follows fixes to the example); anything
 * else becomes a share payload. Returns the fragment without `#`.
 */
export function fragmentFor(
  yaml: string,
  t: number | undefined,
  view: string | undefined,
  examples: readonly Example[],
): string {
  const example = examples.find((e) => e.yaml === yaml);
  if (example && !t && !view) return `example/${example.slug}`;
  const payload: { yaml: string; t?: number; view?: string } = { yaml };
  if (t !== undefined && t > 0) payload.t = Math.round(t * 1000) / 1000;
  if (view !== undefined) payload.view = view;
  return encodeShareFragment(payload);
}
