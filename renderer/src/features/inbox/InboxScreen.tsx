import { ListScreen } from '../expenses/ListScreen';
import { createListStore } from '../expenses/listStore';
import { EmptyState } from '../../ui/EmptyState';
import { Kbd } from '../../ui/Kbd';

/** The review queue: oldest first, and whatever is approved or rejected leaves it. */
const store = createListStore({ fixedFilter: { status: ['draft', 'pending_review'] }, sort: 'date', order: 'asc' });

export function InboxScreen() {
  return (
    <ListScreen
      store={store}
      title="Inbox"
      reviewQueue
      empty={(filtered) =>
        filtered ? (
          <EmptyState icon="search" title="Nothing matches" testId="empty-filtered">
            <p>Nothing waiting for review fits this search.</p>
            <button type="button" className="button" onClick={() => store.getState().clearFilters()}>
              Clear search
            </button>
          </EmptyState>
        ) : (
          <EmptyState icon="inbox" title="Nothing to review" testId="empty-inbox">
            <p>Draft invoices and expenses submitted for review wait here until they are approved or rejected. Receipts are approved when you file them.</p>
            <p className="muted">
              Review with the keyboard: <Kbd keys="J" /> <Kbd keys="K" /> to move, <Kbd keys="A" /> to approve, <Kbd keys="R" /> to reject.
            </p>
          </EmptyState>
        )
      }
    />
  );
}
