import { expect, test } from '../fixtures';

test.describe('categories', () => {
  test('creates a category with a color and an account type', async ({ page, shoebox }) => {
    await expect(page.getByTestId('list-count')).toBeVisible();
    await page.keyboard.press('ControlOrMeta+3');
    await expect(page.getByRole('heading', { name: 'Categories', level: 1 })).toBeVisible();

    await page.getByTestId('new-category-name').fill('Coworking space');
    await page.getByTestId('new-category-type').selectOption('operating_expense');
    await page.getByTestId('new-category-submit').click();

    await expect(page.getByTestId('toast').filter({ hasText: 'Added “Coworking space”' })).toBeVisible();
    const row = page.locator('[data-testid=category-row][data-name="Coworking space"]');
    await expect(row).toBeVisible();
    await expect(row.getByTestId('category-count')).toHaveText('0');
    await expect(page.getByTestId('new-category-name')).toHaveValue('');

    const created = (await shoebox.invoke('categories.list', {})).find((c) => c.name === 'Coworking space');
    expect(created).toMatchObject({ accountType: 'operating_expense', isDefault: false });
    expect(created?.color).toMatch(/^#[0-9a-f]{6}$/i);
  });

  test('a taken name is reported next to the name field', async ({ page }) => {
    await page.getByTestId('nav-categories').click();
    await page.getByTestId('new-category-name').fill('Travel');
    await page.getByTestId('new-category-submit').click();
    await expect(page.getByTestId('field-error')).toBeVisible();
    await expect(page.getByTestId('new-category-name')).toHaveAttribute('aria-invalid', 'true');
  });

  test('deleting a category in use explains why and moves its expenses first', async ({ page, shoebox }) => {
    const coworking = await shoebox.invoke('categories.create', { name: 'Coworking', color: '#1f8a70' });
    const travel = (await shoebox.invoke('categories.list', {})).find((c) => c.name === 'Travel')!;
    const expense = await shoebox.invoke('expenses.create', {
      type: 'receipt',
      issuedAt: '2025-03-03',
      paymentMethod: 'card',
      vendor: { name: 'Impact Hub' },
      positions: [{ total: 25_000, vatRate: 8.1 }],
      categoryId: coworking.id,
    });

    await page.getByTestId('nav-categories').click();
    const row = page.locator('[data-testid=category-row][data-name="Coworking"]');
    await expect(row.getByTestId('category-count')).toHaveText('1');
    await row.getByRole('button', { name: 'Delete Coworking' }).click();

    const dialog = page.getByTestId('reassign-dialog');
    await expect(dialog).toBeVisible();
    // The service's CATEGORY_IN_USE message, as it was sent.
    await expect(dialog.getByTestId('reassign-reason')).toHaveText('“Coworking” is used by 1 expense. Choose a category to move them to first.');
    await expect(dialog.getByTestId('reassign-confirm')).toBeDisabled();

    await dialog.getByTestId('reassign-select').selectOption({ label: 'Travel' });
    await dialog.getByTestId('reassign-confirm').click();

    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('toast').filter({ hasText: 'Deleted “Coworking” and moved 1 expense to “Travel”' })).toBeVisible();
    await expect(row).toHaveCount(0);
    expect((await shoebox.invoke('expenses.get', { id: expense.id })).categoryId).toBe(travel.id);
  });
});
