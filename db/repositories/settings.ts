import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { settings } from '../schema';

export function readSettings(db: DbOrTx): Record<string, unknown> {
  return Object.fromEntries(db.select().from(settings).all().map((r) => [r.key, r.value]));
}

export function writeSettings(tx: DbOrTx, values: Record<string, unknown>, at: string): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    tx.insert(settings)
      .values({ key, value, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value`, updatedAt: at } })
      .run();
  }
}
