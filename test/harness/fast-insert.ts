import type Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * One prepared INSERT for every row of a drizzle table, built from the table's own column
 * definitions (names, static defaults, boolean and JSON mapping). Drizzle's builder costs about
 * 40 µs a row, which is most of the time when seeding 100,000 expenses; this costs about 2 µs.
 */
export function preparedInsert<T extends SQLiteTable>(sqlite: Database.Database, table: T): (row: T['$inferInsert']) => void {
  const columns = Object.entries(getTableColumns(table));
  const statement = sqlite.prepare(
    `INSERT INTO "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
  );
  return (row) => {
    const values = columns.map(([key, column]) => {
      const value = (row as Record<string, unknown>)[key] ?? column.default ?? null;
      return value === null ? null : column.mapToDriverValue(value);
    });
    statement.run(values);
  };
}
