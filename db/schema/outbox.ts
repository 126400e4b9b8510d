import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Changes waiting to reach the remote expense API, written in the same transaction as the change. */
export const syncOutbox = sqliteTable(
  'sync_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    op: text('op').notNull(),
    /** Fields changed since the last push, for a coalesced PATCH. */
    fields: text('fields', { mode: 'json' }).$type<string[]>(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>(),
    state: text('state', { enum: ['pending', 'in_flight', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastErrorCode: text('last_error_code'),
    lastErrorMessage: text('last_error_message'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('sync_outbox_state').on(t.state, t.nextAttemptAt, t.id), index('sync_outbox_entity').on(t.entityType, t.entityId)]
);
