import { afterEach, describe, expect, it } from 'vitest';
import { seedExpenses } from '../harness/seed';
import { openTestLedger, type TestLedger } from '../helpers/ledger';

const NOW = new Date('2026-11-21T10:00:00Z');

describe('seedExpenses (npm run harness -- --seed N)', () => {
  let ledger: TestLedger;
  afterEach(() => ledger.close());

  it('files expenses the services read back within the contract, in every status', async () => {
    ledger = openTestLedger({ now: () => NOW });
    let changes = 0;
    ledger.services.events.on('ledger.changed', () => changes++);
    seedExpenses(ledger.services, 400, { now: NOW });

    expect(changes).toBe(1);
    // dispatch checks every answer against the contract's output schema, so a seeded row the
    // services could not represent fails here.
    const { items, hasMore } = await ledger.call('expenses.list', { limit: 400 });
    expect(items).toHaveLength(400);
    expect(hasMore).toBe(false);
    expect(new Set(items.map((e) => e.status))).toEqual(new Set(['draft', 'pending_review', 'approved', 'rejected']));
    expect(new Set(items.map((e) => e.currency))).toEqual(new Set(['CHF', 'EUR', 'USD']));
    expect(new Set(items.map((e) => e.paymentStatus))).toEqual(new Set(['paid', 'unpaid', 'overdue']));

    for (const item of items.slice(0, 50)) {
      const expense = await ledger.call('expenses.get', { id: item.id });
      // The list reads the stored totals, the detail sums the positions: both must agree.
      expect(expense.totals).toEqual({ net: item.net, tax: item.tax, gross: item.gross });
      expect(expense.type === 'receipt' ? expense.paymentMethod : expense.dueAt).not.toBeNull();
      for (const at of [expense.createdAt, expense.approvedAt, expense.paidAt]) if (at) expect(at.slice(0, 10) <= '2026-11-21').toBe(true);
    }
  });

  it('indexes what it files for search, and adds to a ledger that already has expenses', async () => {
    ledger = openTestLedger({ now: () => NOW });
    seedExpenses(ledger.services, 200, { now: NOW });
    seedExpenses(ledger.services, 100, { now: NOW, seed: 2 });

    expect((await ledger.call('expenses.summary', {})).count).toBe(300);
    const found = await ledger.call('expenses.list', { search: 'swisscom', limit: 500 });
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((e) => e.vendorName === 'Swisscom')).toBe(true);
  });
});
