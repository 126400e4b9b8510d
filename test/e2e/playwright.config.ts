import { defineConfig } from '@playwright/test';

const CI = !!process.env.CI;

/**
 * The real renderer in Debian's Chromium, against real services through the loopback harness
 * (test/harness). The Electron spec in test/e2e/electron has its own configuration.
 */
export default defineConfig({
  testDir: 'specs',
  outputDir: '../../test-results/e2e',
  // Every test has its own harness, port and ledger, so tests can run side by side.
  fullyParallel: true,
  workers: 2,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'en-US',
    trace: 'on-first-retry',
    launchOptions: {
      // Playwright cannot download its own browser here; Debian's is installed by .ci/run.
      executablePath: '/usr/bin/chromium',
      // Running as root needs --no-sandbox; the rest keep Chromium off the (closed) network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
