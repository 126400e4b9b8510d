import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Count and totals of the live expenses per combination of the few-valued columns the filter bar
 * offers, kept current by triggers on expenses (migration 0004). A summary whose filter uses only
 * these columns adds up a few thousand rows here instead of a million in expenses.
 * Never written by application code.
 */
export const expenseTotals = sqliteTable(
  'expense_totals',
  {
    currency: text('currency').notNull(),
    status: text('status').notNull(),
    type: text('type').notNull(),
    /** The category id, or '' for uncategorized (a primary key column cannot hold NULL usefully). */
    categoryKey: text('category_key').notNull(),
    source: text('source').notNull(),
    billable: integer('billable').notNull(),
    locked: integer('locked').notNull(),
    exported: integer('exported').notNull(),
    hasAttachment: integer('has_attachment').notNull(),
    /** 1 when paid_at is set. */
    paid: integer('paid').notNull(),
    count: integer('count').notNull(),
    netMinor: integer('net_minor').notNull(),
    taxMinor: integer('tax_minor').notNull(),
    grossMinor: integer('gross_minor').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.currency, t.status, t.type, t.categoryKey, t.source, t.billable, t.locked, t.exported, t.hasAttachment, t.paid],
    }),
  ]
);
