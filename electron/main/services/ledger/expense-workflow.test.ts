import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, type TestLedger } from '../../../../test/helpers/ledger';

let ledger: TestLedger;
beforeEach(() => {
  ledger = openTestLedger({ now: () => new Date('2026-03-15T10:00:00Z') });
});
afterEach(() => ledger.close());

const draft = () =>
  ledger.call('expenses.create', { type: 'invoice', title: 'Consulting', issuedAt: '2026-03-01', dueAt: '2026-03-10', positions: [{ total: 50000, vatRate: 8.1 }] });

describe('status workflow', () => {
  it('moves draft -> pending_review -> approved, logging every step', async () => {
    const e = await draft();
    await ledger.call('expenses.setStatus', { ids: [e.id], status: 'pending_review' });
    await ledger.call('expenses.setStatus', { ids: [e.id], status: 'approved' });
    const approved = await ledger.call('expenses.get', { id: e.id });
    expect(approved).toMatchObject({ status: 'approved', approvedAt: '2026-03-15T10:00:00.000Z', paymentStatus: 'overdue' });
    const log = await ledger.call('expenses.activity', { id: e.id });
    expect(log.map((l) => [l.action, l.details?.to])).toEqual([
      ['status', 'approved'],
      ['status', 'pending_review'],
      ['created', undefined],
    ]);
  });

  it('requires a reason to reject and keeps it', async () => {
    const e = await draft();
    const err = await ledger.fail('expenses.setStatus', { ids: [e.id], status: 'rejected' });
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'reason' }] } });
    await ledger.call('expenses.setStatus', { ids: [e.id], status: 'rejected', reason: 'Private expense' });
    expect(await ledger.call('expenses.get', { id: e.id })).toMatchObject({ status: 'rejected', rejectReason: 'Private expense' });
    await ledger.call('expenses.setStatus', { ids: [e.id], status: 'pending_review' });
    expect((await ledger.call('expenses.get', { id: e.id })).rejectReason).toBeNull();
  });

  it('refuses a jump the workflow does not allow, per row, and applies the rest', async () => {
    const a = await draft();
    const b = await draft();
    await ledger.call('expenses.setStatus', { ids: [a.id], status: 'approved' });
    const result = await ledger.call('expenses.setStatus', { ids: [a.id, b.id], status: 'rejected', reason: 'Duplicate' });
    expect(result.updated).toEqual([b.id]);
    expect(result.failed).toEqual([{ id: a.id, code: 'INVALID_TRANSITION', message: expect.stringContaining('reopen') }]);
    expect((await ledger.call('expenses.get', { id: a.id })).status).toBe('approved');
  });

  it('derives paid and overdue from the dates', async () => {
    const e = await draft();
    expect((await ledger.call('expenses.get', { id: e.id })).paymentStatus).toBe('overdue');
    expect((await ledger.call('expenses.markPaid', { id: e.id, paidAt: '2026-03-12' })).paymentStatus).toBe('paid');
    expect((await ledger.call('expenses.markPaid', { id: e.id, paidAt: null })).paymentStatus).toBe('overdue');
  });
});

describe('bulk category and flags', () => {
  it('sets and clears the category of many expenses', async () => {
    const [cat] = await ledger.call('categories.list', {});
    const a = await draft();
    const b = await draft();
    expect((await ledger.call('expenses.setCategory', { ids: [a.id, b.id], categoryId: cat!.id })).updated).toEqual([a.id, b.id]);
    expect((await ledger.call('categories.list', {})).find((c) => c.id === cat!.id)!.expenseCount).toBe(2);
    expect((await ledger.fail('expenses.setCategory', { ids: [a.id], categoryId: 'nope' })).code).toBe('NOT_FOUND');
    await ledger.call('expenses.setCategory', { ids: [a.id], categoryId: null });
    expect((await ledger.call('expenses.list', { categoryIds: ['none'] })).items.map((i) => i.id)).toEqual([a.id]);
  });

  it('does not let a flag change slip past a lock', async () => {
    const e = await draft();
    await ledger.call('expenses.setFlags', { ids: [e.id], locked: true });
    expect((await ledger.call('expenses.setFlags', { ids: [e.id], billable: true })).failed[0]!.code).toBe('EXPENSE_LOCKED');
    expect((await ledger.call('expenses.setFlags', { ids: [e.id], billable: true, locked: false })).updated).toEqual([e.id]);
    expect(await ledger.call('expenses.get', { id: e.id })).toMatchObject({ billable: true, locked: false });
  });
});

describe('change events', () => {
  it('tells listeners which expenses changed, after the change is committed', async () => {
    const seen: unknown[] = [];
    const off = ledger.services.events.on('ledger.changed', (p) => seen.push({ ...p, committed: ledger.count('activity_log') }));
    const e = await draft();
    await ledger.call('expenses.setStatus', { ids: [e.id], status: 'pending_review' });
    off();
    await ledger.call('expenses.setStatus', { ids: [e.id], status: 'approved' });
    expect(seen).toEqual([
      { entities: ['expenses', 'vendors', 'tags'], ids: [e.id], committed: 1 },
      { entities: ['expenses'], ids: [e.id], committed: 2 },
    ]);
  });
});
