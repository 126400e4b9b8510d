import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/dispatch';
import { createServices, type Services } from '../../electron/main/services';
import type { ExpenseFilter } from '../../shared/contract';
import { buildModel, createBulkLoader, ExpenseGenerator, insertModelRows, readCategoryIds, type LedgerModel } from '../../test/bench/generate-ledger';
import { randomFilter, randomListInput, randomSearchInput } from '../../test/bench/query-mix';
import { createRng } from '../../test/bench/rng';
import { ftsQuery, listExpenseRows, listTuning, summarizeExpenseRows, summarizeFromExpenses, type ListOptions, type SummaryRow } from './expense-query';
import { escapeLike } from './vendors';

/**
 * The listing and summary SQL is tuned for a million rows (two-step pages, probes that pick the
 * driving index, totals kept by triggers). These tests hold it to the plain definition: the one
 * statement every filter and sort meant before any tuning, run on a small generated ledger.
 */

const NOW = new Date('2026-06-30T17:00:00.000Z');
const TODAY = '2026-06-30';
const ROWS = 3000;

/** The untuned definition of a filter (as the first version of expense-query.ts wrote it). */
function referenceWhere(filter: ExpenseFilter, today: string): { sql: string; params: unknown[] } {
  const clauses = ['e.deleted_at IS NULL'];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  const inList = (column: string, values: readonly unknown[]) => add(`${column} IN (${values.map(() => '?').join(',')})`, ...values);
  const words = filter.search?.match(/[\p{L}\p{N}]+/gu);
  if (words) add('e.row_id IN (SELECT rowid FROM expenses_fts WHERE expenses_fts MATCH ?)', words.map((w) => `"${w}"*`).join(' '));
  if (filter.type) add('e.type = ?', filter.type);
  if (filter.status?.length) inList('e.status', filter.status);
  if (filter.paymentStatus === 'paid') add('e.paid_at IS NOT NULL');
  if (filter.paymentStatus === 'overdue') add('e.paid_at IS NULL AND e.due_at < ?', today);
  if (filter.paymentStatus === 'unpaid') add('e.paid_at IS NULL AND (e.due_at IS NULL OR e.due_at >= ?)', today);
  if (filter.dateFrom) add('e.issued_at >= ?', filter.dateFrom);
  if (filter.dateTo) add('e.issued_at <= ?', filter.dateTo);
  if (filter.categoryIds?.length) {
    const ids = filter.categoryIds.filter((c) => c !== 'none');
    const parts = [...(ids.length ? [`e.category_id IN (${ids.map(() => '?').join(',')})`] : []), ...(ids.length < filter.categoryIds.length ? ['e.category_id IS NULL'] : [])];
    add(parts.length > 1 ? `(${parts.join(' OR ')})` : parts[0]!, ...ids);
  }
  if (filter.vendorId) add('e.vendor_id = ?', filter.vendorId);
  if (filter.vendor) add(`e.vendor_name LIKE ? ESCAPE '\\'`, `%${escapeLike(filter.vendor)}%`);
  if (filter.amountMin !== undefined) add('e.gross_minor >= ?', filter.amountMin);
  if (filter.amountMax !== undefined) add('e.gross_minor <= ?', filter.amountMax);
  if (filter.currency) add('e.currency = ?', filter.currency);
  for (const tag of filter.tags ?? []) {
    add('EXISTS (SELECT 1 FROM expense_tags et JOIN tags t ON t.id = et.tag_id WHERE et.expense_id = e.id AND t.name = ? COLLATE NOCASE)', tag);
  }
  if (filter.billable !== undefined) add('e.billable = ?', filter.billable ? 1 : 0);
  if (filter.locked !== undefined) add('e.locked = ?', filter.locked ? 1 : 0);
  if (filter.exported !== undefined) add('e.exported = ?', filter.exported ? 1 : 0);
  if (filter.source?.length) inList('e.source', filter.source);
  if (filter.hasAttachment !== undefined) add('e.has_attachment = ?', filter.hasAttachment ? 1 : 0);
  return { sql: clauses.join(' AND '), params };
}

const SORT = { date: 'e.issued_at', amount: 'e.gross_minor', vendor: 'e.vendor_name COLLATE NOCASE', created: 'e.created_at' } as const;

function referenceList(sqlite: Database.Database, filter: ExpenseFilter, options: ListOptions) {
  const where = referenceWhere(filter, TODAY);
  const dir = options.order === 'asc' ? 'ASC' : 'DESC';
  const sql = `SELECT e.id, e.type, e.status, e.title, e.vendor_name, e.issued_at, e.due_at, e.paid_at, e.currency,
    e.net_minor, e.tax_minor, e.gross_minor, e.category_id, e.billable, e.locked, e.exported, e.source,
    e.is_processing, e.has_attachment, e.created_at,
    (SELECT group_concat(t.name, char(31)) FROM expense_tags et JOIN tags t ON t.id = et.tag_id WHERE et.expense_id = e.id) AS tags
    FROM expenses e WHERE ${where.sql} ORDER BY ${SORT[options.sort]} ${dir}, e.row_id ${dir} LIMIT ? OFFSET ?`;
  return sqlite.prepare(sql).all(...where.params, options.limit, options.offset) as Array<{ tags: string | null }>;
}

function referenceSummary(sqlite: Database.Database, filter: ExpenseFilter): SummaryRow[] {
  const where = referenceWhere(filter, TODAY);
  return sqlite
    .prepare(
      `SELECT e.currency AS currency, count(*) AS count, sum(e.net_minor) AS net, sum(e.tax_minor) AS tax, sum(e.gross_minor) AS gross
       FROM expenses e WHERE ${where.sql} GROUP BY e.currency ORDER BY count(*) DESC`
    )
    .all(...where.params) as SummaryRow[];
}

/** Tag order inside group_concat is unspecified (the app sorts them); compare as sorted lists. */
function normalizeTags<T extends { tags: string | null }>(rows: T[]): T[] {
  return rows.map((r) => ({ ...r, tags: r.tags ? r.tags.split('\u001f').sort().join('\u001f') : null }));
}

function byCurrency(rows: SummaryRow[]): SummaryRow[] {
  return [...rows].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Filters the totals table can answer alone: no search, dates, vendor, amounts, tags or unpaid/overdue. */
function totalsOnlyFilter(rng: ReturnType<typeof createRng>, model: LedgerModel): ExpenseFilter {
  const f: ExpenseFilter = {};
  const categories = [...model.categoryIds.values()];
  if (rng.chance(0.3)) f.type = rng.pick(['receipt', 'invoice'] as const);
  if (rng.chance(0.3)) f.status = [rng.pick(['draft', 'pending_review', 'approved', 'rejected'] as const)];
  if (rng.chance(0.2)) f.paymentStatus = 'paid';
  if (rng.chance(0.3)) f.categoryIds = rng.chance(0.3) ? ['none', rng.pick(categories)] : [rng.pick(categories)];
  if (rng.chance(0.2)) f.currency = rng.pick(['CHF', 'EUR', 'USD', 'GBP']);
  if (rng.chance(0.15)) f.billable = rng.chance(0.5);
  if (rng.chance(0.15)) f.locked = rng.chance(0.5);
  if (rng.chance(0.15)) f.exported = rng.chance(0.5);
  if (rng.chance(0.15)) f.hasAttachment = rng.chance(0.5);
  if (rng.chance(0.15)) f.source = [rng.pick(['manual', 'drop', 'folder', 'email', 'e_invoice'] as const)];
  return f;
}

describe('expense listing and summary queries', () => {
  let dir: string;
  let services: Services;
  let sqlite: Database.Database;
  let model: LedgerModel;
  const defaults = { ...listTuning };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shoebox-query-test-'));
    services = createServices({ dataDir: dir, now: () => NOW });
    sqlite = services.context.sqlite;
    model = buildModel({ seed: 7, vendors: 60, categoryIds: readCategoryIds(sqlite), today: TODAY });
    insertModelRows(sqlite, model, NOW.toISOString());
    createBulkLoader(sqlite).insertFrom(new ExpenseGenerator(model, ROWS, { seed: 8 }), ROWS);
    sqlite.exec('ANALYZE');
  });

  beforeAll(async () => {
    // Rows whose date is far from where their rowid sits: old expenses re-dated to last week, and
    // old receipts entered today. Shortcuts that assume rowid order follows date order must notice.
    const call = (name: string, input: unknown) => dispatch(services.handlers, name, input);
    const oldest = (sqlite.prepare('SELECT id FROM expenses WHERE deleted_at IS NULL ORDER BY row_id LIMIT 40').all() as Array<{ id: string }>).map((r) => r.id);
    await call('expenses.setFlags', { ids: oldest, locked: false });
    for (const [i, id] of oldest.entries()) await call('expenses.update', { id, patch: { issuedAt: `2026-06-${String(10 + (i % 19)).padStart(2, '0')}`, dueAt: null } });
    for (let i = 0; i < 40; i++) {
      const vendor = model.vendors[i % 8]!;
      await call('expenses.create', {
        type: 'receipt',
        title: `${vendor.name} Kaffee`,
        vendor: { name: vendor.name },
        issuedAt: `2021-${String(8 + (i % 4)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        paymentMethod: 'card',
        positions: [{ total: 500 + i * 37, vatRate: 8.1 }],
      });
    }
  });

  afterEach(() => Object.assign(listTuning, defaults));

  afterAll(() => {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const listCases = (seed: number, count: number) => {
    const rng = createRng(seed);
    return Array.from({ length: count }, (_, i) => (i % 3 === 2 ? randomSearchInput(rng, model) : randomListInput(rng, model)));
  };

  it.each([
    ['with the default thresholds', {}],
    // Thresholds this small make every probe answer "large", so the walking and filtering plans run too.
    // Small search windows miss rows of back-dated receipts, which the window check must catch.
    ['with tiny thresholds', { driveLimit: 3, walkLimit: 20, searchWindow: 60 }],
    // And walks this short mostly end before a full page, so the fallback answers.
    ['with tiny thresholds and short walks', { driveLimit: 3, walkLimit: 20, walkPerRow: 1, walkMin: 30, walkMax: 120, searchWindow: 15 }],
  ])('returns the same page as the plain query %s', (_name, tuning: Partial<typeof listTuning>) => {
    Object.assign(listTuning, tuning);
    let nonEmpty = 0;
    for (const [i, { label, input }] of listCases(11 + (tuning.walkMax ?? 0) + (tuning.driveLimit ?? 0), 400).entries()) {
      const { sort = 'date', order = 'desc', offset = 0, limit = 50, ...filter } = input;
      // Short pages too, so that small search windows and walks can fill them.
      const options: ListOptions = i % 2 ? { sort, order, offset: offset % 100, limit } : { sort, order, offset: offset % 30, limit: 5 + (i % 25) };
      const actual = listExpenseRows(sqlite, filter, options, TODAY);
      const expected = referenceList(sqlite, filter, options);
      expect(normalizeTags(actual), label).toEqual(normalizeTags(expected));
      if (expected.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(200);
  });

  it('pages through a filtered list without gaps or repeats', async () => {
    const category = [...model.categoryIds.values()][0]!;
    const seen: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = (await dispatch(services.handlers, 'expenses.list', { categoryIds: [category], sort: 'vendor', order: 'asc', offset, limit: 100 })) as {
        items: Array<{ id: string }>;
        hasMore: boolean;
      };
      seen.push(...page.items.map((i) => i.id));
      if (!page.hasMore) break;
    }
    const expected = referenceList(sqlite, { categoryIds: [category] }, { sort: 'vendor', order: 'asc', offset: 0, limit: 100_000 }) as unknown as Array<{ id: string }>;
    expect(seen).toEqual(expected.map((r) => r.id));
  });

  it('summarizes like the plain aggregate, through the totals table and without it', () => {
    const rng = createRng(21);
    for (let i = 0; i < 300; i++) {
      const filter = i % 2 === 0 ? totalsOnlyFilter(rng, model) : randomFilter(rng, model).filter;
      const expected = referenceSummary(sqlite, filter);
      const actual = summarizeExpenseRows(sqlite, filter, TODAY);
      expect(byCurrency(actual), JSON.stringify(filter)).toEqual(byCurrency(expected));
      expect(actual.map((r) => r.count)).toEqual([...actual.map((r) => r.count)].sort((a, b) => b - a));
      expect(byCurrency(summarizeFromExpenses(sqlite, filter, TODAY))).toEqual(byCurrency(expected));
    }
  });

  it('keeps the totals table exact through edits, workflow moves, trash, restore and purge', async () => {
    const call = (name: string, input: unknown) => dispatch(services.handlers, name, input);
    const ids = (sqlite.prepare('SELECT id FROM expenses WHERE deleted_at IS NULL ORDER BY row_id LIMIT 120').all() as Array<{ id: string }>).map((r) => r.id);
    const [a, b, c, d] = [ids.slice(0, 30), ids.slice(30, 60), ids.slice(60, 90), ids.slice(90, 120)];
    const categories = [...model.categoryIds.values()];

    await call('expenses.setFlags', { ids, locked: false });
    await call('expenses.setStatus', { ids: a, status: 'pending_review' });
    await call('expenses.setStatus', { ids: a.slice(0, 10), status: 'rejected', reason: 'Private' });
    await call('expenses.setCategory', { ids: b, categoryId: categories[3] });
    await call('expenses.setCategory', { ids: b.slice(0, 10), categoryId: null });
    await call('expenses.setFlags', { ids: c, billable: true, exported: true });
    await call('expenses.markPaid', { id: c[0], paidAt: null });
    await call('expenses.markPaid', { id: c[1], paidAt: '2026-06-01' });
    await call('expenses.update', { id: d[0], patch: { currency: 'USD', positions: [{ total: 12345, vatRate: 8.1 }] } });
    await call('expenses.update', { id: d[1], patch: { title: 'Renamed', positions: [{ total: 100, vatRate: 19, mode: 'exclusive' }, { total: 250, vatRate: 0 }] } });
    await call('expenses.create', { type: 'invoice', issuedAt: '2026-06-20', currency: 'GBP', positions: [{ total: 9900, vatRate: 20 }], source: 'email' });
    await call('expenses.create', { type: 'receipt', issuedAt: '2026-06-21', paymentMethod: 'cash', positions: [{ total: 450, vatRate: 2.6 }] });
    await call('expenses.delete', { ids: d.slice(2, 20) });
    await call('expenses.restore', { ids: d.slice(2, 8) });
    await call('categories.delete', { id: categories[3], reassignTo: categories[4] }).catch(() => undefined);

    const recomputed = sqlite
      .prepare(
        `SELECT currency, status, type, ifnull(category_id, '') AS category_key, source, billable, locked, exported, has_attachment,
           paid_at IS NOT NULL AS paid, count(*) AS count, sum(net_minor) AS net_minor, sum(tax_minor) AS tax_minor, sum(gross_minor) AS gross_minor
         FROM expenses WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`
      )
      .all();
    const stored = sqlite.prepare('SELECT * FROM expense_totals WHERE count <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10').all();
    expect(stored).toEqual(recomputed);
    expect(sqlite.prepare('SELECT count(*) AS n FROM expense_totals WHERE count = 0 AND (net_minor <> 0 OR tax_minor <> 0 OR gross_minor <> 0)').get()).toEqual({ n: 0 });

    // Purging the trash deletes rows that no longer count: the totals stay as they are.
    sqlite.prepare("UPDATE expenses SET deleted_at = '2020-01-01T00:00:00.000Z' WHERE deleted_at IS NOT NULL").run();
    const before = sqlite.prepare('SELECT * FROM expense_totals ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10').all();
    sqlite.prepare('DELETE FROM expenses WHERE deleted_at IS NOT NULL').run();
    expect(sqlite.prepare('SELECT * FROM expense_totals ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10').all()).toEqual(before);

    const rng = createRng(5);
    for (let i = 0; i < 100; i++) {
      const filter = totalsOnlyFilter(rng, model);
      expect(byCurrency(summarizeExpenseRows(sqlite, filter, TODAY)), JSON.stringify(filter)).toEqual(byCurrency(referenceSummary(sqlite, filter)));
    }
  });
});

describe('ftsQuery', () => {
  it('matches every word, the last part of each as a prefix', () => {
    expect(ftsQuery('migros zür')).toBe('"migros"* "zür"*');
    expect(ftsQuery('  ')).toBeNull();
    expect(ftsQuery('"); DROP TABLE expenses; --')).toBe('"DROP"* "TABLE"* "expenses"*');
  });

  it('keeps a split word together as a phrase and never asks for a one-letter prefix', () => {
    expect(ftsQuery('McDonald’s')).toBe('"McDonald s"');
    expect(ftsQuery('e-mail 3.5')).toBe('"e mail"* "3 5"');
    expect(ftsQuery('a')).toBe('"a"');
  });
});
