import { describe, expect, it } from 'vitest';
import { expenseRuleIssues, paymentStatus, transitionPath } from './expense-rules';

describe('expense rules', () => {
  const base = { type: 'invoice' as const, issuedAt: '2026-03-01', positions: [{ total: 100 }] };

  it('accepts a consistent invoice', () => {
    expect(expenseRuleIssues({ ...base, dueAt: '2026-03-31' })).toEqual([]);
  });

  it('names each broken rule by field', () => {
    const issues = expenseRuleIssues({ type: 'receipt', issuedAt: '2026-03-01', dueAt: '2026-02-01', positions: [{ total: 100 }, { total: -200 }] });
    expect(issues.map((i) => i.path)).toEqual(['dueAt', 'positions', 'paymentMethod']);
  });

  it('allows a credit position as long as the sum is not negative', () => {
    expect(expenseRuleIssues({ ...base, positions: [{ total: 100 }, { total: -100 }] })).toEqual([]);
  });
});

describe('status transitions', () => {
  it('goes draft -> pending_review -> approved | rejected', () => {
    expect(transitionPath('draft', 'pending_review')).toEqual(['pending_review']);
    expect(transitionPath('pending_review', 'approved')).toEqual(['approved']);
    expect(transitionPath('pending_review', 'rejected')).toEqual(['rejected']);
  });

  it('submits a draft on the way to approval', () => {
    expect(transitionPath('draft', 'approved')).toEqual(['pending_review', 'approved']);
    expect(transitionPath('draft', 'rejected')).toEqual(['pending_review', 'rejected']);
  });

  it('refuses to jump from approved to rejected', () => {
    expect(transitionPath('approved', 'rejected')).toBeNull();
    expect(transitionPath('rejected', 'approved')).toBeNull();
    expect(transitionPath('approved', 'pending_review')).toEqual(['pending_review']);
    expect(transitionPath('approved', 'approved')).toEqual([]);
  });
});

describe('payment status', () => {
  it('follows from the dates', () => {
    expect(paymentStatus({ paidAt: '2026-01-02', dueAt: '2026-01-01' }, '2026-02-01')).toBe('paid');
    expect(paymentStatus({ paidAt: null, dueAt: '2026-01-31' }, '2026-02-01')).toBe('overdue');
    expect(paymentStatus({ paidAt: null, dueAt: '2026-02-01' }, '2026-02-01')).toBe('unpaid');
    expect(paymentStatus({ paidAt: null, dueAt: null }, '2026-02-01')).toBe('unpaid');
  });
});
