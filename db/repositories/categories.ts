import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { categories, expenses } from '../schema';

export type CategoryRow = typeof categories.$inferSelect;

const live = isNull(categories.deletedAt);

/** Defaults and custom categories merged, each with the number of live expenses filed under it. */
export function listCategoriesWithCounts(db: DbOrTx) {
  return db
    .select({
      row: categories,
      expenseCount: sql<number>`(SELECT count(*) FROM expenses e WHERE e.category_id = categories.id AND e.deleted_at IS NULL)`,
    })
    .from(categories)
    .where(live)
    .orderBy(sql`${categories.name} COLLATE NOCASE`)
    .all();
}

/** Live categories, defaults included. */
export function countCategories(db: DbOrTx): number {
  return db.select({ n: sql<number>`count(*)` }).from(categories).where(live).get()?.n ?? 0;
}

export function getCategory(db: DbOrTx, id: string): CategoryRow | undefined {
  return db.select().from(categories).where(and(eq(categories.id, id), live)).get();
}

export function findCategoryByName(db: DbOrTx, name: string): CategoryRow | undefined {
  return db
    .select()
    .from(categories)
    .where(and(sql`${categories.name} = ${name} COLLATE NOCASE`, live))
    .get();
}

export function countCategoryExpenses(db: DbOrTx, id: string): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(expenses)
      .where(and(eq(expenses.categoryId, id), isNull(expenses.deletedAt)))
      .get()?.n ?? 0
  );
}

export function insertCategory(tx: DbOrTx, row: typeof categories.$inferInsert): void {
  tx.insert(categories).values(row).run();
}

export function updateCategory(tx: DbOrTx, id: string, fields: Partial<typeof categories.$inferInsert>, at: string): void {
  tx.update(categories)
    .set({ ...fields, updatedAt: at, version: sql`${categories.version} + 1` })
    .where(eq(categories.id, id))
    .run();
}

/** Moves every live expense of one category to another (or to none); answers the ids moved. */
export function reassignCategoryExpenses(tx: DbOrTx, fromId: string, toId: string | null, at: string): string[] {
  return tx
    .update(expenses)
    .set({ categoryId: toId, updatedAt: at, version: sql`${expenses.version} + 1` })
    .where(and(eq(expenses.categoryId, fromId), isNull(expenses.deletedAt)))
    .returning({ id: expenses.id })
    .all()
    .map((r) => r.id);
}
