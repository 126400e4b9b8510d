import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from './client';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shoebox-db-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const journal = JSON.parse(readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };

/** A copy of the migrations as an older release shipped them: only the first `n`. */
function olderMigrations(n: number): string {
  const folder = join(tempDir(), 'migrations');
  cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, n) }));
  return folder;
}

describe('openDatabase', () => {
  it('creates every table, the search index and the pragmas on an empty file', () => {
    const { sqlite, close } = openDatabase(join(tempDir(), 'a.sqlite'));
    const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    for (const t of ['categories', 'expenses', 'expense_positions', 'vendors', 'tags', 'expense_tags', 'attachments', 'comments', 'activity_log', 'settings', 'intake_jobs', 'sync_outbox', 'expenses_fts']) {
      expect(tables).toContain(t);
    }
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    close();
  });

  it('runs again on an up-to-date file without changing anything', () => {
    const file = join(tempDir(), 'b.sqlite');
    openDatabase(file).close();
    const { sqlite, close } = openDatabase(file);
    expect((sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(journal.entries.length);
    close();
  });

  it('moves an older ledger forward and keeps its data searchable', () => {
    const file = join(tempDir(), 'old.sqlite');
    const old = openDatabase(file, { migrationsFolder: olderMigrations(1) });
    old.sqlite
      .prepare(
        `INSERT INTO expenses (id, created_at, updated_at, type, status, title, vendor_name, issued_at, currency, source)
         VALUES ('e1', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 'receipt', 'approved', 'Printer paper', 'Papeterie Zürich', '2024-01-01', 'CHF', 'manual')`
      )
      .run();
    old.close();

    const { sqlite, close } = openDatabase(file);
    const hits = sqlite.prepare(`SELECT e.id FROM expenses e WHERE e.row_id IN (SELECT rowid FROM expenses_fts WHERE expenses_fts MATCH '"zurich"*')`).all();
    expect(hits).toEqual([{ id: 'e1' }]);
    close();
  });
});
