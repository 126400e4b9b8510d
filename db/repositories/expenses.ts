import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { attachments, comments, expensePositions, expenses } from '../schema';

export type ExpenseRow = typeof expenses.$inferSelect;
export type ExpenseInsert = typeof expenses.$inferInsert;
export type PositionRow = typeof expensePositions.$inferSelect;

export function getExpenseRow(db: DbOrTx, id: string, options: { includeDeleted?: boolean } = {}): ExpenseRow | undefined {
  return db
    .select()
    .from(expenses)
    .where(options.includeDeleted ? eq(expenses.id, id) : and(eq(expenses.id, id), isNull(expenses.deletedAt)))
    .get();
}

export function insertExpense(tx: DbOrTx, row: ExpenseInsert): void {
  tx.insert(expenses).values(row).run();
}

/** Writes changed columns and bumps the version, the unit of change for sync. */
export function updateExpenseRow(tx: DbOrTx, id: string, fields: Partial<ExpenseInsert>, at: string): void {
  tx.update(expenses)
    .set({ ...fields, updatedAt: at, version: sql`${expenses.version} + 1` })
    .where(eq(expenses.id, id))
    .run();
}

export function positionsOf(db: DbOrTx, expenseId: string): PositionRow[] {
  return db.select().from(expensePositions).where(eq(expensePositions.expenseId, expenseId)).orderBy(asc(expensePositions.sortOrder)).all();
}

export function replacePositions(tx: DbOrTx, expenseId: string, rows: Omit<PositionRow, 'expenseId' | 'sortOrder'>[]): void {
  tx.delete(expensePositions).where(eq(expensePositions.expenseId, expenseId)).run();
  if (rows.length === 0) return;
  tx.insert(expensePositions)
    .values(rows.map((r, i) => ({ ...r, expenseId, sortOrder: i })))
    .run();
}

export function attachmentCount(db: DbOrTx, expenseId: string): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(attachments)
      .where(and(eq(attachments.expenseId, expenseId), eq(attachments.kind, 'original'), isNull(attachments.deletedAt)))
      .get()?.n ?? 0
  );
}

export function insertComment(tx: DbOrTx, row: typeof comments.$inferInsert): void {
  tx.insert(comments).values(row).run();
}

export function commentsOf(db: DbOrTx, expenseId: string) {
  return db
    .select()
    .from(comments)
    .where(and(eq(comments.expenseId, expenseId), isNull(comments.deletedAt)))
    .orderBy(asc(comments.createdAt))
    .all();
}

/** Removes for good what has been in the trash since before `cutoff`; positions, tags and files cascade. */
export function purgeDeletedExpenses(tx: DbOrTx, cutoff: string): number {
  return tx
    .delete(expenses)
    .where(sql`${expenses.deletedAt} IS NOT NULL AND ${expenses.deletedAt} < ${cutoff}`)
    .run().changes;
}
