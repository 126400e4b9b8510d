import { useMutation } from '@tanstack/react-query';
import type { Expense } from '../../../../../shared/contract';
import { todayIso } from '../../../../../shared/domain/dates';
import { invoke } from '../../../lib/api';
import { toast } from '../../../lib/toasts';
import { Icon } from '../../../ui/Icon';
import { deleteExpenses, reject, setLocked, setStatus } from '../actions';
import { closeEditorNow } from '../editorStore';

export interface StatusAction {
  label: string;
  shortcut?: 'a' | 'r' | 's';
  run(): unknown;
  primary?: boolean;
  testId: string;
}

/** The workflow moves open to an expense in its status; approving a draft submits it on the way. */
export function statusActions(expense: Expense): StatusAction[] {
  const ids = [expense.id];
  const approve: StatusAction = { label: 'Approve', shortcut: 'a', run: () => setStatus(ids, 'approved'), primary: true, testId: 'action-approve' };
  const rejectIt: StatusAction = { label: 'Reject…', shortcut: 'r', run: () => reject(ids), testId: 'action-reject' };
  switch (expense.status) {
    case 'draft':
      return [{ label: 'Submit for review', shortcut: 's', run: () => setStatus(ids, 'pending_review'), testId: 'action-submit' }, approve];
    case 'pending_review':
      return [approve, rejectIt];
    case 'approved':
      return [{ label: 'Reopen', run: () => setStatus(ids, 'pending_review'), testId: 'action-reopen' }];
    case 'rejected':
      return [{ label: 'Reopen as draft', run: () => setStatus(ids, 'draft'), testId: 'action-reopen' }];
  }
}

interface EditorActionsProps {
  expense: Expense;
  /** Saves pending edits first; false when that failed. */
  beforeAction(): Promise<boolean>;
}

export function EditorActions({ expense, beforeAction }: EditorActionsProps) {
  const markPaid = useMutation({
    mutationFn: (paidAt: string | null) => invoke('expenses.markPaid', { id: expense.id, paidAt }),
    onSuccess: (saved) => toast.success(saved.paidAt ? 'Marked as paid' : 'Marked as unpaid'),
  });
  const guarded = (run: () => unknown) => async () => {
    if (await beforeAction()) await run();
  };
  const locked = expense.locked;

  return (
    <div className="editor-actions" role="toolbar" aria-label="Expense actions">
      {statusActions(expense).map((a) => (
        <button
          key={a.testId}
          type="button"
          className={a.primary ? 'button button--small button--primary' : 'button button--small'}
          onClick={guarded(a.run)}
          disabled={locked}
          aria-keyshortcuts={a.shortcut?.toUpperCase()}
          title={a.shortcut ? `${a.label.replace('…', '')} (${a.shortcut.toUpperCase()})` : undefined}
          data-testid={a.testId}
        >
          {a.label}
        </button>
      ))}
      <span className="editor-actions__spacer" />
      <button
        type="button"
        className="button button--small button--ghost"
        onClick={guarded(() => markPaid.mutateAsync(expense.paidAt ? null : todayIso()).catch(() => undefined))}
        disabled={locked || markPaid.isPending}
        data-testid="action-paid"
      >
        {expense.paidAt ? 'Mark unpaid' : 'Mark paid'}
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={guarded(() => setLocked([expense.id], !locked))}
        aria-label={locked ? 'Unlock expense' : 'Lock expense'}
        title={locked ? 'Unlock' : 'Lock against changes'}
        aria-pressed={locked}
        data-testid="action-lock"
      >
        <Icon name={locked ? 'lock' : 'unlock'} />
      </button>
      <button
        type="button"
        className="icon-button icon-button--danger"
        onClick={async () => {
          const result = await deleteExpenses([expense.id]);
          if (result?.updated.length) closeEditorNow();
        }}
        disabled={locked}
        aria-label="Delete expense"
        title="Delete (undoable)"
        data-testid="action-delete"
      >
        <Icon name="trash" />
      </button>
    </div>
  );
}
