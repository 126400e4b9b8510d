import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { expenseTags, tags } from '../schema';

/** Replaces the tags of an expense, creating tags that do not exist yet (names match case-insensitively). */
export function setExpenseTags(tx: DbOrTx, expenseId: string, names: readonly string[], at: string, newId: () => string): void {
  const unique = [...new Map(names.map((n) => [n.trim().toLowerCase(), n.trim()])).values()].filter(Boolean);
  const tagIds = unique.map((name) => {
    const existing = tx
      .select({ id: tags.id })
      .from(tags)
      .where(and(sql`${tags.name} = ${name} COLLATE NOCASE`, isNull(tags.deletedAt)))
      .get();
    if (existing) return existing.id;
    const id = newId();
    tx.insert(tags).values({ id, name, createdAt: at, updatedAt: at }).run();
    return id;
  });
  tx.delete(expenseTags).where(eq(expenseTags.expenseId, expenseId)).run();
  if (tagIds.length > 0) tx.insert(expenseTags).values(tagIds.map((tagId) => ({ expenseId, tagId }))).run();
}

export function tagsOfExpense(db: DbOrTx, expenseId: string): string[] {
  return db
    .select({ name: tags.name })
    .from(expenseTags)
    .innerJoin(tags, eq(tags.id, expenseTags.tagId))
    .where(eq(expenseTags.expenseId, expenseId))
    .orderBy(sql`${tags.name} COLLATE NOCASE`)
    .all()
    .map((r) => r.name);
}

export function tagCounts(db: DbOrTx) {
  return db
    .select({
      name: tags.name,
      count: sql<number>`(SELECT count(*) FROM expense_tags et JOIN expenses e ON e.id = et.expense_id WHERE et.tag_id = tags.id AND e.deleted_at IS NULL)`,
    })
    .from(tags)
    .where(isNull(tags.deletedAt))
    .orderBy(sql`2 DESC`, sql`${tags.name} COLLATE NOCASE`)
    .all();
}
