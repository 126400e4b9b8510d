import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import defaults from '../../../../resources/default-categories.json';
import { openTestLedger, type TestLedger } from '../../../../test/helpers/ledger';

let ledger: TestLedger;
beforeEach(() => {
  ledger = openTestLedger();
});
afterEach(() => ledger.close());

const receipt = (categoryId: string) => ({
  type: 'receipt' as const,
  issuedAt: '2026-03-02',
  paymentMethod: 'card' as const,
  categoryId,
  positions: [{ total: 1000, vatRate: 8.1 }],
});

describe('categories', () => {
  it('lists the seeded defaults with colors, account types and counts', async () => {
    const list = await ledger.call('categories.list', {});
    expect(list).toHaveLength(defaults.length);
    expect(list.length).toBeGreaterThanOrEqual(15);
    for (const c of list) {
      expect(c.isDefault).toBe(true);
      expect(c.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(c.expenseCount).toBe(0);
    }
    const travel = list.find((c) => c.name === 'Travel')!;
    await ledger.call('expenses.create', receipt(travel.id));
    await ledger.call('expenses.create', receipt(travel.id));
    expect((await ledger.call('categories.list', {})).find((c) => c.id === travel.id)!.expenseCount).toBe(2);
  });

  it('merges custom categories into the list and refuses duplicate names', async () => {
    const created = await ledger.call('categories.create', { name: 'Coworking', color: '#123456', accountType: 'operating_expense' });
    expect(created).toMatchObject({ name: 'Coworking', color: '#123456', isDefault: false, expenseCount: 0 });
    expect((await ledger.call('categories.list', {})).map((c) => c.name)).toContain('Coworking');

    const clash = await ledger.fail('categories.create', { name: 'coworking' });
    expect(clash.code).toBe('NAME_TAKEN');
    const clashDefault = await ledger.fail('categories.create', { name: 'TRAVEL' });
    expect(clashDefault.code).toBe('NAME_TAKEN');
    expect(ledger.count('categories')).toBe(defaults.length + 1);
  });

  it('changes only the fields it is given', async () => {
    const c = await ledger.call('categories.create', { name: 'Tools', color: '#aa0000', accountCode: '6100' });
    const renamed = await ledger.call('categories.update', { id: c.id, name: 'Hand tools' });
    expect(renamed).toMatchObject({ name: 'Hand tools', color: '#aa0000', accountCode: '6100' });
    const recolored = await ledger.call('categories.update', { id: c.id, color: '#00aa00' });
    expect(recolored).toMatchObject({ name: 'Hand tools', color: '#00aa00' });
  });

  it('validates input and names the field', async () => {
    expect((await ledger.fail('categories.create', { name: '' })).details).toEqual({ issues: [{ path: 'name', message: 'Required' }] });
    expect((await ledger.fail('categories.create', { name: 'X', color: 'red' })).code).toBe('VALIDATION_FAILED');
    expect((await ledger.fail('categories.create', { name: 'X', owner: 'me' })).details).toEqual({ issues: [{ path: 'owner', message: 'Unknown field: owner' }] });
    expect((await ledger.fail('categories.update', { id: 'missing', name: 'Y' })).code).toBe('NOT_FOUND');
  });

  it('refuses to delete a category in use, then reassigns and deletes', async () => {
    const [from, to] = await ledger.call('categories.list', {});
    const e1 = await ledger.call('expenses.create', receipt(from!.id));
    const e2 = await ledger.call('expenses.create', receipt(from!.id));

    const refused = await ledger.fail('categories.delete', { id: from!.id });
    expect(refused.code).toBe('CATEGORY_IN_USE');
    expect(refused.details).toMatchObject({ expenseCount: 2 });
    expect((await ledger.call('categories.list', {})).some((c) => c.id === from!.id)).toBe(true);

    expect((await ledger.fail('categories.delete', { id: from!.id, reassignTo: 'nope' })).code).toBe('NOT_FOUND');
    expect((await ledger.call('expenses.get', { id: e1.id })).categoryId).toBe(from!.id);

    expect(await ledger.call('categories.delete', { id: from!.id, reassignTo: to!.id })).toEqual({ deleted: true, reassigned: 2 });
    expect((await ledger.call('categories.list', {})).some((c) => c.id === from!.id)).toBe(false);
    expect((await ledger.call('expenses.get', { id: e2.id })).categoryId).toBe(to!.id);
    const log = await ledger.call('expenses.activity', { id: e2.id });
    expect(log[0]).toMatchObject({ action: 'category', details: { categoryId: [from!.id, to!.id] } });
  });

  it('can leave the expenses of a deleted category uncategorized', async () => {
    const [from] = await ledger.call('categories.list', {});
    const e = await ledger.call('expenses.create', receipt(from!.id));
    expect(await ledger.call('categories.delete', { id: from!.id, reassignTo: null })).toEqual({ deleted: true, reassigned: 1 });
    expect((await ledger.call('expenses.get', { id: e.id })).categoryId).toBeNull();
  });

  it('deletes an unused category without asking, and does not bring a deleted default back', async () => {
    const [first] = await ledger.call('categories.list', {});
    await ledger.call('categories.delete', { id: first!.id });
    ledger = ledger.reopen();
    expect((await ledger.call('categories.list', {})).some((c) => c.name === first!.name)).toBe(false);
    // The name is free again for a custom category.
    expect((await ledger.call('categories.create', { name: first!.name })).isDefault).toBe(false);
  });
});
