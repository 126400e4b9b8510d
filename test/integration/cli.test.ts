import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BulkResult, Category, Expense, ExpenseListItem, Output } from '../../shared/contract';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'electron/cli/bin.mjs');
// better-sqlite3 13 needs Node 22; vitest normally runs on it, else the project's own Node is used.
const node = Number(process.versions.node.split('.')[0]) >= 22 ? process.execPath : join(root, 'node_modules/node/bin/node');

const scratch = mkdtempSync(join(tmpdir(), 'shoebox-cli-'));
const dataDir = join(scratch, 'ledger');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI through its bin launcher, as `npx shoebox` does. */
function shoebox(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [bin, ...args], { cwd: root, env: { ...process.env, SHOEBOX_DATA_DIR: dataDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function json<T>(...args: string[]): Promise<T> {
  const run = await shoebox(...args, '--json');
  expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as T;
}

const TABLES = ['expenses', 'expense_positions', 'vendors', 'tags', 'categories', 'activity_log'] as const;

function rowCounts(): Record<string, number> {
  const db = new Database(join(dataDir, 'shoebox.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

// Every step spawns the CLI (about 1 s of CPU each); the timeout leaves room for a busy machine.
describe('shoebox CLI', { timeout: 60_000 }, () => {
  let gifts: Category;
  let invoice: Expense;

  it('lists the default categories and adds a custom one', async () => {
    const list = await shoebox('categories', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^Name\s+Account type\s+Code\s+Expenses\s+Kind\s+Id$/m);
    expect(list.stdout).toMatch(/^Office supplies\s+operating_expense\s+6500\s+0\s+default\s/m);
    expect(list.stdout).toContain('Travel');

    gifts = await json<Category>('categories', 'add', 'Client gifts', '--color', '#1f8a70', '--account-code', '6650');
    expect(gifts).toMatchObject({ name: 'Client gifts', color: '#1f8a70', accountCode: '6650', accountType: 'operating_expense', isDefault: false });
  });

  it('files a receipt with two positions and lists it with totals in minor units', async () => {
    expect((await shoebox('settings', 'set', 'locale', 'en-US')).code).toBe(0);
    const created = await json<Expense>(
      'expenses', 'add', '--type', 'receipt', '--date', '2025-03-14', '--vendor', 'Café Central', '--payment-method', 'card',
      '--position', 'Team lunch:100.00:8.1', '--position', 'Books: used:50.00:2.6:incl', '--category', 'client gifts', '--tag', 'team'
    );
    expect(created.positions.map((p) => [p.description, p.total, p.tax])).toEqual([
      ['Team lunch', 10000, 749],
      ['Books: used', 5000, 127],
    ]);

    const listed = await json<Output<'expenses.list'> & { summary: Output<'expenses.summary'> }>('expenses', 'list');
    expect(listed.hasMore).toBe(false);
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject<Partial<ExpenseListItem>>({
      id: created.id,
      status: 'approved',
      vendorName: 'Café Central',
      currency: 'CHF',
      gross: 15000,
      tax: 876,
      net: 14124,
      categoryId: gifts.id,
      tags: ['team'],
    });
    expect(listed.summary).toEqual({ count: 1, totals: [{ currency: 'CHF', count: 1, net: 14124, tax: 876, gross: 15000 }] });

    const table = await shoebox('expenses', 'list');
    expect(table.code).toBe(0);
    // Intl puts a no-break space between currency and number.
    const text = table.stdout.replaceAll('\u00a0', ' ');
    expect(text).toMatch(/^2025-03-14\s+Café Central\s+Client gifts\s+approved\s+CHF 150\.00\s/m);
    expect(text).toContain('Total CHF 150.00 (net CHF 141.24, VAT CHF 8.76) in 1 expense');
  });

  it('approves an invoice', async () => {
    invoice = await json<Expense>(
      'expenses', 'add', '--type', 'invoice', '--date', '2025-03-01', '--due', '2025-03-31', '--vendor', 'Acme AG',
      '--vendor-iban', 'CH93 0076 2011 6238 5295 7', '--amount', "1'234.50", '--vat', '8.1', '--exclusive', '--currency', 'eur'
    );
    expect(invoice).toMatchObject({ status: 'draft', currency: 'EUR', totals: { net: 123450, tax: 9999, gross: 133449 } });
    expect(invoice.vendor?.iban).toBe('CH9300762011623852957');

    const approve = await shoebox('expenses', 'approve', invoice.id);
    expect(approve).toMatchObject({ code: 0, stderr: '' });
    expect(approve.stdout).toContain(`1 expense approved: ${invoice.id}`);
    expect(await json<Expense>('expenses', 'show', invoice.id)).toMatchObject({ status: 'approved', approvedAt: expect.any(String) });
  });

  it('refuses bad input with the right code and exit status, and writes nothing', async () => {
    const before = rowCounts();
    const invoiceArgs = ['expenses', 'add', '--type', 'invoice', '--date', '2025-04-01'];
    const fileAsDataDir = join(scratch, 'not-a-folder');
    writeFileSync(fileAsDataDir, '');

    const [badIban, badCurrency, badAmount, unknownOption, missing, bulk, brokenDir] = await Promise.all([
      shoebox(...invoiceArgs, '--vendor', 'Bad Bank', '--vendor-iban', 'CH00 0000 0000 0000 0000 0'),
      shoebox(...invoiceArgs, '--currency', 'XYZ', '--amount', '5'),
      shoebox(...invoiceArgs, '--amount', '12,5x', '--json'),
      shoebox('categories', 'add', 'Gifts', '--colour', '#000000'),
      shoebox('expenses', 'show', 'no-such-id'),
      shoebox('expenses', 'approve', invoice.id, 'no-such-id', '--json'),
      shoebox('--data-dir', fileAsDataDir, 'info'),
    ]);

    expect(badIban).toMatchObject({ code: 1, stdout: '' });
    expect(badIban.stderr).toMatch(/^error \[VALIDATION_FAILED\]: /);
    expect(badIban.stderr).toContain('\n  vendor.iban: Not a valid IBAN');

    expect(badCurrency).toMatchObject({ code: 1, stdout: '' });
    expect(badCurrency.stderr).toContain('\n  currency: Not an ISO 4217 currency code');

    expect(badAmount).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(badAmount.stderr)).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('--amount'),
        details: { issues: [{ path: '--amount', message: expect.stringContaining('“12,5x” is not an amount in CHF') }] },
      },
    });

    expect(unknownOption).toMatchObject({ code: 2, stdout: '' });
    expect(unknownOption.stderr).toMatch(/^error \[USAGE\]: unknown option '--colour'/);

    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toBe('error [NOT_FOUND]: Expense no-such-id does not exist\n');

    // Approving an approved invoice again succeeds without change; the unknown id fails the command.
    expect(bulk.code).toBe(1);
    expect(JSON.parse(bulk.stdout)).toEqual<BulkResult>({
      updated: [invoice.id],
      failed: [{ id: 'no-such-id', code: 'NOT_FOUND', message: 'Expense no-such-id does not exist' }],
    });
    expect(JSON.parse(bulk.stderr)).toMatchObject({ error: { code: 'NOT_FOUND', message: '1 of 2 expenses could not be approved' } });

    expect(brokenDir.code).toBe(70);
    expect(brokenDir.stderr).toMatch(/^error \[INTERNAL\]: .*\n {2}cause: /);

    expect(rowCounts()).toEqual(before);
  });

  it('reports where the ledger lives', async () => {
    expect(await json<Output<'app.info'>>('info')).toMatchObject({ dataDir, databasePath: join(dataDir, 'shoebox.sqlite') });
  });
});
