import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { syncable } from './columns';

export const categories = sqliteTable(
  'categories',
  {
    ...syncable(),
    name: text('name').notNull(),
    color: text('color').notNull(),
    accountType: text('account_type').notNull(),
    accountCode: text('account_code'),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    /** Key of the seeded default this row came from; lets later seeds add new defaults without duplicates. */
    defaultKey: text('default_key'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('categories_name_live').on(sql`${t.name} COLLATE NOCASE`).where(sql`deleted_at IS NULL`),
    uniqueIndex('categories_default_key').on(t.defaultKey),
  ]
);
