import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Append-only record of every change, shown on an expense and kept for remote changes that lost a conflict. */
export const activityLog = sqliteTable(
  'activity_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    /** Field changes as { field: [before, after] }, or other facts about the action. */
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
    actor: text('actor').notNull().default('user'),
    at: text('at').notNull(),
  },
  (t) => [index('activity_entity').on(t.entityType, t.entityId, t.id)]
);
