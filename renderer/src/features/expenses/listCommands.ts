import type { StoreApi } from 'zustand/vanilla';
import { invoke, type ListQuery } from '../../lib/api';
import { toast } from '../../lib/toasts';
import { openEditor, useEditor } from './editorStore';
import type { ListState } from './listStore';
import { cachedRow, loadRows } from './rows';

export interface ListCommands {
  /** The selection, or the focused row when nothing is selected. */
  targetIds(): string[];
  moveFocus(delta: number, extend: boolean): Promise<void>;
  click(index: number, id: string, modifiers: { shift: boolean; toggle: boolean }): Promise<void>;
  toggleFocused(): void;
  selectAll(): Promise<void>;
  openFocused(): Promise<void>;
}

/** What mouse and keyboard do to one list; reads the store at call time so handlers never go stale. */
export function listCommands(store: StoreApi<ListState>, query: ListQuery, count: number): ListCommands {
  const state = () => store.getState();

  /** An open editor shows whatever row is current, the way a mail preview does. */
  const follow = (id: string) => {
    if (useEditor.getState().target?.kind === 'existing') void openEditor({ kind: 'existing', id });
  };

  async function extendTo(index: number) {
    const anchor = state().anchor ?? Math.max(state().focus, 0);
    const rows = await loadRows(query, Math.min(anchor, index), Math.max(anchor, index));
    store.setState({ anchor });
    state().selectRange(index, rows.map((r) => r.id));
  }

  return {
    targetIds() {
      const { selected, focus } = state();
      if (selected.size) return [...selected];
      const row = cachedRow(query, focus);
      return row ? [row.id] : [];
    },

    async moveFocus(delta, extend) {
      if (count === 0) return;
      const { focus } = state();
      const next = Math.min(Math.max(focus < 0 ? 0 : focus + delta, 0), count - 1);
      if (extend) return extendTo(next);
      state().setFocus(next);
      const [row] = await loadRows(query, next, next);
      if (row && state().focus === next) {
        state().selectOnly(next, row.id);
        follow(row.id);
      }
    },

    async click(index, id, { shift, toggle }) {
      if (shift) return extendTo(index);
      if (toggle) return state().toggle(index, id);
      state().selectOnly(index, id);
      follow(id);
    },

    toggleFocused() {
      const { focus } = state();
      const row = cachedRow(query, focus);
      if (row) state().toggle(focus, row.id);
    },

    async selectAll() {
      if (count === 0) return;
      const { sort: _sort, order: _order, ...filter } = query;
      const { ids, total, truncated } = await invoke('expenses.ids', filter);
      state().setSelection(ids);
      if (truncated) toast.info(`Selected the first ${ids.length.toLocaleString()} of ${total.toLocaleString()}; actions handle that many at a time.`);
    },

    async openFocused() {
      const row = cachedRow(query, state().focus);
      if (row) await openEditor({ kind: 'existing', id: row.id });
    },
  };
}
