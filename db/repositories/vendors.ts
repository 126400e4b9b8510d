import { and, eq, isNull, sql } from 'drizzle-orm';
import { normalizeVendorName } from '../../shared/domain/vendor';
import type { DbOrTx } from '../client';
import { vendors } from '../schema';

export type VendorRow = typeof vendors.$inferSelect;

export interface VendorFields {
  name: string;
  address?: string | null;
  iban?: string | null;
  bic?: string | null;
  vatId?: string | null;
}

/**
 * The vendor with this name (matched on the normalised name), created if new. Details given
 * here fill in or replace what the vendor had; details left out are kept.
 */
export function upsertVendor(tx: DbOrTx, fields: VendorFields, at: string, newId: () => string): VendorRow {
  const normalizedName = normalizeVendorName(fields.name) || fields.name.trim().toLowerCase();
  const existing = tx
    .select()
    .from(vendors)
    .where(and(eq(vendors.normalizedName, normalizedName), isNull(vendors.deletedAt)))
    .get();
  const details = {
    ...(fields.address !== undefined && { address: fields.address }),
    ...(fields.iban !== undefined && { iban: fields.iban }),
    ...(fields.bic !== undefined && { bic: fields.bic }),
    ...(fields.vatId !== undefined && { vatId: fields.vatId }),
  };
  if (!existing) {
    const row = { id: newId(), name: fields.name.trim(), normalizedName, createdAt: at, updatedAt: at, ...details };
    tx.insert(vendors).values(row).run();
    return tx.select().from(vendors).where(eq(vendors.id, row.id)).get()!;
  }
  const changed = Object.entries(details).some(([k, v]) => existing[k as keyof VendorRow] !== v);
  if (!changed) return existing;
  tx.update(vendors)
    .set({ ...details, updatedAt: at, version: sql`${vendors.version} + 1` })
    .where(eq(vendors.id, existing.id))
    .run();
  return { ...existing, ...details };
}

export function getVendor(db: DbOrTx, id: string): VendorRow | undefined {
  return db.select().from(vendors).where(eq(vendors.id, id)).get();
}

export function listVendors(db: DbOrTx, search: string | undefined, limit: number) {
  const pattern = search ? `%${escapeLike(normalizeVendorName(search))}%` : undefined;
  return db
    .select({
      row: vendors,
      expenseCount: sql<number>`(SELECT count(*) FROM expenses e WHERE e.vendor_id = vendors.id AND e.deleted_at IS NULL)`,
    })
    .from(vendors)
    .where(and(isNull(vendors.deletedAt), pattern ? sql`${vendors.normalizedName} LIKE ${pattern} ESCAPE '\\'` : undefined))
    .orderBy(sql`2 DESC`, vendors.name)
    .limit(limit)
    .all();
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
