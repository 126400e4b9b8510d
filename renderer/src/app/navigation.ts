import { create } from 'zustand';
import { closeEditor } from '../features/expenses/editorStore';

export const SCREENS = [
  { id: 'inbox', label: 'Inbox', icon: 'inbox' },
  { id: 'expenses', label: 'Expenses', icon: 'receipt' },
  { id: 'categories', label: 'Categories', icon: 'tag' },
  { id: 'settings', label: 'Settings', icon: 'settings' },
] as const;

export type Screen = (typeof SCREENS)[number]['id'];

export const useNavigation = create<{ screen: Screen; helpOpen: boolean }>()(() => ({ screen: 'expenses', helpOpen: false }));

export async function navigate(screen: Screen): Promise<void> {
  if (useNavigation.getState().screen === screen) return;
  // The editor belongs to the screen it was opened on.
  if (!(await closeEditor())) return;
  useNavigation.setState({ screen });
}

export function setHelpOpen(helpOpen: boolean): void {
  useNavigation.setState({ helpOpen });
}
