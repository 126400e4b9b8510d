import { test as base, expect } from '@playwright/test';
import { dispatch } from '../../electron/main/dispatch';
import type { Input, Output, ProcedureName } from '../../shared/contract';
import { BRIDGE_FILE, startHarness, type Harness } from '../harness/server';

export interface Shoebox {
  /**
   * Calls a procedure on the test's own services, validated against the contract as the app
   * does; answers the output, or rejects with the service's AppError (`code`, `message`, `details`).
   */
  invoke<K extends ProcedureName>(name: K, input: Input<K>): Promise<Output<K>>;
}

interface Fixtures {
  /** A fresh harness per test: own temp ledger, own port; closed after the test. */
  harness: Harness;
  /** For arranging data and checking results without going through the UI. */
  shoebox: Shoebox;
  /**
   * Page errors and console errors (CSP violations and failed loads included) matching one of
   * these do not fail the test. `test.use({ allowedPageErrors: [/./] })` opts out altogether.
   */
  allowedPageErrors: RegExp[];
  /** What the page has reported so far, as "pageerror: ..." and "console: ..." lines (the check runs after the test). */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  allowedPageErrors: [[], { option: true }],

  harness: async ({}, use) => {
    const harness = await startHarness();
    await use(harness);
    await harness.close();
  },

  shoebox: async ({ harness }, use) => {
    await use({ invoke: (name, input) => dispatch(harness.services.handlers, name, input) as never });
  },

  baseURL: async ({ harness }, use) => {
    await use(harness.url);
  },

  pageErrors: async ({}, use) => {
    await use([]);
  },

  page: async ({ page, harness, pageErrors, allowedPageErrors }, use) => {
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()} (${message.location().url || 'no location'})`);
    });
    await page.addInitScript({ path: BRIDGE_FILE });
    await page.goto('/');
    // The bridge subscribes at once; waiting for it means no event the test causes can be missed.
    await expect.poll(() => harness.openEventStreams(), { message: 'the page subscribes to service events' }).toBeGreaterThan(0);
    await use(page);
    const unexpected = pageErrors.filter((e) => !allowedPageErrors.some((allowed) => allowed.test(e)));
    if (unexpected.length > 0) throw new Error(`The page reported ${unexpected.length} error(s):\n${unexpected.join('\n')}`);
  },
});

export { expect };
