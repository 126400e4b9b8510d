import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExpenseCreateInput } from '../../../../shared/contract';
import { openTestLedger, type TestLedger } from '../../../../test/helpers/ledger';

let ledger: TestLedger;
let clock = new Date('2026-03-15T10:00:00Z');
beforeEach(() => {
  clock = new Date('2026-03-15T10:00:00Z');
  ledger = openTestLedger({ now: () => clock });
});
afterEach(() => ledger.close());

const invoice = (over: Partial<ExpenseCreateInput> = {}): ExpenseCreateInput => ({
  type: 'invoice',
  title: 'Website hosting',
  issuedAt: '2026-03-01',
  dueAt: '2026-03-31',
  currency: 'CHF',
  vendor: { name: 'Hostpoint AG', iban: 'CH93 0076 2011 6238 5295 7', vatId: 'CHE-123.456.789 MWST' },
  positions: [
    { description: 'Hosting', total: 10000, vatRate: 8.1, mode: 'inclusive' },
    { description: 'Books', total: 5000, vatRate: 2.6, mode: 'inclusive' },
  ],
  ...over,
});

const receipt = (over: Partial<ExpenseCreateInput> = {}): ExpenseCreateInput => ({
  type: 'receipt',
  title: 'Lunch',
  issuedAt: '2026-03-03',
  paymentMethod: 'card',
  vendor: { name: 'Tibits' },
  positions: [{ total: 2450, vatRate: 8.1 }],
  ...over,
});

describe('creating expenses', () => {
  it('files an invoice as a draft with totals computed from its positions', async () => {
    const e = await ledger.call('expenses.create', invoice());
    expect(e).toMatchObject({ type: 'invoice', status: 'draft', paymentStatus: 'unpaid', approvedAt: null, paidAt: null, currency: 'CHF' });
    expect(e.totals).toEqual({ net: 14124, tax: 876, gross: 15000 });
    expect(e.positions.map((p) => [p.total, p.vatRate, p.tax])).toEqual([
      [10000, 8.1, 749],
      [5000, 2.6, 127],
    ]);
    expect(e.vendor).toMatchObject({ name: 'Hostpoint AG', iban: 'CH9300762011623852957' });
    expect(await ledger.call('expenses.activity', { id: e.id })).toMatchObject([{ action: 'created' }]);
  });

  it('files a receipt as approved and paid on its date, in the default currency', async () => {
    const e = await ledger.call('expenses.create', receipt());
    expect(e).toMatchObject({ status: 'approved', paymentStatus: 'paid', paidAt: '2026-03-03', currency: 'CHF', approvedAt: clock.toISOString() });
    await ledger.call('settings.update', { defaultCurrency: 'EUR' });
    expect((await ledger.call('expenses.create', receipt())).currency).toBe('EUR');
  });

  it('refuses invalid expenses with the field paths and writes nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...receipt(), paymentMethod: undefined }, 'paymentMethod'],
      [{ ...invoice(), title: 'x'.repeat(256) }, 'title'],
      [{ ...invoice(), issuedAt: undefined }, 'issuedAt'],
      [{ ...invoice(), issuedAt: '2026-02-30' }, 'issuedAt'],
      [{ ...invoice(), dueAt: '2026-02-01' }, 'dueAt'],
      [{ ...invoice(), positions: [{ total: 100, vatRate: 101 }] }, 'positions.0.vatRate'],
      [{ ...invoice(), positions: [{ total: 100, vatRate: -1 }] }, 'positions.0.vatRate'],
      [{ ...invoice(), positions: [{ total: 10.5, vatRate: 8.1 }] }, 'positions.0.total'],
      [{ ...invoice(), positions: [{ total: 100, vatRate: 8.1 }, { total: -200, vatRate: 8.1 }] }, 'positions'],
      [{ ...invoice(), currency: 'XYZ' }, 'currency'],
      [{ ...invoice(), iban: 'CH94 0076 2011 6238 5295 7' }, 'iban'],
      [{ ...invoice(), vendor: { name: 'A', iban: 'DE00 1234' } }, 'vendor.iban'],
      [{ ...invoice(), bic: 'UBSWCHZH80AXX' }, 'bic'],
      [{ ...invoice(), bic: 'UB$WCHZH' }, 'bic'],
      [{ ...invoice(), surprise: true }, 'surprise'],
      [{ ...invoice(), billable: 'yes' }, 'billable'],
    ];
    for (const [input, path] of cases) {
      const err = await ledger.fail('expenses.create', input);
      expect(err.code, path).toBe('VALIDATION_FAILED');
      expect((err.details as { issues: { path: string }[] }).issues.map((i) => i.path), path).toContain(path);
    }
    const missingCategory = await ledger.fail('expenses.create', invoice({ categoryId: 'no-such-category' }));
    expect(missingCategory).toMatchObject({ code: 'NOT_FOUND', details: { path: 'categoryId' } });
    for (const table of ['expenses', 'expense_positions', 'vendors', 'activity_log']) expect(ledger.count(table), table).toBe(0);
  });

  it('accepts the limits themselves', async () => {
    const e = await ledger.call('expenses.create', invoice({ title: 'x'.repeat(255), dueAt: '2026-03-01', positions: [{ total: 0, vatRate: 100 }], bic: 'UBSWCHZH80A' }));
    expect(e.title).toHaveLength(255);
  });
});

describe('updating expenses', () => {
  it('changes only the given fields and logs what changed', async () => {
    const e = await ledger.call('expenses.create', invoice({ notes: 'keep me', tags: ['web'] }));
    const updated = await ledger.call('expenses.update', { id: e.id, patch: { title: 'Hosting 2026', tags: ['web', 'IT'] }, expectedVersion: e.version });
    expect(updated).toMatchObject({ title: 'Hosting 2026', notes: 'keep me', tags: ['IT', 'web'], version: e.version + 1 });
    expect(updated.totals).toEqual(e.totals);
    const [last] = await ledger.call('expenses.activity', { id: e.id });
    expect(last).toMatchObject({ action: 'updated', details: { title: ['Website hosting', 'Hosting 2026'], tags: [['web'], ['IT', 'web']] } });
  });

  it('recomputes totals when positions change', async () => {
    const e = await ledger.call('expenses.create', invoice());
    const updated = await ledger.call('expenses.update', { id: e.id, patch: { positions: [{ total: 20000, vatRate: 8.1, mode: 'exclusive' }] } });
    expect(updated.totals).toEqual({ net: 20000, tax: 1620, gross: 21620 });
    expect(ledger.count('expense_positions')).toBe(1);
    const [row] = (await ledger.call('expenses.list', {})).items;
    expect(row!.gross).toBe(21620);
  });

  it('checks the merged record: a due date before a new issue date is refused', async () => {
    const e = await ledger.call('expenses.create', invoice());
    const err = await ledger.fail('expenses.update', { id: e.id, patch: { issuedAt: '2026-04-15' } });
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'dueAt' }] } });
    expect((await ledger.call('expenses.get', { id: e.id })).issuedAt).toBe('2026-03-01');
  });

  it('refuses edits to a locked expense until it is unlocked', async () => {
    const e = await ledger.call('expenses.create', invoice());
    await ledger.call('expenses.setFlags', { ids: [e.id], locked: true });
    expect((await ledger.fail('expenses.update', { id: e.id, patch: { title: 'Changed' } })).code).toBe('EXPENSE_LOCKED');
    const bulk = await ledger.call('expenses.setStatus', { ids: [e.id], status: 'pending_review' });
    expect(bulk.failed).toEqual([{ id: e.id, code: 'EXPENSE_LOCKED', message: expect.stringContaining('locked') }]);
    expect((await ledger.call('expenses.delete', { ids: [e.id] })).failed[0]!.code).toBe('EXPENSE_LOCKED');
    expect((await ledger.fail('expenses.markPaid', { id: e.id, paidAt: '2026-03-20' })).code).toBe('EXPENSE_LOCKED');
    // Exported is bookkeeping and may be set on a locked expense; comments are not edits.
    expect((await ledger.call('expenses.setFlags', { ids: [e.id], exported: true })).updated).toEqual([e.id]);
    await ledger.call('comments.add', { expenseId: e.id, body: 'Checked with the accountant' });
    await ledger.call('expenses.setFlags', { ids: [e.id], locked: false });
    expect((await ledger.call('expenses.update', { id: e.id, patch: { title: 'Changed' } })).title).toBe('Changed');
  });

  it('detects a change made elsewhere since the editor opened', async () => {
    const e = await ledger.call('expenses.create', invoice());
    await ledger.call('expenses.update', { id: e.id, patch: { notes: 'first' } });
    const err = await ledger.fail('expenses.update', { id: e.id, patch: { notes: 'second' }, expectedVersion: e.version });
    expect(err.code).toBe('VERSION_CONFLICT');
    expect((await ledger.call('expenses.get', { id: e.id })).notes).toBe('first');
  });

  it('refuses an empty patch, an unknown id and unknown fields', async () => {
    const e = await ledger.call('expenses.create', invoice());
    expect((await ledger.fail('expenses.update', { id: e.id, patch: {} })).code).toBe('VALIDATION_FAILED');
    expect((await ledger.fail('expenses.update', { id: 'missing', patch: { title: 'x' } })).code).toBe('NOT_FOUND');
    const unknown = await ledger.fail('expenses.update', { id: e.id, patch: { status: 'approved' } });
    expect((unknown.details as { issues: unknown[] }).issues).toContainEqual({ path: 'patch.status', message: 'Unknown field: status' });
  });
});

describe('deleting', () => {
  it('moves expenses to the trash and brings them back', async () => {
    const a = await ledger.call('expenses.create', invoice());
    const b = await ledger.call('expenses.create', receipt());
    expect(await ledger.call('expenses.delete', { ids: [a.id, b.id, 'missing'] })).toEqual({
      updated: [a.id, b.id],
      failed: [{ id: 'missing', code: 'NOT_FOUND', message: expect.any(String) }],
    });
    expect((await ledger.call('expenses.summary', {})).count).toBe(0);
    expect((await ledger.fail('expenses.get', { id: a.id })).code).toBe('NOT_FOUND');
    await ledger.call('expenses.restore', { ids: [a.id] });
    expect((await ledger.call('expenses.list', {})).items.map((i) => i.id)).toEqual([a.id]);
  });

  it('purges the trash after the configured number of days', async () => {
    const a = await ledger.call('expenses.create', invoice());
    await ledger.call('expenses.delete', { ids: [a.id] });
    clock = new Date('2026-04-30T10:00:00Z');
    ledger = ledger.reopen();
    expect(ledger.count('expenses')).toBe(0);
    expect(ledger.count('expense_positions')).toBe(0);
  });
});

describe('listing', () => {
  beforeEach(async () => {
    const [office, travel] = await ledger.call('categories.list', {});
    await ledger.call('expenses.create', invoice({ title: 'Server rental', categoryId: office!.id, tags: ['IT'] }));
    await ledger.call('expenses.create', receipt({ title: 'Train to Bern', vendor: { name: 'SBB CFF FFS' }, categoryId: travel!.id, issuedAt: '2026-01-10', positions: [{ total: 8800, vatRate: 8.1 }] }));
    await ledger.call('expenses.create', receipt({ title: 'Café crème', vendor: { name: 'Café Zähringer' }, issuedAt: '2026-02-20', currency: 'EUR', billable: true, positions: [{ total: 450, vatRate: 2.6 }] }));
    await ledger.call('expenses.create', invoice({ title: 'Old invoice', issuedAt: '2025-12-01', dueAt: '2026-01-01', vendor: { name: 'Papeterie Meier' } }));
  });

  const titles = async (input: Parameters<TestLedger['call']>[1]) => (await ledger.call('expenses.list', input as never)).items.map((i) => i.title);

  it('sorts by date, amount, vendor and creation, both ways', async () => {
    expect(await titles({})).toEqual(['Server rental', 'Café crème', 'Train to Bern', 'Old invoice']);
    expect(await titles({ sort: 'amount', order: 'asc' })).toEqual(['Café crème', 'Train to Bern', 'Server rental', 'Old invoice']);
    expect(await titles({ sort: 'vendor', order: 'asc' })).toEqual(['Café crème', 'Server rental', 'Old invoice', 'Train to Bern']);
    expect(await titles({ sort: 'created', order: 'desc' })).toEqual(['Old invoice', 'Café crème', 'Train to Bern', 'Server rental']);
  });

  it('searches the full text, accent-insensitive and by prefix', async () => {
    expect(await titles({ search: 'zahring' })).toEqual(['Café crème']);
    expect(await titles({ search: 'cafe' })).toEqual(['Café crème']);
    expect(await titles({ search: 'bern train' })).toEqual(['Train to Bern']);
    expect(await titles({ search: '"); DROP TABLE expenses; --' })).toEqual([]);
    expect(await titles({ search: '***' })).toHaveLength(4);
  });

  it('filters by every field a reviewer uses', async () => {
    const [office, travel] = await ledger.call('categories.list', {});
    expect(await titles({ type: 'receipt' })).toEqual(['Café crème', 'Train to Bern']);
    expect(await titles({ status: ['draft'] })).toEqual(['Server rental', 'Old invoice']);
    expect(await titles({ paymentStatus: 'overdue' })).toEqual(['Old invoice']);
    expect(await titles({ paymentStatus: 'unpaid' })).toEqual(['Server rental']);
    expect(await titles({ dateFrom: '2026-01-01', dateTo: '2026-02-28' })).toEqual(['Café crème', 'Train to Bern']);
    expect(await titles({ categoryIds: [travel!.id] })).toEqual(['Train to Bern']);
    expect(await titles({ categoryIds: [office!.id, 'none'] })).toEqual(['Server rental', 'Café crème', 'Old invoice']);
    expect(await titles({ vendor: 'sbb' })).toEqual(['Train to Bern']);
    expect(await titles({ amountMin: 1000, amountMax: 9000 })).toEqual(['Train to Bern']);
    expect(await titles({ currency: 'EUR' })).toEqual(['Café crème']);
    expect(await titles({ tags: ['it'] })).toEqual(['Server rental']);
    expect(await titles({ billable: true })).toEqual(['Café crème']);
    expect(await titles({ locked: false })).toHaveLength(4);
    expect(await titles({ exported: true })).toEqual([]);
    expect(await titles({ source: ['manual'] })).toHaveLength(4);
    expect(await titles({ hasAttachment: true })).toEqual([]);
  });

  it('answers every id matching a filter, for select-all', async () => {
    const receipts = await ledger.call('expenses.ids', { type: 'receipt' });
    expect(receipts).toMatchObject({ total: 2, truncated: false });
    expect(new Set(receipts.ids)).toEqual(new Set((await ledger.call('expenses.list', { type: 'receipt' })).items.map((i) => i.id)));
    expect((await ledger.call('expenses.ids', {})).ids).toHaveLength(4);
  });

  it('pages with a flag for more', async () => {
    const first = await ledger.call('expenses.list', { limit: 3 });
    const second = await ledger.call('expenses.list', { limit: 3, offset: 3 });
    expect([first.hasMore, second.hasMore]).toEqual([true, false]);
    expect([...first.items, ...second.items].map((i) => i.title)).toEqual(await titles({}));
  });

  it('totals per currency for a filter', async () => {
    expect(await ledger.call('expenses.summary', {})).toEqual({
      count: 4,
      totals: [
        { currency: 'CHF', count: 3, net: 14124 * 2 + 8141, tax: 876 * 2 + 659, gross: 15000 * 2 + 8800 },
        { currency: 'EUR', count: 1, net: 439, tax: 11, gross: 450 },
      ],
    });
    expect((await ledger.call('expenses.summary', { type: 'receipt', currency: 'CHF' })).totals).toEqual([{ currency: 'CHF', count: 1, net: 8141, tax: 659, gross: 8800 }]);
  });

  it('lists vendors and tags with counts', async () => {
    expect((await ledger.call('vendors.list', { search: 'hostpoint' })).map((v) => [v.name, v.expenseCount])).toEqual([['Hostpoint AG', 1]]);
    expect(await ledger.call('tags.list', {})).toEqual([{ name: 'IT', count: 1 }]);
  });
});
