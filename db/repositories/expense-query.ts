import type Database from 'better-sqlite3';
import type { ExpenseFilter } from '../../shared/contract';
import { escapeLike } from './vendors';

/**
 * Listing and totals run on hand-written SQL: they are the hot path (a page must come back in a few
 * milliseconds from a million rows), and every clause here is matched by a partial index on live rows.
 */

export interface ListOptions {
  sort: 'date' | 'amount' | 'vendor' | 'created';
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface ListRow {
  id: string;
  type: 'receipt' | 'invoice';
  status: 'draft' | 'pending_review' | 'approved' | 'rejected';
  title: string;
  vendor_name: string | null;
  issued_at: string;
  due_at: string | null;
  paid_at: string | null;
  currency: string;
  net_minor: number;
  tax_minor: number;
  gross_minor: number;
  category_id: string | null;
  tags: string | null;
  billable: number;
  locked: number;
  exported: number;
  source: 'manual' | 'drop' | 'folder' | 'email' | 'e_invoice';
  is_processing: number;
  has_attachment: number;
  created_at: string;
}

export interface SummaryRow {
  currency: string;
  count: number;
  net: number;
  tax: number;
  gross: number;
}

export const TAG_SEPARATOR = '\u001f';

/** Turns what a person types into an FTS5 query: every word must match, as a prefix. */
export function ftsQuery(search: string): string | null {
  const words = search.match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

function whereClause(filter: ExpenseFilter, today: string): { sql: string; params: unknown[] } {
  const clauses = ['e.deleted_at IS NULL'];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  const inList = (column: string, values: readonly unknown[]) => add(`${column} IN (${values.map(() => '?').join(',')})`, ...values);

  const match = filter.search ? ftsQuery(filter.search) : null;
  if (match) add('e.row_id IN (SELECT rowid FROM expenses_fts WHERE expenses_fts MATCH ?)', match);
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

const SORT_COLUMNS: Record<ListOptions['sort'], string> = {
  date: 'e.issued_at',
  amount: 'e.gross_minor',
  vendor: 'e.vendor_name COLLATE NOCASE',
  created: 'e.created_at',
};

const LIST_COLUMNS = `e.id, e.type, e.status, e.title, e.vendor_name, e.issued_at, e.due_at, e.paid_at, e.currency,
  e.net_minor, e.tax_minor, e.gross_minor, e.category_id, e.billable, e.locked, e.exported, e.source,
  e.is_processing, e.has_attachment, e.created_at,
  (SELECT group_concat(t.name, char(31)) FROM expense_tags et JOIN tags t ON t.id = et.tag_id WHERE et.expense_id = e.id) AS tags`;

/** Statements are prepared once per distinct SQL text and reused. */
const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepareCached(sqlite: Database.Database, text: string): Database.Statement {
  let cache = statementCache.get(sqlite);
  if (!cache) statementCache.set(sqlite, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) {
    stmt = sqlite.prepare(text);
    if (cache.size > 500) cache.clear();
    cache.set(text, stmt);
  }
  return stmt;
}

export function listExpenseRows(sqlite: Database.Database, filter: ExpenseFilter, options: ListOptions, today: string): ListRow[] {
  const where = whereClause(filter, today);
  const dir = options.order === 'asc' ? 'ASC' : 'DESC';
  const text = `SELECT ${LIST_COLUMNS} FROM expenses e WHERE ${where.sql} ORDER BY ${SORT_COLUMNS[options.sort]} ${dir}, e.row_id ${dir} LIMIT ? OFFSET ?`;
  return prepareCached(sqlite, text).all(...where.params, options.limit, options.offset) as ListRow[];
}

export function summarizeExpenseRows(sqlite: Database.Database, filter: ExpenseFilter, today: string): SummaryRow[] {
  const where = whereClause(filter, today);
  const text = `SELECT e.currency AS currency, count(*) AS count, sum(e.net_minor) AS net, sum(e.tax_minor) AS tax, sum(e.gross_minor) AS gross
    FROM expenses e WHERE ${where.sql} GROUP BY e.currency ORDER BY count(*) DESC`;
  return prepareCached(sqlite, text).all(...where.params) as SummaryRow[];
}

export function expenseIds(sqlite: Database.Database, filter: ExpenseFilter, today: string, limit: number): string[] {
  const where = whereClause(filter, today);
  return prepareCached(sqlite, `SELECT e.id FROM expenses e WHERE ${where.sql} LIMIT ?`)
    .pluck()
    .all(...where.params, limit) as string[];
}

/** The query plan of a listing, for the benchmark and for choosing indexes. */
export function explainList(sqlite: Database.Database, filter: ExpenseFilter, options: ListOptions, today: string): string[] {
  const where = whereClause(filter, today);
  const dir = options.order === 'asc' ? 'ASC' : 'DESC';
  const text = `EXPLAIN QUERY PLAN SELECT ${LIST_COLUMNS} FROM expenses e WHERE ${where.sql} ORDER BY ${SORT_COLUMNS[options.sort]} ${dir}, e.row_id ${dir} LIMIT ? OFFSET ?`;
  return (sqlite.prepare(text).all(...where.params, options.limit, options.offset) as { detail: string }[]).map((r) => r.detail);
}
