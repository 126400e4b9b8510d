import type { FieldIssue } from '../errors';

/** The cross-field rules of an expense, checked on create and on the merged record of every update. */
export interface ExpenseRuleInput {
  type: 'receipt' | 'invoice';
  issuedAt: string;
  dueAt?: string | null;
  paymentMethod?: string | null;
  positions: ReadonlyArray<{ total: number }>;
}

export function expenseRuleIssues(e: ExpenseRuleInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (e.dueAt && e.dueAt < e.issuedAt) {
    issues.push({ path: 'dueAt', message: 'Due date cannot be before the issue date' });
  }
  const sum = e.positions.reduce((s, p) => s + p.total, 0);
  if (sum < 0) issues.push({ path: 'positions', message: 'Positions must add up to zero or more' });
  if (e.type === 'receipt' && !e.paymentMethod) {
    issues.push({ path: 'paymentMethod', message: 'A receipt needs a payment method (it has already been paid)' });
  }
  return issues;
}

export type ExpenseStatus = 'draft' | 'pending_review' | 'approved' | 'rejected';

/** Allowed workflow moves; paid and overdue are not statuses but follow from the dates. */
export const STATUS_TRANSITIONS: Record<ExpenseStatus, readonly ExpenseStatus[]> = {
  draft: ['pending_review'],
  pending_review: ['approved', 'rejected', 'draft'],
  approved: ['pending_review'],
  rejected: ['pending_review', 'draft'],
};

/**
 * The steps from one status to another. Approving or rejecting a draft submits it for review on the
 * way; any other move must be allowed directly (an approved expense is reopened before it is rejected).
 */
export function transitionPath(from: ExpenseStatus, to: ExpenseStatus): ExpenseStatus[] | null {
  if (from === to) return [];
  if (STATUS_TRANSITIONS[from].includes(to)) return [to];
  if (from === 'draft' && STATUS_TRANSITIONS.pending_review.includes(to)) return ['pending_review', to];
  return null;
}

export type PaymentStatus = 'paid' | 'unpaid' | 'overdue';

export function paymentStatus(e: { paidAt?: string | null; dueAt?: string | null }, today: string): PaymentStatus {
  if (e.paidAt) return 'paid';
  if (e.dueAt && e.dueAt < today) return 'overdue';
  return 'unpaid';
}
