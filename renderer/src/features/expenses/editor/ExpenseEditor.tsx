import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { errorMessage } from '../../../lib/api';
import { useFormat } from '../../../lib/format';
import { hasMod, isInsideDialog, isTextEntry } from '../../../lib/keyboard';
import { PaymentBadge, StatusBadge } from '../../../ui/Badges';
import { Icon } from '../../../ui/Icon';
import { Kbd } from '../../../ui/Kbd';
import { closeEditor, type EditorTarget } from '../editorStore';
import { TYPE_LABEL } from '../labels';
import { ActivityTab } from './ActivityTab';
import { CommentsTab } from './CommentsTab';
import { DetailsForm } from './DetailsForm';
import { EditorActions, statusActions } from './EditorActions';
import { useExpenseDraft } from './useExpenseDraft';

const TABS = [
  { id: 'details', label: 'Details' },
  { id: 'activity', label: 'Activity' },
  { id: 'comments', label: 'Comments' },
] as const;
type Tab = (typeof TABS)[number]['id'];

interface ExpenseEditorProps {
  target: EditorTarget;
  /** Focus goes back to where the person came from. */
  onClosed(): void;
}

/** One expense beside the list: its details, workflow actions, history and comments. */
export function ExpenseEditor({ target, onClosed }: ExpenseEditorProps) {
  const fmt = useFormat();
  const headingId = useId();
  const tabPrefix = useId();
  const [tab, setTab] = useState<Tab>('details');
  const editor = useExpenseDraft(target);
  const { expense, draft, dirty } = editor;

  const close = async () => {
    if (await closeEditor()) onClosed();
  };
  /** Workflow actions act on the saved expense, so unsaved edits are saved first. */
  const saveFirst = async () => !dirty || (await editor.save()) !== null;

  // Mod+S saves wherever the focus is, the list included, for as long as the editor is open.
  const saveRef = useRef(() => {});
  saveRef.current = () => {
    if (!expense?.locked) void editor.save();
  };
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!hasMod(e) || e.key.toLowerCase() !== 's' || isInsideDialog(e.target)) return;
      e.preventDefault();
      saveRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      void close();
      return;
    }
    if (!expense || expense.locked || isTextEntry(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    const action = statusActions(expense).find((a) => a.shortcut === e.key);
    if (action) {
      e.preventDefault();
      void saveFirst().then((ok) => ok && action.run());
    }
  };

  const heading = expense ? draft.vendorName || draft.title || 'Untitled expense' : editor.loading ? 'Loading…' : 'New expense';
  const readOnly = !!expense?.locked;

  return (
    <aside
      className="editor"
      aria-labelledby={headingId}
      data-shortcut-scope="editor"
      data-testid="expense-editor"
      onKeyDown={onKeyDown}
    >
      <header className="editor__header">
        <div className="editor__heading">
          <h2 id={headingId} className="editor__title truncate">
            {heading}
          </h2>
          {expense && (
            <p className="editor__meta">
              <StatusBadge status={expense.status} />
              <PaymentBadge status={expense.paymentStatus} />
              <span className="muted">
                {TYPE_LABEL[expense.type]} · {fmt.money(expense.totals.gross, expense.currency)}
              </span>
            </p>
          )}
        </div>
        <button type="button" className="icon-button" aria-label="Close editor" title="Close (Esc)" onClick={() => void close()} data-testid="editor-close">
          <Icon name="x" />
        </button>
      </header>

      {editor.loadError && !expense && (
        <p className="notice notice--error" role="alert">
          {errorMessage(editor.loadError)}
        </p>
      )}

      {expense && <EditorActions expense={expense} beforeAction={saveFirst} />}

      {expense?.locked && (
        <p className="notice notice--locked" data-testid="locked-notice">
          <Icon name="lock" />
          This expense is locked, so it can't be changed. Unlock it to edit.
        </p>
      )}
      {expense?.status === 'rejected' && expense.rejectReason && (
        <p className="notice notice--error" data-testid="reject-reason">
          Rejected: {expense.rejectReason}
        </p>
      )}
      {editor.changedElsewhere && dirty && (
        <p className="notice notice--warning">
          This expense was changed elsewhere while you were editing.
          <button type="button" className="button button--small" onClick={() => void editor.reloadLatest()}>
            Load latest
          </button>
        </p>
      )}

      {expense && (
        <div className="tabs" role="tablist" aria-label="Expense sections">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`${tabPrefix}-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`${tabPrefix}-panel`}
              tabIndex={tab === t.id ? 0 : -1}
              className="tabs__tab"
              onClick={() => setTab(t.id)}
              onKeyDown={(e) => {
                const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                if (!step) return;
                const next = TABS[(TABS.findIndex((x) => x.id === tab) + step + TABS.length) % TABS.length]!;
                setTab(next.id);
                document.getElementById(`${tabPrefix}-${next.id}`)?.focus();
              }}
              data-testid={`tab-${t.id}`}
            >
              {t.label}
            </button>
          ))}
        </div>
      )}

      <div className="editor__body" id={`${tabPrefix}-panel`} role={expense ? 'tabpanel' : undefined} aria-labelledby={expense ? `${tabPrefix}-${tab}` : undefined}>
        {editor.loading ? (
          <p className="muted">Loading…</p>
        ) : tab === 'details' || !expense ? (
          <DetailsForm draft={draft} errors={editor.errors} update={editor.update} readOnly={readOnly} isNew={!expense} />
        ) : tab === 'activity' ? (
          <ActivityTab expenseId={expense.id} />
        ) : (
          <CommentsTab expenseId={expense.id} />
        )}
      </div>

      {!readOnly && !editor.loading && (tab === 'details' || !expense) && (
        <footer className="editor__footer">
          <span className="editor__state muted" aria-live="polite">
            {editor.saving ? 'Saving…' : dirty ? 'Unsaved changes' : expense ? 'All changes saved' : ''}
          </span>
          {dirty && expense && (
            <button type="button" className="button button--ghost" onClick={editor.discard} data-testid="editor-discard">
              Discard
            </button>
          )}
          <button
            type="button"
            className="button button--primary"
            onClick={() => void editor.save()}
            disabled={editor.saving || (!!expense && !dirty)}
            data-testid="editor-save"
          >
            {expense ? 'Save' : 'Save expense'}
            <Kbd keys="Mod+S" />
          </button>
        </footer>
      )}
    </aside>
  );
}
