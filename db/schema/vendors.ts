import { sql } from 'drizzle-orm';
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { syncable } from './columns';

export const vendors = sqliteTable(
  'vendors',
  {
    ...syncable(),
    name: text('name').notNull(),
    normalizedName: text('normalized_name').notNull(),
    address: text('address'),
    iban: text('iban'),
    bic: text('bic'),
    vatId: text('vat_id'),
  },
  (t) => [
    uniqueIndex('vendors_normalized_live').on(t.normalizedName).where(sql`deleted_at IS NULL`),
    index('vendors_iban').on(t.iban),
    index('vendors_vat_id').on(t.vatId),
  ]
);
