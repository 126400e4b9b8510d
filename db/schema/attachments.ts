import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncable } from './columns';
import { expenses } from './expenses';

export const attachments = sqliteTable(
  'attachments',
  {
    ...syncable(),
    expenseId: text('expense_id')
      .notNull()
      .references(() => expenses.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['original', 'display', 'thumbnail', 'page'] }).notNull(),
    /** SHA-256 of the content, hex; originals are stored content-addressed under this name. */
    sha256: text('sha256').notNull(),
    storedPath: text('stored_path').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    originalName: text('original_name'),
    page: integer('page'),
    width: integer('width'),
    height: integer('height'),
  },
  (t) => [index('attachments_expense').on(t.expenseId, t.kind), index('attachments_sha256').on(t.sha256, t.kind)]
);
