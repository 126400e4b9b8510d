import type { Output } from '../../../../shared/contract';
import { plural, useFormat } from '../../lib/format';
import { Kbd } from '../../ui/Kbd';
import { useList } from './listStore';
import type { ListActions } from './useListActions';

type Summary = Output<'expenses.summary'>;

/** Count and totals of what the filter matches; while rows are selected, the actions for them. */
export function ListFooter({ summary, actions, reviewQueue }: { summary: Summary | undefined; actions: ListActions; reviewQueue: boolean }) {
  const fmt = useFormat();
  const selectedCount = useList((s) => s.selected.size);
  const clearSelection = useList((s) => s.clearSelection);
  const shown = summary?.totals.slice(0, 3) ?? [];
  const hidden = summary?.totals.slice(3) ?? [];

  return (
    <footer className="list-footer">
      <p className="list-footer__summary" data-testid="list-summary" aria-live="polite">
        {summary ? (
          <>
            <span data-testid="list-count">
              {fmt.count(summary.count)} {plural(summary.count, 'expense')}
            </span>
            {shown.map((t) => (
              <span key={t.currency} className="list-footer__total" data-testid="list-total" title={`${fmt.count(t.count)} in ${t.currency}`}>
                {fmt.money(t.gross, t.currency)}
              </span>
            ))}
            {hidden.length > 0 && (
              <span className="muted" title={hidden.map((t) => fmt.money(t.gross, t.currency)).join('\n')}>
                +{hidden.length} more {plural(hidden.length, 'currency', 'currencies')}
              </span>
            )}
          </>
        ) : (
          <span className="muted">Counting…</span>
        )}
      </p>
      {selectedCount > 0 && (
        <div className="bulk-bar" role="toolbar" aria-label="Selected expenses" data-testid="bulk-bar">
          <span className="bulk-bar__count" data-testid="selected-count">
            {fmt.count(selectedCount)} selected
          </span>
          <button type="button" className="button button--small" onClick={actions.approve} data-testid="bulk-approve" title="Approve (A)">
            Approve
          </button>
          <button type="button" className="button button--small" onClick={actions.reject} data-testid="bulk-reject" title="Reject (R)">
            Reject…
          </button>
          {!reviewQueue && (
            <button type="button" className="button button--small" onClick={actions.submit} data-testid="bulk-submit" title="Submit for review (S)">
              Submit
            </button>
          )}
          <button type="button" className="button button--small" onClick={actions.categorize} data-testid="bulk-category" title="Set category (C)">
            Category…
          </button>
          <button type="button" className="button button--small button--danger-ghost" onClick={actions.remove} data-testid="bulk-delete" title="Delete (Del)">
            Delete
          </button>
          <button type="button" className="button button--small button--ghost" onClick={clearSelection} aria-label="Clear selection">
            <Kbd keys="Esc" />
          </button>
        </div>
      )}
    </footer>
  );
}
