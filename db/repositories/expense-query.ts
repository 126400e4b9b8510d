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

/**
 * Turns what a person types into an FTS5 query: every word must match, the last part of each word as
 * a prefix. Words the tokenizer splits ("McDonald’s", "e-mail", "3.5") become phrases, and a
 * one-letter part is matched exactly: a one-letter prefix ("s"*) reads a large share of the index.
 */
export function ftsQuery(search: string): string | null {
  const terms = search
    .split(/\s+/)
    .map((chunk) => chunk.match(/[\p{L}\p{N}]+/gu))
    .filter((parts): parts is RegExpMatchArray => parts !== null)
    .map((parts) => {
      const last = parts[parts.length - 1]!;
      return `"${parts.join(' ')}"${last.length > 1 ? '*' : ''}`;
    });
  return terms.length > 0 ? terms.join(' ') : null;
}

/**
 * A full-text or tag condition is a set of rows. When the set is small it should drive the query
 * (look its rows up, then sort them); when it is large the sorted index walk should drive and the set
 * only filter. SQLite cannot estimate either set, so we probe: count up to listTuning.driveLimit members.
 */
export const listTuning = {
  /** Matches at which a full-text or tag set stops driving the query and only filters it. */
  driveLimit: 2000,
  /**
   * Rows an indexed condition must match before walking the sort index beats driving by it: walking
   * reads about (offset + limit) / selectivity rows, driving reads and sorts every match; with a page
   * of 250 rows in a million the two meet near sqrt(250 * 1,000,000) = 16,000.
   */
  walkLimit: 16_000,
  /** Index entries a walk may read: this many per row of offset + limit, within the bounds. */
  walkPerRow: 20,
  walkMin: 2_000,
  walkMax: 20_000,
  /** Matches of a large full-text set, newest (or oldest) by rowid, that a date or created sort tries first. */
  searchWindow: 2_000,
};

type SetSize = 'small' | 'large';

function probeSize(sqlite: Database.Database, sql: string, value: string): SetSize {
  const limit = listTuning.driveLimit;
  const row = prepareCached(sqlite, `SELECT count(*) AS n FROM (${sql} LIMIT ${limit})`).get(value) as { n: number };
  return row.n >= limit ? 'large' : 'small';
}

const FTS_ROWS = 'SELECT rowid FROM expenses_fts WHERE expenses_fts MATCH ?';
/** The row_ids of the expenses linked to a tag of that name (as row_ids, so that summaries can stay on an index). */
const TAG_ROWS =
  'SELECT x.row_id FROM expense_tags et JOIN tags t ON t.id = et.tag_id JOIN expenses x ON x.id = et.expense_id WHERE t.name = ? COLLATE NOCASE';

interface WhereOptions {
  /** Probe the ledger to plan: vendor names (listing and summaries). */
  sqlite?: Database.Database;
  /**
   * Also probe full-text and tag set sizes (listing: a page needs few rows, so a large set should
   * only filter the sorted walk; a summary needs every match, so its sets always drive).
   */
  probeSets?: boolean;
  /** A large full-text set becomes its first (or last) `size` matches by rowid: see searchWindowPage. */
  searchWindow?: { order: 'ASC' | 'DESC'; size: number };
  /** Leave the full-text condition out (the check that a search window missed nothing). */
  omitSearch?: boolean;
}

/**
 * The vendor names of live expenses that match a LIKE pattern, one per case-insensitive spelling,
 * found by hopping through expenses_vendor_name (a few hundred index seeks) instead of testing the
 * pattern on every row. "vendor_name COLLATE NOCASE IN (names)" then selects exactly the rows
 * "vendor_name LIKE pattern" does: LIKE and NOCASE both fold ASCII letters only, so names that are
 * equal under NOCASE either all match the pattern or none does.
 */
function vendorNamesLike(sqlite: Database.Database, pattern: string): string[] {
  const sql = `WITH RECURSIVE names(name) AS (
      SELECT (SELECT e.vendor_name FROM expenses e WHERE e.deleted_at IS NULL AND e.vendor_name IS NOT NULL ORDER BY e.vendor_name COLLATE NOCASE LIMIT 1)
      UNION ALL
      SELECT (SELECT e.vendor_name FROM expenses e WHERE e.deleted_at IS NULL AND e.vendor_name COLLATE NOCASE > names.name ORDER BY e.vendor_name COLLATE NOCASE LIMIT 1)
      FROM names WHERE names.name IS NOT NULL
    )
    SELECT name FROM names WHERE name LIKE ? ESCAPE '\\'`;
  return (prepareCached(sqlite, sql).all(pattern) as Array<{ name: string }>).map((r) => r.name);
}

/** A condition an index can serve; `ordered` names the sort it can also deliver in order. */
interface IndexedTerm {
  kind: 'search' | 'tag' | 'status' | 'payment' | 'date' | 'category' | 'vendorId' | 'vendor' | 'amount';
  sql: string;
  params: unknown[];
  ordered?: ListOptions['sort'];
  /** A full-text or tag set already known to be small: it drives the query. */
  small?: boolean;
}

interface Where {
  sql: string;
  params: unknown[];
  /** The conditions after the first (which is always "e.deleted_at IS NULL"). */
  filterSql: string;
  indexed: IndexedTerm[];
  /** The full-text condition was narrowed to a window of its matches. */
  windowed: boolean;
}

function whereClause(filter: ExpenseFilter, today: string, options: WhereOptions = {}): Where {
  const clauses = ['e.deleted_at IS NULL'];
  const params: unknown[] = [];
  const indexed: IndexedTerm[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  const addIndexed = (term: IndexedTerm) => {
    indexed.push(term);
    add(term.sql, ...term.params);
  };
  const inList = (column: string, values: readonly unknown[]) => add(`${column} IN (${values.map(() => '?').join(',')})`, ...values);
  // A unary + keeps SQLite from driving the query by a large set; it is then a hash-set filter.
  let windowed = false;
  const set = (kind: 'search' | 'tag', column: string, sql: string, value: string) => {
    const size = options.sqlite && options.probeSets ? probeSize(options.sqlite, sql, value) : undefined;
    if (size === 'large' && kind === 'search' && options.searchWindow) {
      const { order, size: rows } = options.searchWindow;
      windowed = true;
      addIndexed({ kind, sql: `${column} IN (${sql} ORDER BY rowid ${order} LIMIT ${rows})`, params: [value], small: true });
    } else if (size === 'large') add(`+${column} IN (${sql})`, value);
    else addIndexed({ kind, sql: `${column} IN (${sql})`, params: [value], small: size === 'small' });
  };

  const match = filter.search ? ftsQuery(filter.search) : null;
  if (match && !options.omitSearch) set('search', 'e.row_id', FTS_ROWS, match);
  if (filter.type) add('e.type = ?', filter.type);
  if (filter.status?.length) {
    addIndexed({ kind: 'status', sql: `e.status IN (${filter.status.map(() => '?').join(',')})`, params: filter.status, ordered: filter.status.length === 1 ? 'date' : undefined });
  }
  if (filter.paymentStatus === 'paid') add('e.paid_at IS NOT NULL');
  if (filter.paymentStatus === 'overdue') addIndexed({ kind: 'payment', sql: 'e.paid_at IS NULL AND e.due_at < ?', params: [today] });
  if (filter.paymentStatus === 'unpaid') addIndexed({ kind: 'payment', sql: 'e.paid_at IS NULL AND (e.due_at IS NULL OR e.due_at >= ?)', params: [today] });
  if (filter.dateFrom || filter.dateTo) {
    const parts = [...(filter.dateFrom ? ['e.issued_at >= ?'] : []), ...(filter.dateTo ? ['e.issued_at <= ?'] : [])];
    addIndexed({ kind: 'date', sql: parts.join(' AND '), params: [filter.dateFrom, filter.dateTo].filter((d) => d !== undefined), ordered: 'date' });
  }
  if (filter.categoryIds?.length) {
    const ids = filter.categoryIds.filter((c) => c !== 'none');
    const parts = [...(ids.length ? [`e.category_id IN (${ids.map(() => '?').join(',')})`] : []), ...(ids.length < filter.categoryIds.length ? ['e.category_id IS NULL'] : [])];
    addIndexed({ kind: 'category', sql: parts.length > 1 ? `(${parts.join(' OR ')})` : parts[0]!, params: ids, ordered: filter.categoryIds.length === 1 ? 'date' : undefined });
  }
  if (filter.vendorId) addIndexed({ kind: 'vendorId', sql: 'e.vendor_id = ?', params: [filter.vendorId], ordered: 'date' });
  if (filter.vendor) {
    const pattern = `%${escapeLike(filter.vendor)}%`;
    if (!options.sqlite) add(`e.vendor_name LIKE ? ESCAPE '\\'`, pattern);
    else {
      const names = vendorNamesLike(options.sqlite, pattern);
      if (names.length === 0) add('0');
      else addIndexed({ kind: 'vendor', sql: `e.vendor_name COLLATE NOCASE IN (${names.map(() => '?').join(',')})`, params: names, ordered: names.length === 1 ? 'vendor' : undefined });
    }
  }
  if (filter.amountMin !== undefined || filter.amountMax !== undefined) {
    const parts = [...(filter.amountMin !== undefined ? ['e.gross_minor >= ?'] : []), ...(filter.amountMax !== undefined ? ['e.gross_minor <= ?'] : [])];
    addIndexed({ kind: 'amount', sql: parts.join(' AND '), params: [filter.amountMin, filter.amountMax].filter((a) => a !== undefined), ordered: 'amount' });
  }
  if (filter.currency) add('e.currency = ?', filter.currency);
  // Same rows as EXISTS (a link to a tag of that name), written as a set so it can drive or filter.
  for (const tag of filter.tags ?? []) set('tag', 'e.row_id', TAG_ROWS, tag);
  if (filter.billable !== undefined) add('e.billable = ?', filter.billable ? 1 : 0);
  if (filter.locked !== undefined) add('e.locked = ?', filter.locked ? 1 : 0);
  if (filter.exported !== undefined) add('e.exported = ?', filter.exported ? 1 : 0);
  if (filter.source?.length) inList('e.source', filter.source);
  if (filter.hasAttachment !== undefined) add('e.has_attachment = ?', filter.hasAttachment ? 1 : 0);
  return { sql: clauses.join(' AND '), params, filterSql: clauses.slice(1).join(' AND ') || '1', indexed, windowed };
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

/** The partial index on live rows that delivers each sort order. */
const SORT_INDEXES: Record<ListOptions['sort'], string> = {
  date: 'expenses_issued',
  amount: 'expenses_gross',
  vendor: 'expenses_vendor_name',
  created: 'expenses_created',
};

/** Sort orders that follow a condition's column closely: walking them to find its rows reads far too much. */
const CORRELATED: Partial<Record<IndexedTerm['kind'], ListOptions['sort']>> = { date: 'created', vendorId: 'vendor' };

/**
 * Whether to try the page by walking the sort order's index and filtering as it goes.
 * SQLite prices a walk as if it read the whole index, not the few hundred entries a LIMIT needs, so
 * given "status = 'approved'" (nine rows in ten) it sorts 900,000 rows instead of walking until it
 * has 50. We walk when the one indexed condition matches at least listTuning.walkLimit rows, unless
 * an index serves the condition and the order at once, or the order follows the condition's column
 * (rows of last March are not spread evenly along created_at). With two or more indexed conditions
 * their intersection is usually small and SQLite's own choice of the most selective index stands.
 */
function shouldWalk(sqlite: Database.Database, where: Where, options: ListOptions): boolean {
  if (where.indexed.length !== 1) return false;
  const term = where.indexed[0]!;
  if (term.small || term.ordered === options.sort || CORRELATED[term.kind] === options.sort) return false;
  const limit = listTuning.walkLimit;
  const probe = `SELECT count(*) AS n FROM (SELECT 1 FROM expenses e WHERE e.deleted_at IS NULL AND ${term.sql} LIMIT ${limit})`;
  return (prepareCached(sqlite, probe).get(...term.params) as { n: number }).n >= limit;
}

interface Statement {
  sql: string;
  params: unknown[];
}

interface ListPlan {
  /**
   * A walk along the sort index that reads at most `walkCap` entries. Rows come in sort order, so
   * if it finds a full page that page is exact; if not (few matches, or matches that sit late in
   * the order: Migros' receipts are small, and sorting by amount from the top finds them last),
   * `direct` answers instead.
   */
  walk?: Statement;
  /** A search by date or creation tried on a window of its matches; see searchWindowPage. */
  window?: Statement;
  /** Two steps: the inner query picks the page's row_ids, the outer reads columns and tags for them. */
  direct(): Statement;
}

function walkCap(options: ListOptions): number {
  return Math.min(listTuning.walkMax, Math.max(listTuning.walkMin, listTuning.walkPerRow * (options.offset + options.limit)));
}

function pageSql(options: ListOptions, inner: string): string {
  const dir = options.order === 'asc' ? 'ASC' : 'DESC';
  return `SELECT ${LIST_COLUMNS} FROM (${inner}) AS page JOIN expenses e ON e.row_id = page.row_id ORDER BY ${SORT_COLUMNS[options.sort]} ${dir}, e.row_id ${dir}`;
}

function directStatement(where: Where, options: ListOptions): Statement {
  const dir = options.order === 'asc' ? 'ASC' : 'DESC';
  const order = `${SORT_COLUMNS[options.sort]} ${dir}, e.row_id ${dir}`;
  // A small full-text or tag set drives: its row_ids are looked up in expenses_amounts, which holds
  // every sort key, rather than in the table (SQLite picks the table for lookups by rowid).
  const from = where.indexed.some((t) => t.small) ? 'expenses e INDEXED BY expenses_amounts' : 'expenses e';
  return {
    sql: pageSql(options, `SELECT e.row_id FROM ${from} WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`),
    params: [...where.params, options.limit, options.offset],
  };
}

function listPlan(sqlite: Database.Database, filter: ExpenseFilter, options: ListOptions, today: string): ListPlan {
  const dir = options.order === 'asc' ? 'ASC' : 'DESC';
  const byTime = options.sort === 'date' || options.sort === 'created';
  const where = whereClause(filter, today, { sqlite, probeSets: true, searchWindow: byTime ? { order: dir, size: listTuning.searchWindow } : undefined });
  if (where.windowed) {
    return { window: directStatement(where, options), direct: () => directStatement(whereClause(filter, today, { sqlite, probeSets: true }), options) };
  }
  const direct = directStatement(where, options);
  if (!shouldWalk(sqlite, where, options)) return { direct: () => direct };
  const order = `${SORT_COLUMNS[options.sort]} ${dir}, e.row_id ${dir}`;
  const collate = options.sort === 'vendor' ? ' COLLATE NOCASE' : '';
  const walked = `SELECT e.row_id AS row_id, ${SORT_COLUMNS[options.sort]} AS k, (${where.filterSql}) AS ok
    FROM expenses e INDEXED BY ${SORT_INDEXES[options.sort]} WHERE e.deleted_at IS NULL ORDER BY ${order} LIMIT ${walkCap(options)}`;
  const walk = { sql: pageSql(options, `SELECT w.row_id FROM (${walked}) AS w WHERE w.ok ORDER BY w.k${collate} ${dir}, w.row_id ${dir} LIMIT ? OFFSET ?`), params: direct.params };
  return { walk, direct: () => direct };
}

/**
 * Searching for a word on a third of the ledger ("mwst" is on every scanned receipt) and showing
 * the newest first: rather than collecting every match to filter a walk of the date index, take the
 * newest `searchWindow` matches by rowid (rows are inserted roughly in date order) and sort those.
 * The page is exact when the window held every match, or when no live row outside the window (a
 * smaller rowid for descending order, a larger one for ascending) that passes the other conditions
 * sorts before the page's last row; the full-text condition is left out of that check, which can
 * only make it stricter. Otherwise (back-dated entries, a page past the window) the direct plan runs.
 */
function searchWindowPage(sqlite: Database.Database, filter: ExpenseFilter, options: ListOptions, today: string, window: Statement): ListRow[] | null {
  const rows = prepareCached(sqlite, window.sql).all(...window.params) as ListRow[];
  const match = ftsQuery(filter.search!)!;
  const dir = options.order === 'asc' ? 'ASC' : 'DESC';
  const size = listTuning.searchWindow;
  const span = prepareCached(sqlite, `SELECT count(*) AS n, min(rowid) AS lo, max(rowid) AS hi FROM (${FTS_ROWS} ORDER BY rowid ${dir} LIMIT ${size})`).get(match) as {
    n: number;
    lo: number;
    hi: number;
  };
  if (span.n < size) return rows;
  if (rows.length < options.limit) return null;
  const last = rows[rows.length - 1]!;
  const lastRowId = (prepareCached(sqlite, 'SELECT row_id FROM expenses WHERE id = ?').get(last.id) as { row_id: number }).row_id;
  const column = options.sort === 'date' ? 'e.issued_at' : 'e.created_at';
  const lastKey = options.sort === 'date' ? last.issued_at : last.created_at;
  const rest = whereClause(filter, today, { sqlite, omitSearch: true });
  const [before, outside, reach] = dir === 'DESC' ? ['>', `e.row_id < ${span.lo}`, '>='] : ['<', `e.row_id > ${span.hi}`, '<='];
  const check = `SELECT 1 AS hit FROM expenses e INDEXED BY ${SORT_INDEXES[options.sort]}
    WHERE ${rest.sql} AND ${outside} AND ${column} ${reach} ? AND (${column} ${before} ? OR (${column} = ? AND e.row_id ${before} ?)) LIMIT 1`;
  const missed = prepareCached(sqlite, check).get(...rest.params, lastKey, lastKey, lastKey, lastRowId);
  return missed ? null : rows;
}

export function listExpenseRows(sqlite: Database.Database, filter: ExpenseFilter, options: ListOptions, today: string): ListRow[] {
  const plan = listPlan(sqlite, filter, options, today);
  if (plan.window) {
    const rows = searchWindowPage(sqlite, filter, options, today, plan.window);
    if (rows) return rows;
  }
  if (plan.walk) {
    const rows = prepareCached(sqlite, plan.walk.sql).all(...plan.walk.params) as ListRow[];
    if (rows.length === options.limit) return rows;
  }
  const direct = plan.direct();
  return prepareCached(sqlite, direct.sql).all(...direct.params) as ListRow[];
}

/** Filter fields that expense_totals can answer (it has one row per combination of their columns). */
const TOTALS_FIELDS = new Set<keyof ExpenseFilter>(['type', 'status', 'categoryIds', 'currency', 'billable', 'locked', 'exported', 'source', 'hasAttachment']);

/**
 * The same filter on expense_totals, or null when the filter uses a column the totals do not have
 * (search, dates, vendor, amounts, tags, unpaid/overdue, which depend on today).
 */
function totalsWhere(filter: ExpenseFilter): { sql: string; params: unknown[] } | null {
  const clauses: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(filter) as [keyof ExpenseFilter, unknown][]) {
    if (value === undefined) continue;
    if (key === 'paymentStatus' && value === 'paid') continue;
    if (!TOTALS_FIELDS.has(key)) return null;
  }
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  const inList = (column: string, values: readonly unknown[]) => add(`${column} IN (${values.map(() => '?').join(',')})`, ...values);
  if (filter.type) add('t.type = ?', filter.type);
  if (filter.status?.length) inList('t.status', filter.status);
  if (filter.paymentStatus === 'paid') add('t.paid = 1');
  // Uncategorized is stored as '' (ids are never empty).
  if (filter.categoryIds?.length) inList('t.category_key', filter.categoryIds.map((c) => (c === 'none' ? '' : c)));
  if (filter.currency) add('t.currency = ?', filter.currency);
  if (filter.billable !== undefined) add('t.billable = ?', filter.billable ? 1 : 0);
  if (filter.locked !== undefined) add('t.locked = ?', filter.locked ? 1 : 0);
  if (filter.exported !== undefined) add('t.exported = ?', filter.exported ? 1 : 0);
  if (filter.source?.length) inList('t.source', filter.source);
  if (filter.hasAttachment !== undefined) add('t.has_attachment = ?', filter.hasAttachment ? 1 : 0);
  return { sql: clauses.length ? clauses.join(' AND ') : '1', params };
}

export function summarizeExpenseRows(sqlite: Database.Database, filter: ExpenseFilter, today: string): SummaryRow[] {
  const totals = totalsWhere(filter);
  if (totals) {
    const text = `SELECT t.currency AS currency, sum(t.count) AS count, sum(t.net_minor) AS net, sum(t.tax_minor) AS tax, sum(t.gross_minor) AS gross
      FROM expense_totals t WHERE ${totals.sql} GROUP BY t.currency HAVING sum(t.count) > 0 ORDER BY sum(t.count) DESC, t.currency`;
    return prepareCached(sqlite, text).all(...totals.params) as SummaryRow[];
  }
  return summarizeFromExpenses(sqlite, filter, today);
}

/**
 * Which covering index a summary should read, and how its full-text and tag sets take part. The
 * indexes carry currency and totals, so a summary whose conditions they also cover never reads the
 * wide table rows; SQLite does not always see that (it will skip-scan expenses_status_issued and
 * fetch 200,000 rows for a date range), so these cases are spelled out:
 * - only search/tags (plus currency, amounts): look the set's row_ids up in expenses_amounts;
 * - a date range (plus currency, amounts, sets): walk the range in expenses_issued, with large sets
 *   as filters (a set smaller than listTuning.driveLimit drives instead, SQLite's choice);
 * - an amount range (plus currency): walk the range in expenses_gross.
 */
function summaryPlan(sqlite: Database.Database, filter: ExpenseFilter, today: string): { where: Where; index?: string } {
  const present = (Object.keys(filter) as (keyof ExpenseFilter)[]).filter((k) => {
    const v = filter[k];
    return v !== undefined && !(Array.isArray(v) && v.length === 0);
  });
  const only = (...allowed: (keyof ExpenseFilter)[]) => present.every((k) => allowed.includes(k));
  const has = (...keys: (keyof ExpenseFilter)[]) => keys.some((k) => present.includes(k));
  const sets = ['search', 'tags'] as const;
  const amounts = ['amountMin', 'amountMax'] as const;
  const dates = ['dateFrom', 'dateTo'] as const;
  if (has(...sets) && only(...sets, 'currency', ...amounts)) return { where: whereClause(filter, today, { sqlite }), index: 'expenses_amounts' };
  if (has(...dates) && only(...dates, ...sets, 'currency', ...amounts)) {
    const where = whereClause(filter, today, { sqlite, probeSets: true });
    return { where, index: where.indexed.some((t) => t.small) ? undefined : 'expenses_issued' };
  }
  if (has(...amounts) && only(...amounts, 'currency')) return { where: whereClause(filter, today, { sqlite }), index: 'expenses_gross' };
  return { where: whereClause(filter, today, { sqlite }) };
}

function summarySql(plan: { where: Where; index?: string }): string {
  return `SELECT e.currency AS currency, count(*) AS count, sum(e.net_minor) AS net, sum(e.tax_minor) AS tax, sum(e.gross_minor) AS gross
    FROM expenses e${plan.index ? ` INDEXED BY ${plan.index}` : ''} WHERE ${plan.where.sql} GROUP BY e.currency ORDER BY count(*) DESC, e.currency`;
}

/** The summary computed from the expenses themselves: the definition expense_totals must agree with. */
export function summarizeFromExpenses(sqlite: Database.Database, filter: ExpenseFilter, today: string): SummaryRow[] {
  const plan = summaryPlan(sqlite, filter, today);
  return prepareCached(sqlite, summarySql(plan)).all(...plan.where.params) as SummaryRow[];
}

export function expenseIds(sqlite: Database.Database, filter: ExpenseFilter, today: string, limit: number): string[] {
  const where = whereClause(filter, today);
  return prepareCached(sqlite, `SELECT e.id FROM expenses e WHERE ${where.sql} LIMIT ?`)
    .pluck()
    .all(...where.params, limit) as string[];
}

/** The query plans of a listing (the capped walk first, when one is tried), for the benchmark and for choosing indexes. */
export function explainList(sqlite: Database.Database, filter: ExpenseFilter, options: ListOptions, today: string): string[] {
  const plan = listPlan(sqlite, filter, options, today);
  const explain = (s: Statement) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as { detail: string }[]).map((r) => r.detail);
  const first = plan.window ? ['-- search window', ...explain(plan.window)] : plan.walk ? ['-- walk', ...explain(plan.walk)] : [];
  return first.length ? [...first, '-- else', ...explain(plan.direct())] : explain(plan.direct());
}

/** The query plan of a summary, for the benchmark and for choosing indexes. */
export function explainSummary(sqlite: Database.Database, filter: ExpenseFilter, today: string): string[] {
  const totals = totalsWhere(filter);
  if (totals) return ['expense_totals'];
  const plan = summaryPlan(sqlite, filter, today);
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${summarySql(plan)}`).all(...plan.where.params) as { detail: string }[]).map((r) => r.detail);
}
