/**
 * Ledger benchmark: builds a temporary ledger of realistic expenses through createServices (real
 * migrations and seeding), bulk-loads it with raw prepared statements, reopens it the way the app
 * does at its next start, and then times the list, search and summary procedures through dispatch(),
 * the same validated path the app's IPC takes.
 *
 *   npm run bench:ledger                          # 1,000,000 rows
 *   npm run bench:ledger -- --rows 100000         # quick run
 *   npm run bench:ledger -- --keep --explain      # keep the ledger, print the plans of the slowest queries
 *   npm run bench:ledger -- --reuse DIR           # only the queries, on a ledger kept by an earlier run
 *   npm run bench:ledger -- --ids v7              # time-ordered ids instead of the app's random UUIDs
 *
 * Progress goes to stdout as "[bench] ..." lines; the last line is one JSON object with the results.
 */
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { explainList, explainSummary } from '../../db/repositories/expense-query';
import { dispatch } from '../../electron/main/dispatch';
import { createServices, type Services } from '../../electron/main/services';
import type { ExpenseFilter, ExpenseListInput } from '../../shared/contract';
import { buildModel, createBulkLoader, createUuidV7, ExpenseGenerator, insertModelRows, readCategoryIds, type LedgerModel } from './generate-ledger';
import { randomListInput, randomSearchInput, randomSummaryInput } from './query-mix';
import { createRng } from './rng';
import { log, mb, peakRssMb, percentile, round } from './stats';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '50000' },
    queries: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    /** Query an existing ledger built with --keep instead of building one (for tuning indexes and plans). */
    reuse: { type: 'string' },
    keep: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    slowest: { type: 'string', default: '5' },
    /** 'random' (UUID v4, what the app makes) or 'v7' (time-ordered), to see what id order costs inserts. */
    ids: { type: 'string', default: 'random' },
  },
  strict: true,
});

const ROWS = Number(args.rows);
const BATCH = Number(args.batch);
const QUERIES = Number(args.queries);
const SEED = Number(args.seed);
const SLOWEST = Number(args.slowest);
const WARMUP = 10;
/** The ledger's "today": fixed so that date filters and overdue invoices are the same on every run. */
const NOW = new Date('2026-06-30T17:00:00.000Z');

if (!Number.isInteger(ROWS) || ROWS < 1) throw new Error('--rows must be a positive integer');

interface Sample {
  label: string;
  ms: number;
  rows: number;
  explain?: () => string[];
}

async function measure(
  name: string,
  count: number,
  targetMs: number,
  next: () => { label: string; run: () => Promise<number>; explain?: () => string[] }
): Promise<Sample[]> {
  for (let i = 0; i < WARMUP; i++) await next().run();
  const samples: Sample[] = [];
  for (let i = 0; i < count; i++) {
    const q = next();
    const t0 = performance.now();
    const rows = await q.run();
    samples.push({ label: q.label, ms: performance.now() - t0, rows, explain: q.explain });
  }
  const ms = samples.map((s) => s.ms);
  const over = ms.filter((m) => m > targetMs).length;
  log(
    `${name}: n=${count} p50=${round(percentile(ms, 50))}ms p95=${round(percentile(ms, 95))}ms max=${round(Math.max(...ms))}ms ` +
      `(${over} over ${targetMs}ms; load ${os.loadavg()[0]!.toFixed(1)})`
  );
  for (const s of [...samples].sort((a, b) => b.ms - a.ms).slice(0, SLOWEST)) {
    log(`  slow ${round(s.ms)}ms rows=${s.rows} ${s.label}`);
    if (args.explain && s.explain) for (const line of s.explain()) log(`      ${line}`);
  }
  return samples;
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

/** Bulk-loads ROWS generated expenses; answers expenses per second spent in SQLite. */
function buildLedger(services: Services, model: LedgerModel, newId?: () => string): number {
  const sqlite = services.context.sqlite;
  insertModelRows(sqlite, model, NOW.toISOString());
  const loader = createBulkLoader(sqlite);
  const generator = new ExpenseGenerator(model, ROWS, { seed: SEED + 1, newId });
  let insertMs = 0;
  let generateMs = 0;
  let positions = 0;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  while (generator.count < ROWS) {
    const r = loader.insertFrom(generator, Math.min(BATCH, ROWS - generator.count));
    insertMs += r.sqliteMs;
    generateMs += r.generateMs;
    positions += r.positions;
    log(`inserted ${generator.count.toLocaleString('en')} rows (${Math.round(generator.count / (insertMs / 1000)).toLocaleString('en')} rows/s in SQLite, rss ${mb(process.memoryUsage().rss)} MB, load ${os.loadavg()[0]!.toFixed(1)})`);
  }
  const cpu = process.cpuUsage(cpu0);
  log(`bulk load used ${round((cpu.user + cpu.system) / 1e6)}s of CPU (generation included) in ${round((performance.now() - started) / 1000)}s`);
  const insertRate = ROWS / (insertMs / 1000);
  log(
    `bulk load: ${round(insertMs / 1000)}s in SQLite (${Math.round(insertRate).toLocaleString('en')} expenses/s with ${positions.toLocaleString('en')} positions), ` +
      `${round(generateMs / 1000)}s generating, ${round((performance.now() - started) / 1000)}s total`
  );
  return insertRate;
}

/** A model rebuilt from the same seed gets fresh ids; point it at the ids stored in a reused ledger. */
function adoptStoredIds(sqlite: Database.Database, model: LedgerModel): void {
  const vendorIds = new Map((sqlite.prepare('SELECT id, normalized_name AS n FROM vendors').all() as Array<{ id: string; n: string }>).map((r) => [r.n, r.id]));
  for (const v of model.vendors) v.id = vendorIds.get(v.normalizedName) ?? v.id;
  const tagIds = new Map((sqlite.prepare('SELECT id, name FROM tags').all() as Array<{ id: string; name: string }>).map((r) => [r.name, r.id]));
  for (const t of model.tags) t.id = tagIds.get(t.name) ?? t.id;
}

async function main(): Promise<void> {
  const reuse = args.reuse;
  const dataDir = reuse ?? mkdtempSync(join(tmpdir(), 'shoebox-bench-'));
  const temporary = !reuse && !args.keep;
  log(`ledger in ${dataDir}; ${ROWS.toLocaleString('en')} rows in batches of ${BATCH.toLocaleString('en')}`);
  let services: Services = createServices({ dataDir, now: () => NOW });
  try {
    const sqlite = services.context.sqlite;
    const newId = args.ids === 'v7' ? createUuidV7() : undefined;
    const model: LedgerModel = buildModel({ seed: SEED, categoryIds: readCategoryIds(sqlite), today: NOW.toISOString().slice(0, 10), newId });
    let insertRate = NaN;
    if (reuse) {
      adoptStoredIds(sqlite, model);
      log(`reusing ${(sqlite.prepare('SELECT count(*) AS n FROM expenses').get() as { n: number }).n.toLocaleString('en')} rows`);
    } else {
      insertRate = buildLedger(services, model, newId);
    }
    // --- Restart the way the app does: close (PRAGMA optimize), open (migrations, startup work) ---
    const c0 = performance.now();
    services.close();
    const c1 = performance.now();
    services = createServices({ dataDir, now: () => NOW });
    log(`reopen: close ${round(c1 - c0)}ms, open ${round(performance.now() - c1)}ms`);
    const stat = services.context.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'").get() as { n: number };
    log(`planner statistics: ${stat.n ? `${(services.context.sqlite.prepare('SELECT count(*) AS n FROM sqlite_stat1').get() as { n: number }).n} rows in sqlite_stat1` : 'none'}`);

    const handlers = services.handlers;
    const ctx = services.context;
    const today = NOW.toISOString().slice(0, 10);
    const listOf = (input: ExpenseListInput) => async () => ((await dispatch(handlers, 'expenses.list', input)) as { items: unknown[] }).items.length;
    const explainOf = (input: ExpenseListInput) => () => {
      const { sort = 'date', order = 'desc', offset = 0, limit = 50, ...filter } = input;
      return explainList(ctx.sqlite, filter as ExpenseFilter, { sort, order, offset, limit: limit + 1 }, today);
    };

    // --- Queries -------------------------------------------------------------------------------
    const listRng = createRng(SEED * 1000 + 1);
    const list = await measure('list (page of 50, random filter and sort)', QUERIES, 10, () => {
      const q = randomListInput(listRng, model);
      return { label: q.label, run: listOf(q.input), explain: explainOf(q.input) };
    });
    const searchRng = createRng(SEED * 1000 + 2);
    const search = await measure('search (first page)', QUERIES, 30, () => {
      const q = randomSearchInput(searchRng, model);
      return { label: q.label, run: listOf(q.input), explain: explainOf(q.input) };
    });
    const countRng = createRng(SEED * 1000 + 3);
    const count = await measure('summary (count and totals per currency)', QUERIES, 50, () => {
      const q = randomSummaryInput(countRng, model);
      return {
        label: q.label,
        run: async () => ((await dispatch(handlers, 'expenses.summary', q.filter)) as { count: number }).count,
        explain: () => explainSummary(ctx.sqlite, q.filter, today),
      };
    });

    // --- Size and memory -----------------------------------------------------------------------
    ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = fileSize(services.databasePath) + fileSize(`${services.databasePath}-wal`);
    log(`database: ${mb(dbBytes)} MB`);

    const result = {
      bench: 'ledger',
      rows: ROWS,
      insert_rows_per_s: Math.round(insertRate),
      list_p50_ms: round(percentile(list.map((s) => s.ms), 50)),
      list_p95_ms: round(percentile(list.map((s) => s.ms), 95)),
      search_p95_ms: round(percentile(search.map((s) => s.ms), 95)),
      count_p95_ms: round(percentile(count.map((s) => s.ms), 95)),
      db_mb: mb(dbBytes),
      peak_rss_mb: peakRssMb(),
    };
    services.close();
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
    else log(`kept ${dataDir}`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } catch (err) {
    services.close();
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

await main();
