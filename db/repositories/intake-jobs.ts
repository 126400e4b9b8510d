import { and, asc, desc, eq, inArray, isNotNull, lte, or, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { intakeJobs } from '../schema';

export type JobRow = typeof intakeJobs.$inferSelect;
export type JobInsert = typeof intakeJobs.$inferInsert;
export type JobState = JobRow['state'];

export function insertJobs(tx: DbOrTx, rows: JobInsert[]): void {
  // SQLite caps bound parameters per statement; a thousand dropped files go in slices.
  for (let i = 0; i < rows.length; i += 500) tx.insert(intakeJobs).values(rows.slice(i, i + 500)).run();
}

/** Takes the oldest job that is due and marks it as being processed, in one statement. */
export function claimNextJob(tx: DbOrTx, now: string): JobRow | undefined {
  const due = tx
    .select({ id: intakeJobs.id })
    .from(intakeJobs)
    .where(and(eq(intakeJobs.state, 'queued'), or(isNull(intakeJobs.nextRetryAt), lte(intakeJobs.nextRetryAt, now))))
    .orderBy(asc(intakeJobs.createdAt), asc(sql`rowid`))
    .limit(1)
    .get();
  if (!due) return undefined;
  return tx
    .update(intakeJobs)
    .set({ state: 'processing', attempts: sql`${intakeJobs.attempts} + 1`, updatedAt: now, errorCode: null, errorMessage: null })
    .where(and(eq(intakeJobs.id, due.id), eq(intakeJobs.state, 'queued')))
    .returning()
    .get();
}

export function updateJob(tx: DbOrTx, id: string, fields: Partial<JobInsert>, now: string): void {
  tx.update(intakeJobs).set({ ...fields, updatedAt: now }).where(eq(intakeJobs.id, id)).run();
}

export function getJob(db: DbOrTx, id: string): JobRow | undefined {
  return db.select().from(intakeJobs).where(eq(intakeJobs.id, id)).get();
}

/** Jobs a crash or a kill left half-done go back in the queue; the pipeline is safe to run twice. */
export function requeueInterruptedJobs(tx: DbOrTx, now: string): number {
  return tx.update(intakeJobs).set({ state: 'queued', stage: null, progress: 0, updatedAt: now }).where(eq(intakeJobs.state, 'processing')).run().changes;
}

/** When the next waiting job becomes due, if any job is waiting for a retry. */
export function nextRetryAt(db: DbOrTx): string | null {
  const row = db
    .select({ at: sql<string | null>`min(${intakeJobs.nextRetryAt})` })
    .from(intakeJobs)
    .where(and(eq(intakeJobs.state, 'queued'), isNotNull(intakeJobs.nextRetryAt)))
    .get();
  return row?.at ?? null;
}

export function listJobs(db: DbOrTx, options: { states?: JobState[]; batchId?: string; limit: number }): JobRow[] {
  return db
    .select()
    .from(intakeJobs)
    .where(
      and(
        options.states?.length ? inArray(intakeJobs.state, options.states) : undefined,
        options.batchId ? eq(intakeJobs.batchId, options.batchId) : undefined,
        isNull(intakeJobs.dismissedAt)
      )
    )
    .orderBy(desc(intakeJobs.createdAt), desc(sql`rowid`))
    .limit(options.limit)
    .all();
}
