/** When replacing the editor's text would lose typed work. */

/**
 * The text to keep as "previous" when `next` replaces `current`: `current` unless it is exactly
 * what was last opened (`opened`: a link, an example or a file, unedited), empty, or `next` itself.
 */
export function typedWorkReplaced(
  current: string,
  opened: string | undefined,
  next: string,
): string | undefined {
  if (current === opened || current === next || current.trim() === '') return undefined;
  return current;
}
