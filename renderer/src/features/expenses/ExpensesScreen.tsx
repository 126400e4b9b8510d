import { EmptyState } from '../../ui/EmptyState';
import { Kbd } from '../../ui/Kbd';
import { openEditor } from './editorStore';
import { ListScreen } from './ListScreen';
import { createListStore } from './listStore';

/** Lives as long as the window, so filters and sort survive a visit to another screen. */
const store = createListStore({ fixedFilter: {}, sort: 'date', order: 'desc' });

export function ExpensesScreen() {
  return (
    <ListScreen
      store={store}
      title="Expenses"
      reviewQueue={false}
      empty={(filtered) =>
        filtered ? (
          <EmptyState icon="search" title="Nothing matches" testId="empty-filtered">
            <p>No expense fits this search and these filters.</p>
            <button type="button" className="button" onClick={() => store.getState().clearFilters()}>
              Clear search and filters
            </button>
          </EmptyState>
        ) : (
          <EmptyState icon="receipt" title="No expenses yet" testId="empty-expenses">
            <p>File a receipt or an invoice and it shows up here, ready to review, categorize and approve.</p>
            <button type="button" className="button button--primary" onClick={() => void openEditor({ kind: 'new' })}>
              New expense <Kbd keys="N" />
            </button>
          </EmptyState>
        )
      }
    />
  );
}
