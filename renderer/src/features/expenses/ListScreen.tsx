import { useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { useSettingsOrDefault } from '../../lib/queries';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useStable } from '../../lib/useStable';
import { ExpenseEditor } from './editor/ExpenseEditor';
import { useEditor } from './editorStore';
import { ExpenseList } from './ExpenseList';
import { activeFilterCount, toExpenseFilter } from './filters';
import { FiltersPanel } from './FiltersPanel';
import { listCommands } from './listCommands';
import { ListFooter } from './ListFooter';
import { ListStoreContext, useList, type ListState } from './listStore';
import { ListToolbar } from './ListToolbar';
import { useExpenseSummary } from './rows';
import { useListActions } from './useListActions';
import { useListShortcuts } from './useListShortcuts';

interface ListScreenProps {
  store: StoreApi<ListState>;
  title: string;
  /** A review queue: reviewed rows leave the list, and nothing new is created here. */
  reviewQueue: boolean;
  /** What to show when nothing matches; `filtered` says whether a search or filter is the reason. */
  empty(filtered: boolean): ReactNode;
}

/** A list screen: toolbar, filters, the virtualised list, its totals and the editor beside it. */
export function ListScreen({ store, ...props }: ListScreenProps) {
  return (
    <ListStoreContext.Provider value={store}>
      <ListScreenBody store={store} {...props} />
    </ListStoreContext.Provider>
  );
}

function ListScreenBody({ store, title, reviewQueue, empty }: ListScreenProps) {
  const titleId = useId();
  const filtersPanelId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const { defaultCurrency } = useSettingsOrDefault();

  const form = useList((s) => s.filters);
  const fixedFilter = useList((s) => s.fixedFilter);
  const filtersOpen = useList((s) => s.filtersOpen);
  const sort = useList((s) => s.sort);
  const order = useList((s) => s.order);
  const editorTarget = useEditor((s) => s.target);

  // Typed fields wait for a pause; clicks (status, dates, selects) apply at once.
  const typed = useDebouncedValue({ search: form.search, vendor: form.vendor, amountMin: form.amountMin, amountMax: form.amountMax }, 250);
  const { filter: chosen, issues } = toExpenseFilter({ ...form, ...typed }, defaultCurrency);
  const filter = useStable({ ...chosen, ...fixedFilter });
  const query = useStable({ ...filter, sort, order });

  const summary = useExpenseSummary(filter);
  const count = summary.isPlaceholderData ? undefined : summary.data?.count;
  const commands = useMemo(() => listCommands(store, query, count ?? 0), [store, query, count]);
  const actions = useListActions(commands, { reviewQueue });
  useListShortcuts({ commands, actions, searchRef, gridRef, canCreate: !reviewQueue });

  // Arriving on a list screen puts the keyboard in the list, ready for J, K and the rest.
  useEffect(() => gridRef.current?.focus({ preventScroll: true }), []);

  const filtered = !!form.search.trim() || activeFilterCount(form) > 0;
  return (
    <div className="split">
      <section className="split__main" aria-labelledby={titleId}>
        <ListToolbar title={title} titleId={titleId} searchRef={searchRef} filtersPanelId={reviewQueue ? undefined : filtersPanelId} canCreate={!reviewQueue} />
        {filtersOpen && !reviewQueue && <FiltersPanel id={filtersPanelId} issues={issues} />}
        <ExpenseList label={title} query={query} count={count} commands={commands} empty={empty(filtered)} gridRef={gridRef} />
        <ListFooter summary={summary.data} actions={actions} reviewQueue={reviewQueue} />
      </section>
      {editorTarget && <ExpenseEditor key={editorTarget.kind === 'new' ? 'new' : editorTarget.id} target={editorTarget} onClosed={() => gridRef.current?.focus()} />}
    </div>
  );
}
