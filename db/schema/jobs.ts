import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Durable intake queue: one row per file, resumed from here after a crash. */
export const intakeJobs = sqliteTable(
  'intake_jobs',
  {
    id: text('id').primaryKey(),
    sourcePath: text('source_path').notNull(),
    originalName: text('original_name').notNull(),
    source: text('source').notNull(),
    sha256: text('sha256'),
    size: integer('size'),
    state: text('state', { enum: ['queued', 'processing', 'done', 'failed'] }).notNull(),
    stage: text('stage'),
    progress: integer('progress').notNull().default(0),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    attempts: integer('attempts').notNull().default(0),
    nextRetryAt: text('next_retry_at'),
    expenseId: text('expense_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('intake_jobs_state').on(t.state, t.nextRetryAt), index('intake_jobs_sha256').on(t.sha256)]
);
