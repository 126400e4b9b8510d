import type { Expense } from '../../../shared/contract';

export const STATUS_LABEL: Record<Expense['status'], string> = {
  draft: 'Draft',
  pending_review: 'Pending review',
  approved: 'Approved',
  rejected: 'Rejected',
};

export const PAYMENT_LABEL: Record<Expense['paymentStatus'], string> = {
  paid: 'Paid',
  unpaid: 'Unpaid',
  overdue: 'Overdue',
};

export function StatusBadge({ status }: { status: Expense['status'] }) {
  return (
    <span className={`badge badge--${status}`} data-testid="status-badge" data-status={status}>
      {STATUS_LABEL[status]}
    </span>
  );
}

export function PaymentBadge({ status }: { status: Expense['paymentStatus'] }) {
  return (
    <span className={`badge badge--outline badge--${status}`} data-testid="payment-badge" data-status={status}>
      {PAYMENT_LABEL[status]}
    </span>
  );
}
