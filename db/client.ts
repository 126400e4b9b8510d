import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
/** A transaction handle; repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface OpenedDatabase {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

export const DEFAULT_MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Opens (creating if needed) the ledger, sets the pragmas every connection needs and runs
 * the checked-in migrations, which only move forward.
 */
export function openDatabase(file: string, options: { migrationsFolder?: string } = {}): OpenedDatabase {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER });
  refreshPlannerStatistics(sqlite);
  return {
    db,
    sqlite,
    close() {
      if (sqlite.open) {
        refreshPlannerStatistics(sqlite);
        sqlite.close();
      }
    },
  };
}

/**
 * Re-analyzes the tables whose size changed about tenfold since their statistics were gathered, or
 * that never had any: a no-op almost always, a full ANALYZE (about three seconds for a ledger
 * that grew to a million expenses) when a ledger has grown a lot. Unlike plain `PRAGMA optimize`, without the
 * 0x10 bit, so the analysis is complete (sqlite_stat4 included) rather than sampled from the first
 * rows of each index: sampled statistics told the planner that "status = 'approved'" picks a few
 * thousand rows out of a million, and the list queries went from milliseconds to seconds.
 */
export function refreshPlannerStatistics(sqlite: Database.Database): void {
  sqlite.pragma('optimize = 0x10002');
}
