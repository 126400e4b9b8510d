import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { activityLog } from '../schema';

export interface ActivityEntry {
  entityType: 'expense' | 'category' | 'settings' | 'comment';
  entityId: string;
  action: string;
  details?: Record<string, unknown> | null;
  actor?: string;
}

export function logActivity(tx: DbOrTx, entries: ActivityEntry | ActivityEntry[], at: string): void {
  const rows = (Array.isArray(entries) ? entries : [entries]).map((e) => ({
    entityType: e.entityType,
    entityId: e.entityId,
    action: e.action,
    details: e.details ?? null,
    actor: e.actor ?? 'user',
    at,
  }));
  if (rows.length > 0) tx.insert(activityLog).values(rows).run();
}

export function activityFor(db: DbOrTx, entityType: ActivityEntry['entityType'], entityId: string, limit = 500) {
  return db
    .select()
    .from(activityLog)
    .where(and(eq(activityLog.entityType, entityType), eq(activityLog.entityId, entityId)))
    .orderBy(desc(activityLog.id))
    .limit(limit)
    .all();
}
