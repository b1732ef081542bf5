import { useEffect, useRef } from 'react';

/**
 * Gives focus back to what had it (the button that opened a dialog) when the calling component
 * unmounts. Our dialogs are mounted only while open, so antd's own return of focus, which runs when
 * a mounted dialog closes, never happens: without this the keyboard user is sent back to the top
 * of the page (WCAG 2.4.3).
 */
export function useReturnFocus(): void {
  const opener = useRef<Element | null | undefined>(undefined);
  // Read during the first render, before the dialog moves focus into itself.
  if (opener.current === undefined) opener.current = typeof document === 'undefined' ? null : document.activeElement;
  useEffect(
    () => () => {
      const el = opener.current;
      // After the dialog's portal is gone; only if nothing else took focus meanwhile.
      setTimeout(() => {
        const now = document.activeElement;
        if (el instanceof HTMLElement && el.isConnected && (now === null || now === document.body)) el.focus();
      }, 0);
    },
    [],
  );
}
