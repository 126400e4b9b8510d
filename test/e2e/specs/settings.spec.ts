import { expect, test } from '../fixtures';

test.describe('settings', () => {
  test('theme, default currency and locale apply at once and are saved', async ({ page, shoebox, harness }) => {
    await expect(page.getByTestId('list-count')).toBeVisible();
    await page.keyboard.press('ControlOrMeta+4');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(page.getByTestId('about-data-dir')).toHaveText(harness.services.dataDir);

    await page.getByTestId('theme-dark').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByTestId('theme-system').click();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');

    await page.getByTestId('setting-currency').selectOption('EUR');
    await page.getByTestId('setting-locale').fill('de-CH');
    await page.getByTestId('setting-locale').press('Enter');
    await expect(page.getByTestId('settings-state')).toHaveText('Saved');
    await expect.poll(async () => (await shoebox.invoke('settings.get', {})).locale).toBe('de-CH');
    expect(await shoebox.invoke('settings.get', {})).toMatchObject({ defaultCurrency: 'EUR', theme: 'system' });

    await page.getByTestId('nav-expenses').click();
    await page.keyboard.press('n');
    await expect(page.getByTestId('currency')).toHaveValue('EUR');
    await page.getByTestId('position-amount').fill('1234.5');
    // Swiss grouping; whether the sign reads € or EUR depends on the browser's locale data.
    await expect(page.getByTestId('totals-gross')).toHaveText(/^(€|EUR)\s1[’']234\.50$/);
  });

  test('an invalid locale is refused next to the field', async ({ page }) => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('setting-locale').fill('not a locale');
    await page.getByTestId('setting-locale').press('Enter');
    await expect(page.getByTestId('setting-locale')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Expected a locale like de-CH').first()).toBeVisible();
  });
});
