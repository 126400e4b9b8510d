import { useEffect } from 'react';
import type { Settings } from '../../../shared/contract';
import { useSettings } from '../lib/queries';

const STORAGE_KEY = 'shoebox.theme';

/** "system" leaves the choice to prefers-color-scheme; light and dark pin it with data-theme. */
export function applyTheme(theme: Settings['theme'] | null): void {
  const root = document.documentElement;
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
}

/** The last theme seen, applied before the first paint so a dark app doesn't flash white while settings load. */
export function applyRememberedTheme(): void {
  applyTheme(localStorage.getItem(STORAGE_KEY) as Settings['theme'] | null);
}

export function useTheme(): void {
  const theme = useSettings().data?.theme;
  useEffect(() => {
    if (!theme) return;
    applyTheme(theme);
    localStorage.setItem(STORAGE_KEY, theme);
  }, [theme]);
}
