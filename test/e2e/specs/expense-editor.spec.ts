import { expect, test } from '../fixtures';

test.describe('the expense editor', () => {
  test('adds a receipt with two VAT rates, totalling it live as it is typed', async ({ page, shoebox }) => {
    await page.getByTestId('nav-expenses').click();
    await page.getByTestId('new-expense').click();
    const editor = page.getByTestId('expense-editor');
    await expect(editor.getByRole('heading', { name: 'New expense' })).toBeVisible();

    await editor.getByTestId('type-receipt').check();
    await editor.getByTestId('vendor-name').fill('Migros');
    await editor.getByTestId('expense-title').fill('Office groceries');
    await editor.getByTestId('payment-method').selectOption('card');

    const rows = editor.getByTestId('position-row');
    await rows.nth(0).getByTestId('position-description').fill('Coffee machine descaler');
    await rows.nth(0).getByTestId('position-amount').fill('100.00');
    await rows.nth(0).getByTestId('position-rate').fill('8.1');
    await expect(editor.getByTestId('totals-gross')).toHaveText('CHF 100.00');
    await expect(editor.getByTestId('totals-tax')).toHaveText('CHF 7.49');

    await editor.getByTestId('add-position').click();
    await rows.nth(1).getByTestId('position-description').fill('Milk and fruit');
    await rows.nth(1).getByTestId('position-amount').fill('50.00');
    await rows.nth(1).getByTestId('position-rate').fill('2.6');
    await expect(rows.nth(1).getByTestId('position-mode')).toHaveValue('inclusive');

    // 100.00 incl. 8.1 % holds 7.49 VAT; 50.00 incl. 2.6 % holds 1.27.
    await expect(editor.getByTestId('totals-net')).toHaveText('CHF 141.24');
    await expect(editor.getByTestId('totals-tax')).toHaveText('CHF 8.76');
    await expect(editor.getByTestId('totals-gross')).toHaveText('CHF 150.00');

    await page.keyboard.press('ControlOrMeta+s');
    await expect(page.getByTestId('toast').filter({ hasText: 'Receipt filed: approved and paid' })).toBeVisible();
    await expect(editor.getByTestId('status-badge')).toHaveText('Approved');
    await expect(editor.getByTestId('payment-badge')).toHaveText('Paid');

    const [saved] = (await shoebox.invoke('expenses.list', { search: 'Migros' })).items;
    expect(saved).toMatchObject({ vendorName: 'Migros', status: 'approved', paymentStatus: 'paid', currency: 'CHF', net: 14_124, tax: 876, gross: 15_000 });
    await expect(page.locator(`[data-testid=expense-row][data-id="${saved!.id}"]`)).toContainText('CHF 150.00');
  });

  test('shows what is wrong next to the field, and keeps the draft', async ({ page }) => {
    await page.getByTestId('nav-expenses').click();
    await page.keyboard.press('n');
    const editor = page.getByTestId('expense-editor');
    await editor.getByTestId('vendor-name').fill('Shell');
    await editor.getByTestId('position-amount').fill('12.345');
    await editor.getByTestId('editor-save').click();

    // Caught before sending: CHF has two decimals.
    await expect(editor.getByTestId('position-amount')).toHaveAttribute('aria-invalid', 'true');
    await expect(editor.getByTestId('field-error')).toContainText('Not an amount in CHF');
    await expect(page.getByTestId('toast').filter({ hasText: 'One field needs fixing' })).toBeVisible();

    // The service's rule: a receipt needs a payment method.
    await editor.getByTestId('position-amount').fill('12.35');
    await editor.getByTestId('editor-save').click();
    await expect(editor.getByTestId('payment-method')).toHaveAttribute('aria-invalid', 'true');
    await expect(editor.getByText('A receipt needs a payment method (it has already been paid)')).toBeVisible();

    await editor.getByTestId('payment-method').selectOption('cash');
    await editor.getByTestId('editor-save').click();
    await expect(page.getByTestId('toast').filter({ hasText: 'Receipt filed' })).toBeVisible();
    await expect(editor.getByTestId('field-error')).toHaveCount(0);
  });

  test('edits send only the change, and a locked expense is read-only', async ({ page, shoebox }) => {
    const invoice = await shoebox.invoke('expenses.create', {
      type: 'invoice',
      issuedAt: '2025-02-01',
      dueAt: '2025-03-01',
      vendor: { name: 'Swisscom' },
      positions: [{ total: 8_990, vatRate: 8.1 }],
    });
    await page.getByTestId('nav-expenses').click();
    await page.locator(`[data-testid=expense-row][data-id="${invoice.id}"]`).dblclick();
    const editor = page.getByTestId('expense-editor');
    await editor.getByTestId('expense-title').fill('Internet, February');
    await editor.getByTestId('editor-save').click();
    await expect(editor.getByText('All changes saved')).toBeVisible();
    expect((await shoebox.invoke('expenses.get', { id: invoice.id })).title).toBe('Internet, February');

    await editor.getByTestId('action-lock').click();
    await expect(editor.getByTestId('locked-notice')).toBeVisible();
    await expect(editor.getByTestId('expense-title')).toBeDisabled();
    await expect(editor.getByTestId('action-approve')).toBeDisabled();
  });
});
