import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Durable intake queue: one row per file, resumed from here after a crash. */
export const intakeJobs = sqliteTable(
  'intake_jobs',
  {
    id: text('id').primaryKey(),
    sourcePath: text('source_path').notNull(),
    originalName: text('original_name').notNull(),
    source: text('source').notNull(),
    /** Files dropped or picked together, for overall progress and cancelling. */
    batchId: text('batch_id'),
    /** Modification time of the source when it was queued, as the file system reports it (the watcher compares it exactly). */
    sourceMtimeMs: real('source_mtime_ms'),
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
    /** For done jobs: imported as a new expense, or a file already in the ledger. */
    outcome: text('outcome', { enum: ['imported', 'duplicate'] }),
    /** Cleared from the inbox list by the owner; the row stays so the file is not imported again. */
    dismissedAt: text('dismissed_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('intake_jobs_state').on(t.state, t.nextRetryAt),
    index('intake_jobs_sha256').on(t.sha256),
    index('intake_jobs_batch').on(t.batchId),
    index('intake_jobs_source').on(t.sourcePath),
  ]
);
