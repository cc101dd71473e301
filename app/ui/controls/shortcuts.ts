/** Page-level keyboard shortcuts (outside the editor), as data for the handler and the help sheet. */
export type ShortcutAction = 'play' | 'prev' | 'next' | 'rerun' | 'help' | 'close';

export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'Space', what: 'Play / pause (focus outside the editor)' },
  { keys: '← / →', what: 'Previous / next event' },
  { keys: 'Ctrl/⌘ + Enter', what: 'Re-run the simulation (also inside the editor)' },
  { keys: 'Ctrl/⌘ + wheel', what: 'Zoom the timeline; Shift + wheel pans' },
  { keys: 'Click a mark', what: 'Move the cursor there and show its cause in the YAML' },
  { keys: 'Esc (in the editor)', what: 'Leave the editor for the timeline' },
  { keys: 'Ctrl + M', what: 'Editor: Tab moves the focus instead of indenting (again to undo)' },
  { keys: 'Ctrl/⌘ + Space', what: 'Editor: suggestions (Enter accepts only these)' },
  { keys: '← → ↑ ↓ (timeline)', what: 'Move between marks, every probe attempt included' },
  { keys: 'Enter (timeline)', what: 'Explain the mark and show its cause in the YAML' },
  { keys: 'Esc (timeline)', what: 'Close the explanation, then back to the editor' },
  { keys: '?', what: 'This help' },
  { keys: 'Esc', what: 'Close this help' },
];

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** Which action a key press means; `inEditor` / `inField` say where the focus is. */
export function shortcutFor(
  e: KeyLike,
  where: { inEditor: boolean; inField: boolean },
): ShortcutAction | undefined {
  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') return where.inEditor ? undefined : 'rerun';
  if (where.inEditor || where.inField || e.ctrlKey || e.metaKey || e.altKey) return undefined;
  switch (e.key) {
    case ' ':
      return 'play';
    case 'ArrowLeft':
      return 'prev';
    case 'ArrowRight':
      return 'next';
    case '?':
      return 'help';
    case 'Escape':
      return 'close';
    default:
      return undefined;
  }
}
