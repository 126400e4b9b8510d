export const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const modKeyLabel = isMac ? '⌘' : 'Ctrl';

/** Cmd on a Mac, Ctrl elsewhere: the modifier app shortcuts use. */
export function hasMod(e: { metaKey: boolean; ctrlKey: boolean }): boolean {
  return isMac ? e.metaKey : e.ctrlKey;
}

/** Keys typed here are text, not commands. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'range'].includes(target.type);
}

/** Enter and Space already mean something on these. */
export function isActivatable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest('button, a, summary, input, select, textarea, [role="checkbox"]');
}

/** Shortcuts owned by a screen stay quiet while a modal dialog or another scope has the focus. */
export function isInsideScope(target: EventTarget | null, scope: string): boolean {
  return target instanceof HTMLElement && !!target.closest(`[data-shortcut-scope="${scope}"]`);
}

export function isInsideDialog(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest('dialog');
}
