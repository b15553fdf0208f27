import {useEffect, useRef} from 'react';
import {getHotkeyHandler, HotkeyItem} from '@mantine/hooks';

/**
 * typing tells whether a key pressed in el goes into text the user is
 * writing. A ticked checkbox, a radio or a button is not writing, so the
 * shortcuts keep working right after a click on a filter.
 */
export function typing(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes((el as HTMLInputElement).type);
}

/**
 * useShortcuts binds single-key and modified shortcuts on the window (as
 * Mantine's useHotkeys), skipping keys typed into text; Alt and Ctrl
 * combinations work everywhere.
 */
export function useShortcuts(items: HotkeyItem[]) {
  const ref = useRef(items);
  ref.current = items;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) && !e.altKey && !e.ctrlKey && !e.metaKey) return;
      getHotkeyHandler(ref.current)(e as unknown as React.KeyboardEvent<HTMLElement>);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
