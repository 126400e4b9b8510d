import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * Columns every syncable row carries: a stable id, change time, version and soft-delete marker.
 * A function, because drizzle's column builders are mutable and must not be shared between tables.
 */
export function syncable() {
  return {
    id: text('id').primaryKey(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
    deletedAt: text('deleted_at'),
    remoteId: text('remote_id'),
  };
}
