import defaults from '../../../resources/default-categories.json' with { type: 'json' };
import { expect, test } from '../fixtures';

test('the app opens on its navigation', async ({ page }) => {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button')).toHaveText([/Inbox/, /Expenses/, /Categories/, /Settings/]);
});

test('the page reaches the services through window.shoebox', async ({ page }) => {
  const result = await page.evaluate(() => window.shoebox.invoke('categories.list', {}));
  expect(result.ok).toBe(true);
  const categories = (result.ok ? result.data : []) as { name: string; isDefault: boolean }[];
  expect(categories.map((c) => c.name).sort()).toEqual(defaults.map((d) => d.name).sort());
  expect(categories.every((c) => c.isDefault)).toBe(true);
});
