import defaults from '../resources/default-categories.json' with { type: 'json' };
import type { DbOrTx } from './client';
import { categories } from './schema';

export interface DefaultCategory {
  key: string;
  name: string;
  color: string;
  accountType: string;
  accountCode: string;
}

/**
 * Adds the default categories from resources/ that this ledger has never had. A default the owner
 * deleted keeps its row (soft-deleted) and so is not brought back.
 */
export function seedDefaultCategories(tx: DbOrTx, at: string, newId: () => string): number {
  let added = 0;
  (defaults as DefaultCategory[]).forEach((d, i) => {
    const result = tx
      .insert(categories)
      .values({
        id: newId(),
        name: d.name,
        color: d.color,
        accountType: d.accountType,
        accountCode: d.accountCode,
        isDefault: true,
        defaultKey: d.key,
        sortOrder: i,
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing()
      .run();
    added += result.changes;
  });
  return added;
}
