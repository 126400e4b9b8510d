import { expect, test, type Shoebox } from '../fixtures';

const invoice = (shoebox: Shoebox, vendor: string, issuedAt: string) =>
  shoebox.invoke('expenses.create', { type: 'invoice', issuedAt, vendor: { name: vendor }, positions: [{ total: 10_000, vatRate: 8.1 }] });

test.describe('reviewing in the Inbox', () => {
  test('approves and rejects with the keyboard, oldest first', async ({ page, shoebox }) => {
    const first = await invoice(shoebox, 'Treuhand Meier', '2025-01-10');
    const second = await invoice(shoebox, 'Keller & Partner', '2025-01-20');
    const third = await invoice(shoebox, 'Hotel Schweizerhof', '2025-01-30');

    await expect(page.getByTestId('list-count')).toBeVisible();
    await page.keyboard.press('ControlOrMeta+1');
    const rows = page.getByTestId('expense-row');
    await expect(rows).toHaveCount(3);
    await expect(page.getByTestId('inbox-count')).toHaveText('3');

    // J puts the first row in focus; A approves it (a draft is submitted on the way).
    await page.keyboard.press('j');
    await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('a');
    await expect(page.getByTestId('toast').filter({ hasText: 'Approved 1 expense' })).toBeVisible();
    await expect(rows).toHaveCount(2);
    expect((await shoebox.invoke('expenses.get', { id: first.id })).status).toBe('approved');

    // The focus stays in place, on what was the next expense.
    await expect(rows.first()).toContainText('Keller & Partner');
    await page.keyboard.press('r');
    const dialog = page.getByTestId('reason-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('reason-input').fill('The hourly rate is not the one we agreed on');
    await dialog.getByTestId('reason-confirm').click();
    await expect(page.getByTestId('toast').filter({ hasText: 'Rejected 1 expense' })).toBeVisible();
    await expect(rows).toHaveCount(1);
    expect(await shoebox.invoke('expenses.get', { id: second.id })).toMatchObject({
      status: 'rejected',
      rejectReason: 'The hourly rate is not the one we agreed on',
    });

    await page.keyboard.press('Enter');
    await expect(page.getByTestId('expense-editor').getByRole('heading', { name: 'Hotel Schweizerhof' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('expense-editor')).toBeHidden();
    expect((await shoebox.invoke('expenses.get', { id: third.id })).status).toBe('draft');
  });

  test('says so when there is nothing to review', async ({ page }) => {
    await page.getByTestId('nav-inbox').click();
    await expect(page.getByTestId('empty-inbox')).toContainText('Nothing to review');
  });
});
