import { EXPENSE_STATUSES, PAYMENT_STATUSES, SOURCES, type Expense } from '../../../../shared/contract';
import { useCategories, useTags } from '../../lib/queries';
import { PAYMENT_LABEL, STATUS_LABEL } from '../../ui/Badges';
import { CategoryDot } from '../../ui/CategoryLabel';
import type { ComponentProps } from 'react';
import { MultiSelect } from '../../ui/MultiSelect';
import { type FilterForm, type FilterIssues } from './filters';
import { SOURCE_LABEL, TYPE_LABEL } from './labels';
import { useList } from './listStore';

/** Every filter the service understands, laid out as a compact form under the toolbar. */
export function FiltersPanel({ id, issues }: { id: string; issues: FilterIssues }) {
  const filters = useList((s) => s.filters);
  const setFilter = useList((s) => s.setFilter);
  const clearFilters = useList((s) => s.clearFilters);
  const categories = useCategories().data ?? [];
  const tags = useTags().data ?? [];

  const toggleStatus = (status: Expense['status']) =>
    setFilter('status', filters.status.includes(status) ? filters.status.filter((s) => s !== status) : [...filters.status, status]);

  return (
    <section id={id} className="filters" aria-label="Filters" data-testid="filters-panel">
      <div className="filters__grid">
        <fieldset className="filters__field filters__field--wide">
          <legend className="field__label">Status</legend>
          <div className="chip-group">
            {EXPENSE_STATUSES.map((status) => (
              <label key={status} className={filters.status.includes(status) ? 'chip is-on' : 'chip'} data-testid={`filter-status-${status}`}>
                <input type="checkbox" checked={filters.status.includes(status)} onChange={() => toggleStatus(status)} />
                {STATUS_LABEL[status]}
              </label>
            ))}
          </div>
        </fieldset>

        <label className="filters__field">
          <span className="field__label">Type</span>
          <select className="input" value={filters.type} onChange={(e) => setFilter('type', e.target.value as FilterForm['type'])} data-testid="filter-type">
            <option value="">Any</option>
            <option value="receipt">{TYPE_LABEL.receipt}</option>
            <option value="invoice">{TYPE_LABEL.invoice}</option>
          </select>
        </label>

        <label className="filters__field">
          <span className="field__label">Payment</span>
          <select
            className="input"
            value={filters.paymentStatus}
            onChange={(e) => setFilter('paymentStatus', e.target.value as FilterForm['paymentStatus'])}
            data-testid="filter-payment"
          >
            <option value="">Any</option>
            {PAYMENT_STATUSES.map((p) => (
              <option key={p} value={p}>
                {PAYMENT_LABEL[p]}
              </option>
            ))}
          </select>
        </label>

        <label className="filters__field">
          <span className="field__label">From</span>
          <input type="date" className="input" value={filters.dateFrom} onChange={(e) => setFilter('dateFrom', e.target.value)} data-testid="filter-date-from" />
        </label>

        <label className="filters__field">
          <span className="field__label">To</span>
          <input type="date" className="input" value={filters.dateTo} onChange={(e) => setFilter('dateTo', e.target.value)} data-testid="filter-date-to" />
        </label>

        <MultiSelectField
          label="Category"
          testId="filter-category"
          value={filters.categoryIds}
          onChange={(v) => setFilter('categoryIds', v)}
          options={[
            { value: 'none', label: 'Uncategorized' },
            ...categories.map((c) => ({ value: c.id, label: c.name, adornment: <CategoryDot color={c.color} /> })),
          ]}
        />

        <label className="filters__field">
          <span className="field__label">Vendor</span>
          <input className="input" value={filters.vendor} onChange={(e) => setFilter('vendor', e.target.value)} placeholder="Name contains…" data-testid="filter-vendor" />
        </label>

        <AmountInput label="Amount from" value={filters.amountMin} error={issues.amountMin} onChange={(v) => setFilter('amountMin', v)} testId="filter-amount-min" />
        <AmountInput label="Amount to" value={filters.amountMax} error={issues.amountMax} onChange={(v) => setFilter('amountMax', v)} testId="filter-amount-max" />

        <MultiSelectField label="Tags" testId="filter-tags" value={filters.tags} onChange={(v) => setFilter('tags', v)} options={tags.map((t) => ({ value: t.name, label: t.name }))} />

        <MultiSelectField
          label="Source"
          testId="filter-source"
          value={filters.source}
          onChange={(v) => setFilter('source', v as Expense['source'][])}
          options={SOURCES.map((s) => ({ value: s, label: SOURCE_LABEL[s] }))}
        />

        <YesNoSelect label="Billable" value={filters.billable} onChange={(v) => setFilter('billable', v)} />
        <YesNoSelect label="Locked" value={filters.locked} onChange={(v) => setFilter('locked', v)} />
        <YesNoSelect label="Exported" value={filters.exported} onChange={(v) => setFilter('exported', v)} />
        <div className="filters__clear">
          <button type="button" className="button button--ghost" onClick={clearFilters} data-testid="clear-filters">
            Clear filters
          </button>
        </div>
      </div>
    </section>
  );
}

function AmountInput({ label, value, error, onChange, testId }: { label: string; value: string; error?: string; onChange(v: string): void; testId: string }) {
  return (
    <label className="filters__field">
      <span className="field__label">{label}</span>
      <input
        className="input input--amount"
        inputMode="decimal"
        placeholder="0.00"
        value={value}
        aria-invalid={!!error}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
      {error && <span className="field__error">{error}</span>}
    </label>
  );
}

function YesNoSelect({ label, value, onChange }: { label: string; value: FilterForm['billable']; onChange(v: FilterForm['billable']): void }) {
  return (
    <label className="filters__field">
      <span className="field__label">{label}</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value as FilterForm['billable'])} data-testid={`filter-${label.toLowerCase()}`}>
        <option value="">Any</option>
        <option value="yes">Yes</option>
        <option value="no">No</option>
      </select>
    </label>
  );
}

/** A multi-select in the filter bar, under the same visible label as the other filters. */
function MultiSelectField(props: ComponentProps<typeof MultiSelect>) {
  return (
    <div className="filters__field">
      <span className="field__label" aria-hidden="true">
        {props.label}
      </span>
      <MultiSelect {...props} />
    </div>
  );
}
