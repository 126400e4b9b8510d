import { sql } from 'drizzle-orm';
import { index, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { syncable } from './columns';
import { expenses } from './expenses';

export const tags = sqliteTable(
  'tags',
  {
    ...syncable(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('tags_name_live').on(sql`${t.name} COLLATE NOCASE`).where(sql`deleted_at IS NULL`)]
);

export const expenseTags = sqliteTable(
  'expense_tags',
  {
    expenseId: text('expense_id')
      .notNull()
      .references(() => expenses.id, { onDelete: 'cascade' }),
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.expenseId, t.tagId] }), index('expense_tags_tag').on(t.tagId, t.expenseId)]
);
