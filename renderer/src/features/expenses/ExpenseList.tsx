import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useRef, type MouseEvent, type ReactNode, type Ref } from 'react';
import type { ListQuery } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { hasMod } from '../../lib/keyboard';
import { useCategoryMap } from '../../lib/useCategoryMap';
import { Icon } from '../../ui/Icon';
import { openEditor } from './editorStore';
import { ExpenseRow, ROW_HEIGHT, SkeletonRow } from './ExpenseRow';
import type { ListCommands } from './listCommands';
import { useList, useListStore, type SortField } from './listStore';
import { useRowWindow } from './rows';

interface ExpenseListProps {
  label: string;
  query: ListQuery;
  /** Undefined while the count is loading. */
  count: number | undefined;
  commands: ListCommands;
  empty: ReactNode;
  gridRef?: Ref<HTMLDivElement>;
}

/** Rows drawn while the first count loads, so the screen has its shape at once. */
const LOADING_ROWS = 12;

/**
 * A virtualised grid: only the rows on screen exist in the DOM, and only their pages are fetched,
 * so 100,000 expenses scroll like 100. Focus stays on the grid; the current row is its active descendant.
 */
export function ExpenseList({ label, query, count, commands, empty, gridRef }: ExpenseListProps) {
  const domPrefix = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const store = useListStore();
  const selected = useList((s) => s.selected);
  const focus = useList((s) => s.focus);
  const fmt = useFormat();
  const categories = useCategoryMap();

  const rowCount = count ?? LOADING_ROWS;
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const rowAt = useRowWindow(query, count ?? 0, items[0]?.index ?? 0, items.at(-1)?.index ?? -1);

  useEffect(() => {
    if (focus >= 0 && focus < rowCount) virtualizer.scrollToIndex(focus, { align: 'auto' });
  }, [focus, rowCount, virtualizer]);

  // A new filter or sort is a new list; start it at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [query]);

  const onClick = useCallback(
    (index: number, id: string, e: MouseEvent) => void commands.click(index, id, { shift: e.shiftKey, toggle: hasMod(e) }),
    [commands]
  );
  const onOpen = useCallback((id: string) => void openEditor({ kind: 'existing', id }), []);
  const onToggle = useCallback((index: number, id: string) => store.getState().toggle(index, id), [store]);

  if (count === 0) return <>{empty}</>;

  const focusedRendered = focus >= 0 && items.some((i) => i.index === focus) && rowAt(focus);
  return (
    <div
      className="list"
      role="grid"
      aria-label={label}
      aria-rowcount={count === undefined ? -1 : count + 1}
      aria-multiselectable="true"
      aria-busy={count === undefined}
      aria-activedescendant={focusedRendered ? `${domPrefix}-${focus}` : undefined}
      tabIndex={0}
      ref={gridRef}
      data-testid="expense-list"
    >
      <div role="rowgroup" className="list__head">
        <div role="row" aria-rowindex={1} className="list-row list-row--head">
          <div role="columnheader" className="cell cell--check">
            <span className="visually-hidden">Selected</span>
          </div>
          <SortableHeader field="date" className="cell--date">
            Date
          </SortableHeader>
          <SortableHeader field="vendor" className="cell--who">
            Vendor / title
          </SortableHeader>
          <div role="columnheader" className="cell cell--category">
            Category
          </div>
          <div role="columnheader" className="cell cell--status">
            Status
          </div>
          <div role="columnheader" className="cell cell--tags">
            Tags
          </div>
          <SortableHeader field="amount" className="cell--amount">
            Amount
          </SortableHeader>
        </div>
      </div>
      <div role="rowgroup" className="list__body" ref={scrollRef}>
        <div className="list__canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = count === undefined ? undefined : rowAt(item.index);
            if (!row) return <SkeletonRow key={item.key} top={item.start} />;
            return (
              <ExpenseRow
                key={row.id}
                row={row}
                index={item.index}
                domId={`${domPrefix}-${item.index}`}
                top={item.start}
                selected={selected.has(row.id)}
                focused={focus === item.index}
                category={row.categoryId ? categories.get(row.categoryId) : undefined}
                fmt={fmt}
                onClick={onClick}
                onOpen={onOpen}
                onToggle={onToggle}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

function SortableHeader({ field, className, children }: { field: SortField; className: string; children: ReactNode }) {
  const sort = useList((s) => s.sort);
  const order = useList((s) => s.order);
  const setSort = useList((s) => s.setSort);
  const active = sort === field;
  return (
    <div role="columnheader" className={`cell ${className}`} aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button
        type="button"
        className={active ? 'sort-button is-active' : 'sort-button'}
        onClick={() => setSort(field, active && order === 'desc' ? 'asc' : 'desc')}
      >
        {children}
        {active && <Icon name={order === 'asc' ? 'arrowUp' : 'arrowDown'} />}
      </button>
    </div>
  );
}
