import { useState } from 'react';
import { useDialogs, type DialogRequest } from '../lib/dialogs';
import { useCategories } from '../lib/queries';
import { Modal } from './Modal';
import { CategoryOptions } from './Options';

/** Renders whichever question code is currently awaiting (see lib/dialogs). */
export function DialogHost() {
  const current = useDialogs((s) => s.current);
  if (!current) return null;
  const { request, resolve } = current;
  const cancel = () => resolve(undefined);
  switch (request.kind) {
    case 'confirm':
      return <ConfirmDialog request={request} onAnswer={resolve} onCancel={cancel} />;
    case 'reason':
      return <ReasonDialog request={request} onAnswer={resolve} onCancel={cancel} />;
    case 'category':
      return <CategoryDialog request={request} onAnswer={resolve} onCancel={cancel} />;
  }
}

interface DialogProps<K extends DialogRequest['kind']> {
  request: Extract<DialogRequest, { kind: K }>;
  onAnswer(value: unknown): void;
  onCancel(): void;
}

function ConfirmDialog({ request, onAnswer, onCancel }: DialogProps<'confirm'>) {
  return (
    <Modal title={request.title} description={request.message} onCancel={onCancel} testId="confirm-dialog">
      <div className="modal__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={request.danger ? 'button button--danger' : 'button button--primary'}
          onClick={() => onAnswer(true)}
          data-testid="confirm-dialog-confirm"
          // A destructive question starts on Cancel, the dialog's first button.
          data-autofocus={request.danger ? undefined : ''}
        >
          {request.confirmLabel}
        </button>
      </div>
    </Modal>
  );
}

function ReasonDialog({ request, onAnswer, onCancel }: DialogProps<'reason'>) {
  const [reason, setReason] = useState('');
  const trimmed = reason.trim();
  return (
    <Modal title={request.title} description={request.message} onCancel={onCancel} testId="reason-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed) onAnswer(trimmed);
        }}
      >
        <label className="field">
          <span className="field__label">Reason</span>
          <textarea
            className="input"
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
            }}
            data-testid="reason-input"
            data-autofocus
            required
          />
        </label>
        <div className="modal__actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--danger" disabled={!trimmed} data-testid="reason-confirm">
            {request.confirmLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function CategoryDialog({ request, onAnswer, onCancel }: DialogProps<'category'>) {
  const categories = useCategories().data ?? [];
  const [choice, setChoice] = useState('');
  return (
    <Modal title={request.title} description={request.message} onCancel={onCancel} testId="category-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onAnswer(choice === '' ? null : choice);
        }}
      >
        <label className="field">
          <span className="field__label">Category</span>
          <select className="input" value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="category-dialog-select" data-autofocus>
            <CategoryOptions categories={categories} />
          </select>
        </label>
        <div className="modal__actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" data-testid="category-dialog-confirm">
            {request.confirmLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
