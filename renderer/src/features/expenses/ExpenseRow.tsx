import { memo, type MouseEvent } from 'react';
import type { Category, ExpenseListItem } from '../../../../shared/contract';
import type { Formatters } from '../../lib/format';
import { PaymentBadge, StatusBadge } from '../../ui/Badges';
import { CategoryLabel } from '../../ui/CategoryLabel';
import { Icon } from '../../ui/Icon';

export const ROW_HEIGHT = 40;

interface RowProps {
  row: ExpenseListItem;
  index: number;
  domId: string;
  top: number;
  selected: boolean;
  focused: boolean;
  category: Category | undefined;
  fmt: Formatters;
  onClick(index: number, id: string, e: MouseEvent): void;
  onOpen(id: string): void;
  onToggle(index: number, id: string): void;
}

export const ExpenseRow = memo(function ExpenseRow({ row, index, domId, top, selected, focused, category, fmt, onClick, onOpen, onToggle }: RowProps) {
  const name = row.vendorName || row.title || 'Untitled expense';
  const className = ['list-row', selected && 'is-selected', focused && 'is-focused'].filter(Boolean).join(' ');
  return (
    <div
      id={domId}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={className}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(e) => onClick(index, row.id, e)}
      onDoubleClick={() => onOpen(row.id)}
      data-testid="expense-row"
      data-id={row.id}
      data-index={index}
    >
      <div role="gridcell" className="cell cell--check">
        <input
          type="checkbox"
          className="checkbox"
          checked={selected}
          aria-label={`Select ${name}`}
          tabIndex={-1}
          onClick={(e) => e.stopPropagation()}
          onChange={() => onToggle(index, row.id)}
          data-testid="row-checkbox"
        />
      </div>
      <div role="gridcell" className="cell cell--date">
        {fmt.date(row.issuedAt)}
      </div>
      <div role="gridcell" className="cell cell--who">
        <span className="who__name truncate">{name}</span>
        {row.vendorName && row.title && row.title !== row.vendorName && <span className="who__title truncate">{row.title}</span>}
        {row.locked && (
          <span className="who__flag" title="Locked">
            <Icon name="lock" />
            <span className="visually-hidden">Locked</span>
          </span>
        )}
        {row.hasAttachment && (
          <span className="who__flag" title="Has an attachment">
            <Icon name="paperclip" />
            <span className="visually-hidden">Has an attachment</span>
          </span>
        )}
      </div>
      <div role="gridcell" className="cell cell--category">
        {row.categoryId && !category ? <span className="muted">…</span> : <CategoryLabel category={category} />}
      </div>
      <div role="gridcell" className="cell cell--status">
        <StatusBadge status={row.status} />
        <PaymentBadge status={row.paymentStatus} />
      </div>
      <div role="gridcell" className="cell cell--tags">
        {row.tags.slice(0, 2).map((t) => (
          <span key={t} className="tag-chip">
            {t}
          </span>
        ))}
        {row.tags.length > 2 && <span className="tag-chip tag-chip--more">+{row.tags.length - 2}</span>}
      </div>
      <div role="gridcell" className="cell cell--amount" data-testid="row-amount">
        {fmt.money(row.gross, row.currency)}
      </div>
    </div>
  );
});

export function SkeletonRow({ top }: { top: number }) {
  return (
    <div role="row" className="list-row list-row--skeleton" style={{ transform: `translateY(${top}px)` }} aria-hidden="true" data-testid="expense-row-skeleton">
      <div className="cell cell--check" />
      <div className="cell cell--date">
        <span className="skeleton" style={{ width: '70%' }} />
      </div>
      <div className="cell cell--who">
        <span className="skeleton" style={{ width: '55%' }} />
      </div>
      <div className="cell cell--category">
        <span className="skeleton" style={{ width: '60%' }} />
      </div>
      <div className="cell cell--status">
        <span className="skeleton" style={{ width: '50%' }} />
      </div>
      <div className="cell cell--tags" />
      <div className="cell cell--amount">
        <span className="skeleton" style={{ width: '60%', marginLeft: 'auto' }} />
      </div>
    </div>
  );
}
