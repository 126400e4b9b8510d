import { useEffect, type RefObject } from 'react';
import { hasMod, isActivatable, isInsideDialog, isInsideScope, isTextEntry } from '../../lib/keyboard';
import { closeEditor, openEditor, useEditor } from './editorStore';
import type { ListCommands } from './listCommands';
import { useListStore } from './listStore';
import type { ListActions } from './useListActions';

interface Options {
  commands: ListCommands;
  actions: ListActions;
  searchRef: RefObject<HTMLInputElement | null>;
  gridRef: RefObject<HTMLDivElement | null>;
  /** The Inbox reviews what exists; new expenses are filed from the Expenses screen. */
  canCreate: boolean;
}

/** Single-key shortcuts of a list screen; they stand down while the person types, a dialog is open or the editor has focus. */
export function useListShortcuts({ commands, actions, searchRef, gridRef, canCreate }: Options): void {
  const store = useListStore();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isInsideDialog(e.target) || isInsideScope(e.target, 'editor')) return;
      if (isTextEntry(e.target)) {
        // Esc or the arrows leave the search box for the list.
        if (e.target === searchRef.current && (e.key === 'Escape' || e.key === 'ArrowDown')) {
          e.preventDefault();
          gridRef.current?.focus();
          if (e.key === 'ArrowDown') void commands.moveFocus(1, false);
        }
        return;
      }
      if (hasMod(e) && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        void commands.selectAll();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;

      const handled = (run: () => unknown) => {
        e.preventDefault();
        run();
      };
      switch (e.key) {
        case 'ArrowDown':
        case 'j':
        case 'J':
          return handled(() => commands.moveFocus(1, e.shiftKey));
        case 'ArrowUp':
        case 'k':
        case 'K':
          return handled(() => commands.moveFocus(-1, e.shiftKey));
        case 'Home':
          return handled(() => commands.moveFocus(-Infinity, e.shiftKey));
        case 'End':
          return handled(() => commands.moveFocus(Infinity, e.shiftKey));
        case 'Enter':
          if (isActivatable(e.target)) return;
          return handled(() => commands.openFocused());
        case ' ':
          if (isActivatable(e.target)) return;
          return handled(commands.toggleFocused);
        case 'a':
          return handled(actions.approve);
        case 'r':
          return handled(actions.reject);
        case 's':
          return handled(actions.submit);
        case 'c':
          return handled(actions.categorize);
        case 'Delete':
        case 'Backspace':
          return handled(actions.remove);
        case '/':
          return handled(() => searchRef.current?.focus());
        case 'n':
          if (!canCreate) return;
          return handled(() => openEditor({ kind: 'new' }));
        case 'Escape':
          return handled(() => {
            if (useEditor.getState().target) void closeEditor().then((closed) => closed && gridRef.current?.focus());
            else store.getState().clearSelection();
          });
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands, actions, searchRef, gridRef, canCreate, store]);
}
