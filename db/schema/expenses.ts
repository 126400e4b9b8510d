import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { categories } from './categories';
import { syncable } from './columns';
import { vendors } from './vendors';

const live = sql`deleted_at IS NULL`;

export const expenses = sqliteTable(
  'expenses',
  {
    ...syncable(),
    /** Integer key that never changes: the rowid the full-text index points at. */
    rowId: integer('row_id').primaryKey(),
    id: text('id').notNull().unique(),
    type: text('type', { enum: ['receipt', 'invoice'] }).notNull(),
    status: text('status', { enum: ['draft', 'pending_review', 'approved', 'rejected'] }).notNull(),
    rejectReason: text('reject_reason'),
    title: text('title').notNull(),
    description: text('description'),
    vendorId: text('vendor_id').references(() => vendors.id),
    /** Copy of the vendor's name for sorting and search without a join. */
    vendorName: text('vendor_name'),
    issuedAt: text('issued_at').notNull(),
    dueAt: text('due_at'),
    approvedAt: text('approved_at'),
    paidAt: text('paid_at'),
    reference: text('reference'),
    iban: text('iban'),
    bic: text('bic'),
    currency: text('currency').notNull(),
    /** Totals computed from the positions by shared/domain/vat.ts, stored for listing and sums. */
    netMinor: integer('net_minor').notNull().default(0),
    taxMinor: integer('tax_minor').notNull().default(0),
    grossMinor: integer('gross_minor').notNull().default(0),
    categoryId: text('category_id').references(() => categories.id),
    project: text('project'),
    customer: text('customer'),
    paymentMethod: text('payment_method'),
    notes: text('notes'),
    customFields: text('custom_fields', { mode: 'json' }).$type<Record<string, string | number | boolean>>(),
    billable: integer('billable', { mode: 'boolean' }).notNull().default(false),
    budgetRelevant: integer('budget_relevant', { mode: 'boolean' }).notNull().default(true),
    locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
    exported: integer('exported', { mode: 'boolean' }).notNull().default(false),
    source: text('source', { enum: ['manual', 'drop', 'folder', 'email', 'e_invoice'] }).notNull(),
    isProcessing: integer('is_processing', { mode: 'boolean' }).notNull().default(false),
    hasAttachment: integer('has_attachment', { mode: 'boolean' }).notNull().default(false),
    ocrText: text('ocr_text'),
    extracted: text('extracted', { mode: 'json' }).$type<Record<string, unknown>>(),
    duplicateOfId: text('duplicate_of_id'),
  },
  (t) => [
    // Listing and summaries read these indexes instead of the wide table rows (OCR text and all):
    // - row_id, the tie-breaker of every order, comes right after an index's own columns, so that
    //   "ORDER BY x, row_id" reads straight off the four sort indexes (date, created, amount, vendor);
    // - the filter indexes (status, category, vendor, unpaid) and expenses_amounts also carry the
    //   four sort keys, so a filter's rows are sorted for a page without visiting the table;
    // - currency and totals are there for summaries over a date, amount, vendor or category range;
    // - each ends with deleted_at (always NULL here, one byte): SQLite counts an index as covering
    //   only if it holds every column a query names, and every query names deleted_at.
    index('expenses_issued').on(t.issuedAt, t.rowId, t.currency, t.netMinor, t.taxMinor, t.grossMinor, t.deletedAt).where(live),
    index('expenses_created').on(t.createdAt, t.rowId, t.deletedAt).where(live),
    index('expenses_gross').on(t.grossMinor, t.rowId, t.currency, t.netMinor, t.taxMinor, t.deletedAt).where(live),
    index('expenses_vendor_name').on(sql`${t.vendorName} COLLATE NOCASE`, t.rowId, t.deletedAt).where(live),
    index('expenses_status_issued')
      .on(t.status, t.issuedAt, t.rowId, t.createdAt, t.grossMinor, t.vendorName, t.currency, t.netMinor, t.taxMinor, t.deletedAt)
      .where(live),
    index('expenses_category_issued')
      .on(t.categoryId, t.issuedAt, t.rowId, t.createdAt, t.grossMinor, t.vendorName, t.currency, t.netMinor, t.taxMinor, t.deletedAt)
      .where(live),
    index('expenses_vendor_issued')
      .on(t.vendorId, t.issuedAt, t.rowId, t.createdAt, t.grossMinor, t.vendorName, t.currency, t.netMinor, t.taxMinor, t.deletedAt)
      .where(live),
    // Open invoices only (a few percent of rows): the "unpaid" and "overdue" filters.
    index('expenses_unpaid')
      .on(t.dueAt, t.issuedAt, t.rowId, t.createdAt, t.grossMinor, t.vendorName, t.currency, t.netMinor, t.taxMinor, t.paidAt, t.deletedAt)
      .where(sql`paid_at IS NULL AND deleted_at IS NULL`),
    // Everything above by row_id: rows a search or a tag picks are sorted (for a page) and added up
    // (for a summary) from here, a tenth of the table's size. Appended to, never split, on insert.
    index('expenses_amounts')
      .on(t.rowId, t.issuedAt, t.createdAt, t.grossMinor, t.vendorName, t.currency, t.netMinor, t.taxMinor, t.deletedAt)
      .where(live),
    // Only trashed rows (for the purge) and synced rows: indexing the NULLs of every live row
    // cost each insert two more B-tree writes, and an index on deleted_at tempted the planner
    // to serve "deleted_at IS NULL" from it.
    index('expenses_trashed').on(t.deletedAt).where(sql`deleted_at IS NOT NULL`),
    uniqueIndex('expenses_remote_id').on(t.remoteId).where(sql`remote_id IS NOT NULL`),
  ]
);

export const expensePositions = sqliteTable(
  'expense_positions',
  {
    id: text('id').primaryKey(),
    expenseId: text('expense_id')
      .notNull()
      .references(() => expenses.id, { onDelete: 'cascade' }),
    sortOrder: integer('sort_order').notNull(),
    description: text('description'),
    /** Gross when mode is inclusive, net when exclusive. */
    totalMinor: integer('total_minor').notNull(),
    vatRateBp: integer('vat_rate_bp').notNull(),
    mode: text('mode', { enum: ['inclusive', 'exclusive'] }).notNull(),
    accountNo: text('account_no'),
  },
  (t) => [index('expense_positions_expense').on(t.expenseId, t.sortOrder)]
);
