/**
 * Keyboard and pointer behaviour for a <details> menu: Escape and a click outside close it,
 * ArrowUp/ArrowDown/Home/End move between its enabled items.
 */
import { useEffect, type KeyboardEvent, type RefObject } from 'react';

export function useMenuDismiss(menu: RefObject<HTMLDetailsElement | null>): void {
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const el = menu.current;
      if (el?.open && e.target instanceof Node && !el.contains(e.target)) el.open = false;
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [menu]);
}

export function onMenuKeyDown(
  e: KeyboardEvent<HTMLElement>,
  menu: HTMLDetailsElement | null,
): void {
  if (!menu) return;
  if (e.key === 'Escape') {
    menu.open = false;
    menu.querySelector('summary')?.focus();
    e.preventDefault();
    return;
  }
  const items = Array.from(
    menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)'),
  );
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    e.key === 'ArrowDown'
      ? items[(at + 1) % items.length]
      : e.key === 'ArrowUp'
        ? items[(at - 1 + items.length) % items.length]
        : e.key === 'Home'
          ? items[0]
          : e.key === 'End'
            ? items[items.length - 1]
            : undefined;
  if (next) {
    next.focus();
    e.preventDefault();
  }
}
