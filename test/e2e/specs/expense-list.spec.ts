import { expect, test, type Shoebox } from '../fixtures';

async function file(shoebox: Shoebox, vendor: string, gross: number, extra: { type?: 'receipt' | 'invoice'; issuedAt?: string } = {}) {
  const type = extra.type ?? 'receipt';
  return shoebox.invoke('expenses.create', {
    type,
    issuedAt: extra.issuedAt ?? '2025-03-01',
    paymentMethod: type === 'receipt' ? 'card' : undefined,
    vendor: { name: vendor },
    positions: [{ total: gross, vatRate: 8.1 }],
  });
}

test.describe('the expense list', () => {
  test('searches and filters, with the count and totals to match', async ({ page, shoebox }) => {
    await file(shoebox, 'Migros', 4_550, { issuedAt: '2025-03-01' });
    await file(shoebox, 'Coop', 2_000, { issuedAt: '2025-03-02' });
    await file(shoebox, 'Digitec Galaxus', 129_900, { issuedAt: '2025-03-03' });
    await file(shoebox, 'Swisscom', 8_990, { type: 'invoice', issuedAt: '2025-03-04' });

    await page.getByTestId('nav-expenses').click();
    const rows = page.getByTestId('expense-row');
    await expect(rows).toHaveCount(4);
    await expect(page.getByTestId('list-count')).toHaveText('4 expenses');
    await expect(page.getByTestId('list-total')).toHaveText(['CHF 1,454.40']);

    await page.keyboard.press('/');
    await expect(page.getByTestId('expense-search')).toBeFocused();
    await page.keyboard.type('galaxus');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Digitec Galaxus');
    await expect(page.getByTestId('list-count')).toHaveText('1 expense');

    await page.getByTestId('expense-search').fill('');
    await expect(rows).toHaveCount(4);

    await page.getByTestId('filters-toggle').click();
    await page.getByTestId('filter-status-draft').click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Swisscom');
    await page.getByTestId('filter-status-draft').click();

    // Amounts are typed as decimals and compared in minor units.
    await page.getByTestId('filter-amount-min').fill('20');
    await page.getByTestId('filter-amount-max').fill('100.00');
    await expect(rows).toHaveCount(3);
    await expect(page.getByTestId('list-total')).toHaveText(['CHF 155.40']);
    await page.getByTestId('filter-type').selectOption('receipt');
    await expect(rows).toHaveCount(2);
    await expect(page.getByTestId('filters-toggle')).toContainText('3');

    await page.getByTestId('sort-field').selectOption('amount');
    await expect(rows.first()).toContainText('Migros');
    await page.getByTestId('sort-order').click();
    await expect(rows.first()).toContainText('Coop');

    await page.getByTestId('clear-filters').click();
    await expect(rows).toHaveCount(4);
  });

  test('deletes with Delete and brings it back with Undo', async ({ page, shoebox }) => {
    await file(shoebox, 'Migros', 1_000, { issuedAt: '2025-03-01' });
    const shell = await file(shoebox, 'Shell', 8_000, { issuedAt: '2025-03-02' });
    await file(shoebox, 'Coop', 2_000, { issuedAt: '2025-03-03' });

    await page.getByTestId('nav-expenses').click();
    const rows = page.getByTestId('expense-row');
    await rows.filter({ hasText: 'Shell' }).click();
    await page.keyboard.press('Delete');

    const toast = page.getByTestId('toast').filter({ hasText: 'Deleted 1 expense' });
    await expect(toast).toBeVisible();
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Shell' })).toHaveCount(0);
    expect((await shoebox.invoke('expenses.list', {})).items.map((e) => e.id)).not.toContain(shell.id);

    await toast.getByTestId('toast-action').click();
    await expect(page.getByTestId('toast').filter({ hasText: 'Restored 1 expense' })).toBeVisible();
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: 'Shell' })).toHaveCount(1);
  });

  test('selects with shift-click and acts on all of them from the bulk bar', async ({ page, shoebox }) => {
    for (const [i, vendor] of ['Adobe', 'Apple', 'AMAG', 'AXA'].entries()) {
      await file(shoebox, vendor, 1_000 * (i + 1), { type: 'invoice', issuedAt: `2025-03-0${i + 1}` });
    }
    await page.getByTestId('nav-expenses').click();
    const rows = page.getByTestId('expense-row');
    await rows.nth(0).click();
    await rows.nth(2).click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('selected-count')).toHaveText('3 selected');
    await rows.nth(3).click({ modifiers: ['ControlOrMeta'] });
    await expect(page.getByTestId('selected-count')).toHaveText('4 selected');

    await page.getByTestId('bulk-category').click();
    await page.getByTestId('category-dialog-select').selectOption({ label: 'Software & subscriptions' });
    await page.getByTestId('category-dialog-confirm').click();
    await expect(page.getByTestId('toast').filter({ hasText: 'Categorized 4 expenses' })).toBeVisible();
    await expect(rows.filter({ hasText: 'Software & subscriptions' })).toHaveCount(4);

    await page.getByTestId('bulk-approve').click();
    await expect(page.getByTestId('toast').filter({ hasText: 'Approved 4 expenses' })).toBeVisible();
    await expect(page.getByTestId('status-badge').filter({ hasText: 'Approved' })).toHaveCount(4);
  });
});
