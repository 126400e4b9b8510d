import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ExpenseFilter, SORT_FIELDS } from '../../../../shared/contract';
import { EMPTY_FILTERS, type FilterForm } from './filters';

export type SortField = (typeof SORT_FIELDS)[number];

/** UI state of one expense list (the Expenses screen and the Inbox each have their own). */
export interface ListState {
  /** Conditions the screen imposes, e.g. the Inbox shows only what still needs review. */
  fixedFilter: ExpenseFilter;
  filters: FilterForm;
  filtersOpen: boolean;
  sort: SortField;
  order: 'asc' | 'desc';
  selected: ReadonlySet<string>;
  /** Row index shift-click and shift-arrow extend from. */
  anchor: number | null;
  /** Row index the keyboard acts on; -1 before anything has been focused. */
  focus: number;

  setFilter<K extends keyof FilterForm>(key: K, value: FilterForm[K]): void;
  clearFilters(): void;
  toggleFiltersPanel(): void;
  setSort(sort: SortField, order: 'asc' | 'desc'): void;
  setFocus(index: number): void;
  selectOnly(index: number, id: string): void;
  toggle(index: number, id: string): void;
  /** Replaces the selection with the rows from the anchor to `index`, given as `ids`. */
  selectRange(index: number, ids: string[]): void;
  setSelection(ids: Iterable<string>): void;
  clearSelection(): void;
}

export function createListStore(init: Pick<ListState, 'fixedFilter' | 'sort' | 'order'>): StoreApi<ListState> {
  // A changed filter or sort is a different list: old row indexes and selections no longer apply.
  const reset = { selected: new Set<string>(), anchor: null, focus: -1 };
  return createStore<ListState>()((set) => ({
    ...init,
    ...reset,
    filters: EMPTY_FILTERS,
    filtersOpen: false,
    setFilter: (key, value) => set((s) => ({ ...reset, filters: { ...s.filters, [key]: value } })),
    clearFilters: () => set({ ...reset, filters: EMPTY_FILTERS }),
    toggleFiltersPanel: () => set((s) => ({ filtersOpen: !s.filtersOpen })),
    setSort: (sort, order) => set({ ...reset, sort, order }),
    setFocus: (focus) => set({ focus }),
    selectOnly: (index, id) => set({ selected: new Set([id]), anchor: index, focus: index }),
    toggle: (index, id) =>
      set((s) => {
        const selected = new Set(s.selected);
        if (!selected.delete(id)) selected.add(id);
        return { selected, anchor: index, focus: index };
      }),
    selectRange: (index, ids) => set({ selected: new Set(ids), focus: index }),
    setSelection: (ids) => set({ selected: new Set(ids) }),
    clearSelection: () => set({ selected: new Set(), anchor: null }),
  }));
}

export const ListStoreContext = createContext<StoreApi<ListState> | null>(null);

export function useListStore(): StoreApi<ListState> {
  const store = useContext(ListStoreContext);
  if (!store) throw new Error('useList needs a ListStoreContext provider');
  return store;
}

export function useList<T>(selector: (s: ListState) => T): T {
  return useStore(useListStore(), selector);
}
