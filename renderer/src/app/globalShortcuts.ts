import { hasMod, isInsideDialog, isTextEntry } from '../lib/keyboard';
import { navigate, SCREENS, setHelpOpen } from './navigation';

/**
 * Mod+1…4 switch screens from anywhere; ? opens the shortcut list when not typing. Installed once,
 * before the first render, since navigation lives in a store and needs no component to be mounted.
 */
export function installGlobalShortcuts(): void {
  window.addEventListener('keydown', (e) => {
    if (e.defaultPrevented) return;
    if (hasMod(e) && !e.shiftKey && !e.altKey && /^[1-9]$/.test(e.key)) {
      const screen = SCREENS[Number(e.key) - 1];
      if (!screen || isInsideDialog(e.target)) return;
      e.preventDefault();
      void navigate(screen.id);
      return;
    }
    if (e.key === '?' && !hasMod(e) && !isTextEntry(e.target) && !isInsideDialog(e.target)) {
      e.preventDefault();
      setHelpOpen(true);
    }
  });
}
