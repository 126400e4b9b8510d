import { type RefObject } from 'react';
import { SORT_FIELDS } from '../../../../shared/contract';
import { Icon } from '../../ui/Icon';
import { Kbd } from '../../ui/Kbd';
import { openEditor } from './editorStore';
import { activeFilterCount } from './filters';
import { SORT_LABEL } from './labels';
import { useList, type SortField } from './listStore';

interface ListToolbarProps {
  title: string;
  titleId: string;
  searchRef: RefObject<HTMLInputElement | null>;
  filtersPanelId?: string;
  canCreate: boolean;
}

export function ListToolbar({ title, titleId, searchRef, filtersPanelId, canCreate }: ListToolbarProps) {
  const search = useList((s) => s.filters.search);
  const filterCount = useList((s) => activeFilterCount(s.filters));
  const filtersOpen = useList((s) => s.filtersOpen);
  const sort = useList((s) => s.sort);
  const order = useList((s) => s.order);
  const setFilter = useList((s) => s.setFilter);
  const setSort = useList((s) => s.setSort);
  const toggleFiltersPanel = useList((s) => s.toggleFiltersPanel);

  return (
    <header className="toolbar">
      <h1 id={titleId} className="toolbar__title">
        {title}
      </h1>
      <div className="search">
        <Icon name="search" className="search__icon" />
        <input
          ref={searchRef}
          type="search"
          className="input search__input"
          placeholder="Search"
          aria-label={`Search ${title.toLowerCase()}`}
          value={search}
          onChange={(e) => setFilter('search', e.target.value)}
          data-testid="expense-search"
        />
        {!search && <Kbd keys="/" />}
      </div>
      <div className="toolbar__spacer" />
      {filtersPanelId && (
        <button
          type="button"
          className={filtersOpen || filterCount ? 'button is-active' : 'button'}
          aria-expanded={filtersOpen}
          aria-controls={filtersPanelId}
          aria-label={filterCount ? `Filters, ${filterCount} active` : 'Filters'}
          onClick={toggleFiltersPanel}
          data-testid="filters-toggle"
        >
          <Icon name="filter" />
          <span className="button__label">Filters</span>
          {filterCount > 0 && <span className="count-badge">{filterCount}</span>}
        </button>
      )}
      <div className="sort-control">
        <select className="input" aria-label="Sort by" value={sort} onChange={(e) => setSort(e.target.value as SortField, order)} data-testid="sort-field">
          {SORT_FIELDS.map((f) => (
            <option key={f} value={f}>
              {SORT_LABEL[f]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="icon-button"
          aria-label={order === 'asc' ? 'Ascending; switch to descending' : 'Descending; switch to ascending'}
          title={order === 'asc' ? 'Ascending' : 'Descending'}
          onClick={() => setSort(sort, order === 'asc' ? 'desc' : 'asc')}
          data-testid="sort-order"
        >
          <Icon name={order === 'asc' ? 'arrowUp' : 'arrowDown'} />
        </button>
      </div>
      {canCreate && (
        <button type="button" className="button button--primary" onClick={() => void openEditor({ kind: 'new' })} data-testid="new-expense" title="New expense (N)" aria-label="New expense">
          <Icon name="plus" />
          <span className="button__label">New expense</span>
        </button>
      )}
    </header>
  );
}
