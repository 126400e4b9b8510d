import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncable } from './columns';
import { expenses } from './expenses';

export const comments = sqliteTable(
  'comments',
  {
    ...syncable(),
    expenseId: text('expense_id')
      .notNull()
      .references(() => expenses.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
  },
  (t) => [index('comments_expense').on(t.expenseId, t.createdAt)]
);
