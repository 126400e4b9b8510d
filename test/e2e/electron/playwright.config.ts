import { defineConfig } from '@playwright/test';

/**
 * The Electron end-to-end spec: the built app in a real Electron. Separate from the browser
 * harness config (test/e2e/playwright.config.ts) because it needs no web server and no browser.
 * Run after `npm run build`: `playwright test -c test/e2e/electron/playwright.config.ts`.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  outputDir: '../../../test-results/electron',
});
