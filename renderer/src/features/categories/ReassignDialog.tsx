import { useState } from 'react';
import type { Category } from '../../../../shared/contract';
import { Modal } from '../../ui/Modal';
import { CategoryOptions } from '../../ui/Options';

interface ReassignDialogProps {
  category: Category;
  /** The service's explanation of why the category can't simply go. */
  reason: string;
  expenseCount: number | undefined;
  others: readonly Category[];
  busy: boolean;
  /** A category id, or null to leave the expenses uncategorized. */
  onConfirm(reassignTo: string | null): void;
  onCancel(): void;
}

const UNCATEGORIZED = '__none__';

/** A category in use can only go once its expenses have somewhere else to be. */
export function ReassignDialog({ category, reason, expenseCount, others, busy, onConfirm, onCancel }: ReassignDialogProps) {
  // No preselection: where hundreds of expenses end up is a choice, not a default.
  const [target, setTarget] = useState('');
  const moving = expenseCount === undefined ? 'Its expenses' : expenseCount === 1 ? 'Its one expense' : `Its ${expenseCount} expenses`;
  return (
    <Modal title={`Delete “${category.name}”`} onCancel={onCancel} testId="reassign-dialog">
      <p className="notice notice--warning" role="alert" data-testid="reassign-reason">
        {reason}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (target) onConfirm(target === UNCATEGORIZED ? null : target);
        }}
      >
        <label className="field">
          <span className="field__label">{moving} will move to</span>
          <select className="input" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="reassign-select" data-autofocus required>
            <option value="" disabled>
              Choose a category…
            </option>
            <CategoryOptions categories={others} noneValue={UNCATEGORIZED} />
          </select>
        </label>
        <div className="modal__actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--danger" disabled={!target || busy} data-testid="reassign-confirm">
            Move and delete
          </button>
        </div>
      </form>
    </Modal>
  );
}
