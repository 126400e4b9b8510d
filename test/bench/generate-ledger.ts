/**
 * Generates realistic ledgers for benchmarks and tests: a seeded, deterministic stream of expenses
 * (five years of dates, ~500 vendors on a Zipf curve, Swiss/EU VAT, several currencies, OCR text,
 * tags) and a bulk loader that writes them with raw prepared statements in large transactions.
 *
 * Totals are computed with shared/domain/vat.ts exactly as the expense service does, so the stored
 * net/tax/gross columns are what the app itself would have written.
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { normalizeVendorName } from '../../shared/domain/vendor';
import { rateToBp, sumTotals } from '../../shared/domain/vat';
import { createRng, pickFrom, WeightedPicker, zipfWeights, type Rng } from './rng';
import {
  CITIES,
  CUSTOMERS,
  DESCRIPTION_WORDS,
  ITEMS,
  KNOWN_VENDORS,
  LEGAL_FORMS_BY_COUNTRY,
  NOTE_SENTENCES,
  PROJECTS,
  STREETS,
  TAG_NAMES,
  TRADES,
  FAMILY_NAMES,
  type CategoryKey,
  type Country,
} from './vocabulary';

export interface VendorSpec {
  id: string;
  name: string;
  normalizedName: string;
  category: CategoryKey;
  country: Country;
  currency: string;
  invoiceShare: number;
  /** Typical gross amount in minor units. */
  median: number;
  address: string;
  iban: string | null;
  vatId: string | null;
}

export interface LedgerModel {
  /** Ordered by popularity (index 0 is the most used). */
  vendors: VendorSpec[];
  vendorPicker: WeightedPicker<VendorSpec>;
  /** Category id by default key, as seeded into this ledger. */
  categoryIds: Map<CategoryKey, string>;
  tags: Array<{ id: string; name: string }>;
  tagPicker: WeightedPicker<{ id: string; name: string }>;
  /** The last calendar day of the ledger (YYYY-MM-DD); the ledger spans `years` before it. */
  today: string;
  years: number;
}

export interface GeneratedPosition {
  id: string;
  description: string | null;
  totalMinor: number;
  vatRateBp: number;
  mode: 'inclusive' | 'exclusive';
  accountNo: string | null;
}

export interface GeneratedExpense {
  /** Column values in EXPENSE_COLUMNS order. */
  values: unknown[];
  id: string;
  positions: GeneratedPosition[];
  tagIds: string[];
}

const DAY_MS = 86_400_000;

/** Swiss VAT (8.1 standard, 2.6 reduced, 3.8 lodging) and the neighbours' rates, in percent with a weight. */
const VAT_BY_COUNTRY: Record<Country, ReadonlyArray<readonly [number, number]>> = {
  CH: [[8.1, 70], [2.6, 18], [3.8, 3], [0, 9]],
  DE: [[19, 75], [7, 20], [0, 5]],
  FR: [[20, 75], [10, 10], [5.5, 12], [0, 3]],
  AT: [[20, 75], [10, 20], [13, 5]],
  IT: [[22, 75], [10, 15], [4, 10]],
  GB: [[20, 80], [5, 5], [0, 15]],
  US: [[0, 85], [8.1, 15]],
  IE: [[0, 60], [8.1, 30], [23, 10]],
  NL: [[21, 70], [9, 20], [0, 10]],
};

const CURRENCY_BY_COUNTRY: Record<Country, ReadonlyArray<readonly [string, number]>> = {
  CH: [['CHF', 100]],
  DE: [['EUR', 100]],
  FR: [['EUR', 100]],
  AT: [['EUR', 100]],
  IT: [['EUR', 100]],
  NL: [['EUR', 100]],
  IE: [['EUR', 55], ['CHF', 30], ['USD', 15]],
  GB: [['GBP', 80], ['EUR', 20]],
  US: [['USD', 85], ['CHF', 15]],
};

const ACCOUNT_CODES: Record<CategoryKey, string> = {
  office_supplies: '6500', software: '6570', hardware: '1520', rent: '6000', telecom: '6510', travel: '6640', vehicle: '6200',
  meals: '6641', marketing: '6600', professional: '6530', insurance: '6300', bank_fees: '6940', goods: '4200', training: '5810',
  taxes: '8900', other: '6700',
};

const CATEGORY_KEYS = Object.keys(ACCOUNT_CODES) as CategoryKey[];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function fakeIban(rng: Rng, country: Country): string {
  const digits = Array.from({ length: country === 'CH' ? 17 : 18 }, () => rng.int(0, 9)).join('');
  return `${country === 'CH' ? 'CH' : country}${pad2(rng.int(10, 99))}${digits}`;
}

function fakeVatId(rng: Rng, country: Country): string | null {
  if (country === 'CH') return `CHE-${rng.int(100, 999)}.${rng.int(100, 999)}.${rng.int(100, 999)} MWST`;
  if (country === 'US') return null;
  return `${country === 'GB' ? 'GB' : country}${rng.int(100_000_000, 999_999_999)}`;
}

/** ~`count` vendors: the well-known ones first, then local businesses; names unique once normalised. */
export function buildVendors(rng: Rng, count: number, newId: () => string = randomUUID): VendorSpec[] {
  const seen = new Set<string>();
  const specs: VendorSpec[] = [];
  const add = (name: string, category: CategoryKey, country: Country, invoiceShare: number, medianChf: number) => {
    const normalizedName = normalizeVendorName(name) || name.trim().toLowerCase();
    if (seen.has(normalizedName) || specs.length >= count) return;
    seen.add(normalizedName);
    const currency = pickFrom(rng, CURRENCY_BY_COUNTRY[country]);
    const city = rng.pick(CITIES[country]);
    specs.push({
      id: newId(),
      name,
      normalizedName,
      category,
      country,
      currency,
      invoiceShare,
      median: Math.max(100, Math.round(medianChf * 100 * (currency === 'GBP' ? 0.9 : 1))),
      address: `${rng.pick(STREETS)} ${rng.int(1, 180)}, ${rng.int(1000, 9999)} ${city}`,
      iban: invoiceShare > 0.3 && (country === 'CH' || rng.chance(0.5)) ? fakeIban(rng, country) : null,
      vatId: fakeVatId(rng, country),
    });
  };
  for (const [name, category, country, invoiceShare, median] of KNOWN_VENDORS) add(name, category, country, invoiceShare, median);
  let guard = 0;
  while (specs.length < count && guard++ < count * 50) {
    const [trade, category, invoiceShare, median] = rng.pick(TRADES);
    const family = rng.pick(FAMILY_NAMES);
    const country: Country = pickFrom(rng, [['CH', 85], ['DE', 8], ['AT', 3], ['FR', 2], ['IT', 2]] as const);
    const form = rng.pick(LEGAL_FORMS_BY_COUNTRY[country]);
    const style = rng.int(0, 3);
    const city = rng.pick(CITIES[country]);
    const base =
      style === 0 ? `${trade} ${family}` : style === 1 ? `${family} ${trade}` : style === 2 ? `${trade} ${family} ${city}` : `${family} & ${rng.pick(FAMILY_NAMES)} ${trade}`;
    add(form ? `${base} ${form}` : base, category, country, invoiceShare, median * Math.exp(rng.normal() * 0.4));
  }
  // The Zipf head is the well-known vendors in their listed order, with some local businesses mixed in.
  const head = specs.slice(0, 40);
  const tail = specs.slice(40);
  for (let i = tail.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [tail[i], tail[j]] = [tail[j]!, tail[i]!];
  }
  return [...head, ...tail];
}

export function buildModel(
  options: { seed?: number; vendors?: number; today?: string; years?: number; categoryIds: Map<CategoryKey, string>; newId?: () => string }
): LedgerModel {
  const rng = createRng(options.seed ?? 20260630);
  const newId = options.newId ?? randomUUID;
  const vendors = buildVendors(rng, options.vendors ?? 500, newId);
  const tags = TAG_NAMES.map((name) => ({ id: newId(), name }));
  return {
    vendors,
    vendorPicker: new WeightedPicker(vendors, zipfWeights(vendors.length, 1)),
    categoryIds: options.categoryIds,
    tags,
    tagPicker: new WeightedPicker(tags, zipfWeights(tags.length, 1.1)),
    today: options.today ?? '2026-06-30',
    years: options.years ?? 5,
  };
}

/** Category ids of the seeded defaults in a ledger, by key. */
export function readCategoryIds(sqlite: Database.Database): Map<CategoryKey, string> {
  const rows = sqlite.prepare('SELECT id, default_key AS key FROM categories WHERE default_key IS NOT NULL AND deleted_at IS NULL').all() as Array<{
    id: string;
    key: CategoryKey;
  }>;
  return new Map(rows.map((r) => [r.key, r.id]));
}

export const EXPENSE_COLUMNS = [
  'id', 'created_at', 'updated_at', 'version', 'deleted_at', 'type', 'status', 'reject_reason', 'title', 'description',
  'vendor_id', 'vendor_name', 'issued_at', 'due_at', 'approved_at', 'paid_at', 'reference', 'iban', 'bic', 'currency',
  'net_minor', 'tax_minor', 'gross_minor', 'category_id', 'project', 'customer', 'payment_method', 'notes', 'custom_fields',
  'billable', 'budget_relevant', 'locked', 'exported', 'source', 'is_processing', 'has_attachment', 'ocr_text', 'extracted',
  'duplicate_of_id',
] as const;

/** Day numbers (days since 1970-01-01) to ISO dates, cached: the generator formats millions of them. */
class DayFormatter {
  private readonly cache = new Map<number, string>();
  iso(day: number): string {
    let s = this.cache.get(day);
    if (!s) this.cache.set(day, (s = new Date(day * DAY_MS).toISOString().slice(0, 10)));
    return s;
  }
  dmy(day: number): string {
    const iso = this.iso(day);
    return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
  }
}

function money(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${pad2(abs % 100)}`;
}

function sentence(rng: Rng, words: readonly string[], min: number, max: number): string {
  const n = rng.int(min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(words));
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A deterministic stream of expenses in the order a ledger fills up (roughly chronological, so row_id
 * follows created_at as it does in a real ledger). Call `batch(count)` repeatedly.
 */
export class ExpenseGenerator {
  private readonly rng: Rng;
  private readonly days = new DayFormatter();
  private readonly todayDay: number;
  private readonly startDay: number;
  private produced = 0;
  private invoiceNo = 1000;

  constructor(
    private readonly model: LedgerModel,
    private readonly total: number,
    options: { seed?: number; newId?: () => string } = {}
  ) {
    this.rng = createRng(options.seed ?? 42);
    this.newId = options.newId ?? randomUUID;
    this.todayDay = Math.floor(Date.parse(`${model.today}T00:00:00Z`) / DAY_MS);
    this.startDay = this.todayDay - Math.round(model.years * 365.25);
  }

  private readonly newId: () => string;

  get count(): number {
    return this.produced;
  }

  /** Day of the i-th expense: a business that grows (density rises from 0.6 to 1.4 over the span). */
  private dayAt(i: number): number {
    const q = Math.min(1, (i + this.rng.next()) / this.total);
    const a = 0.6;
    const b = 0.8;
    // Inverse CDF of f(x) = (a + b x) / (a + b/2) on [0, 1].
    const x = (-a + Math.sqrt(a * a + 2 * b * q * (a + b / 2))) / b;
    return this.startDay + Math.floor(x * (this.todayDay - this.startDay));
  }

  batch(count: number): GeneratedExpense[] {
    const out: GeneratedExpense[] = [];
    for (let k = 0; k < count && this.produced < this.total; k++, this.produced++) out.push(this.one(this.produced));
    return out;
  }

  private one(i: number): GeneratedExpense {
    const { rng, model, days } = this;
    const createdDay = Math.min(this.todayDay, this.dayAt(i));
    const hasVendor = rng.chance(0.96);
    const vendor = hasVendor ? model.vendorPicker.pick(rng) : undefined;
    const country: Country = vendor?.country ?? 'CH';
    const currency = vendor ? (rng.chance(0.93) ? vendor.currency : rng.pick(['CHF', 'EUR', 'EUR', 'USD', 'GBP'])) : rng.chance(0.85) ? 'CHF' : 'EUR';
    const type: 'receipt' | 'invoice' = rng.chance(vendor?.invoiceShare ?? 0.05) ? 'invoice' : 'receipt';
    const lag = type === 'receipt' ? Math.floor(-Math.log(1 - rng.next()) * 4) : rng.int(0, 6);
    const issuedDay = Math.max(this.startDay, createdDay - lag);
    const issuedAt = days.iso(issuedDay);
    const age = this.todayDay - issuedDay;
    const createdAt = `${days.iso(createdDay)}T${pad2(rng.int(6, 21))}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}.${String(rng.int(0, 999)).padStart(3, '0')}Z`;

    // Category: mostly the vendor's, sometimes another, ~15% never categorised.
    let categoryKey: CategoryKey | null = vendor?.category ?? 'other';
    if (rng.chance(0.15)) categoryKey = null;
    else if (rng.chance(0.1)) categoryKey = rng.pick(CATEGORY_KEYS);
    const categoryId = categoryKey ? (model.categoryIds.get(categoryKey) ?? null) : null;
    const itemKey: CategoryKey = vendor?.category ?? categoryKey ?? 'other';

    // Amounts: log-normal around the vendor's median, split over 1-3 positions.
    const median = vendor?.median ?? 3000;
    let gross = Math.max(5, Math.round(median * Math.exp(rng.normal() * 0.75)));
    if (currency === 'CHF') gross = Math.max(5, Math.round(gross / 5) * 5);
    const positionCount = pickFrom(rng, [[1, 60], [2, 25], [3, 15]] as const);
    const exclusive = type === 'invoice' ? rng.chance(0.6) : rng.chance(0.04);
    const positions: GeneratedPosition[] = [];
    let remaining = gross;
    for (let p = 0; p < positionCount; p++) {
      const total = p === positionCount - 1 ? remaining : Math.max(0, Math.round(remaining * (0.3 + rng.next() * 0.5)));
      remaining -= total;
      const vatRate = pickFrom(rng, VAT_BY_COUNTRY[country]);
      positions.push({
        id: this.newId(),
        description: positionCount === 1 && rng.chance(0.5) ? null : rng.pick(ITEMS[itemKey]),
        totalMinor: total,
        vatRateBp: rateToBp(vatRate),
        mode: exclusive ? 'exclusive' : 'inclusive',
        accountNo: rng.chance(0.4) ? ACCOUNT_CODES[categoryKey ?? itemKey] : null,
      });
    }
    const totals = sumTotals(positions.map((p) => ({ total: p.totalMinor, vatRateBp: p.vatRateBp, mode: p.mode })));

    // Workflow: receipts are filed approved and paid; invoices move through review, recent ones are open.
    let status: 'draft' | 'pending_review' | 'approved' | 'rejected';
    if (type === 'receipt') status = pickFrom(rng, [['approved', 970], ['pending_review', 20], ['rejected', 7], ['draft', 3]] as const);
    else if (age < 30) status = pickFrom(rng, [['draft', 25], ['pending_review', 35], ['approved', 35], ['rejected', 5]] as const);
    else status = pickFrom(rng, [['approved', 930], ['rejected', 30], ['pending_review', 25], ['draft', 15]] as const);
    const dueDay = type === 'invoice' ? issuedDay + pickFrom(rng, [[10, 15], [30, 60], [60, 15], [14, 10]] as const) : null;
    let paidAt: string | null = null;
    if (type === 'receipt') paidAt = issuedAt;
    else if (status === 'approved' && (dueDay! < this.todayDay ? rng.chance(0.96) : rng.chance(0.4))) {
      paidAt = days.iso(Math.min(this.todayDay, issuedDay + rng.int(2, 45)));
    }
    const approvedAt = status === 'approved' ? `${days.iso(Math.min(this.todayDay, createdDay + rng.int(0, 4)))}T09:${pad2(rng.int(0, 59))}:00.000Z` : null;
    const exported = status === 'approved' && age > 120 && rng.chance(0.85);
    const locked = exported && rng.chance(0.8);

    const source = type === 'invoice'
      ? pickFrom(rng, [['email', 45], ['drop', 20], ['manual', 15], ['folder', 10], ['e_invoice', 10]] as const)
      : pickFrom(rng, [['drop', 45], ['manual', 30], ['folder', 12], ['email', 13]] as const);
    const hasAttachment = source !== 'manual' || rng.chance(0.3);
    const paymentMethod =
      type === 'receipt'
        ? pickFrom(rng, [['card', 58], ['cash', 22], ['paypal', 5], ['direct_debit', 5], ['other', 10]] as const)
        : rng.chance(0.1)
          ? null
          : pickFrom(rng, [['bank_transfer', 75], ['direct_debit', 15], ['card', 7], ['paypal', 3]] as const);

    // Text people and OCR put on an expense.
    const item = rng.pick(ITEMS[itemKey]);
    const vendorShort = vendor ? vendor.name.split(' ').slice(0, 2).join(' ') : null;
    let title: string;
    if (!vendor) title = rng.chance(0.5) ? `Barauslage ${item}` : item;
    else if (type === 'invoice') {
      const month = issuedAt.slice(0, 7);
      title = rng.chance(0.5) ? `${vendorShort} ${item} ${month}` : `Rechnung ${vendorShort} ${this.invoiceNo++}`;
    } else title = rng.chance(0.35) ? vendor.name : `${vendorShort} ${item}`;
    const description = rng.chance(0.35) ? sentence(rng, DESCRIPTION_WORDS, 3, 12) : null;
    const notes = rng.chance(0.15) ? (rng.chance(0.7) ? rng.pick(NOTE_SENTENCES) : `${rng.pick(NOTE_SENTENCES)}. ${sentence(rng, DESCRIPTION_WORDS, 3, 8)}`) : null;
    const withOcr = hasAttachment && rng.chance(0.5);
    const ocrText = withOcr ? this.ocr(vendor, issuedDay, positions, totals.gross, totals.tax, currency) : null;
    const extracted = withOcr ? `{"confidence":${(0.6 + rng.next() * 0.4).toFixed(2)},"fields":["vendor","date","total"]}` : null;

    const billable = rng.chance(0.1);
    const project = billable || rng.chance(0.08) ? rng.pick(PROJECTS) : null;
    const customer = billable ? rng.pick(CUSTOMERS) : null;
    // In the trash: deleted within the last weeks (older deletions are purged when the ledger opens).
    const deletedAt = rng.chance(0.01) ? `${days.iso(this.todayDay - rng.int(0, 25))}T12:00:00.000Z` : null;
    const reference = type === 'invoice' ? (rng.chance(0.5) ? `RF${rng.int(10, 99)}${rng.int(1_000_000, 9_999_999)}` : `INV-${issuedAt.slice(0, 4)}-${rng.int(1, 99999)}`) : null;

    const tagIds: string[] = [];
    if (rng.chance(0.2)) {
      const n = pickFrom(rng, [[1, 70], [2, 22], [3, 8]] as const);
      for (let t = 0; t < n; t++) {
        const tag = model.tagPicker.pick(rng);
        if (!tagIds.includes(tag.id)) tagIds.push(tag.id);
      }
    }

    const id = this.newId();
    const values: unknown[] = [
      id, createdAt, createdAt, 1, deletedAt, type, status, status === 'rejected' ? 'Kein Geschäftsaufwand' : null, title, description,
      vendor?.id ?? null, vendor?.name ?? null, issuedAt, dueDay === null ? null : days.iso(dueDay), approvedAt, paidAt, reference,
      type === 'invoice' ? (vendor?.iban ?? null) : null, null, currency, totals.net, totals.tax, totals.gross, categoryId, project, customer,
      paymentMethod, notes, rng.chance(0.04) ? `{"costCenter":"CC-${rng.int(1000, 1999)}"}` : null, billable ? 1 : 0, rng.chance(0.95) ? 1 : 0,
      locked ? 1 : 0, exported ? 1 : 0, source, 0, hasAttachment ? 1 : 0, ocrText, extracted, null,
    ];
    return { values, id, positions, tagIds };
  }

  private ocr(vendor: VendorSpec | undefined, day: number, positions: GeneratedPosition[], gross: number, tax: number, currency: string): string {
    const { rng, days } = this;
    const lines: string[] = [];
    if (vendor) lines.push(vendor.name.toUpperCase(), vendor.address);
    if (vendor?.vatId) lines.push(`MWST-Nr. ${vendor.vatId}`);
    lines.push(`${days.dmy(day)} ${pad2(rng.int(7, 20))}:${pad2(rng.int(0, 59))}  Kasse ${rng.int(1, 12)}  Bon ${rng.int(1000, 99999)}`);
    for (const p of positions) {
      const extra = rng.int(0, 3);
      for (let k = 0; k < extra; k++) lines.push(`${rng.pick(DESCRIPTION_WORDS)} ${rng.pick(ITEMS.meals)}  ${money(rng.int(100, 2000))}`);
      lines.push(`${p.description ?? 'Artikel'}  ${money(p.totalMinor)}`);
    }
    lines.push(`TOTAL ${currency} ${money(gross)}`, `MWST ${(positions[0]!.vatRateBp / 100).toFixed(1)}% ${money(tax)}`);
    lines.push(rng.chance(0.6) ? `Karte Visa ****${rng.int(1000, 9999)}` : 'Bar bezahlt');
    lines.push(rng.pick(['Vielen Dank für Ihren Einkauf', 'Merci de votre visite', 'Thank you for your purchase', 'Grazie e arrivederci']));
    return lines.join('\n');
  }
}

export interface BulkLoader {
  /** Writes a batch in one transaction; answers the milliseconds spent in SQLite. */
  insert(batch: GeneratedExpense[]): number;
  /**
   * Writes the next `count` expenses of a generator in one transaction, generating them in small
   * slices inside it so that memory stays flat. Answers the time spent in SQLite and generating.
   */
  insertFrom(generator: ExpenseGenerator, count: number, slice?: number): { sqliteMs: number; generateMs: number; positions: number };
}

/** Inserts vendors and tags of the model (their rows must exist before expenses reference them). */
export function insertModelRows(sqlite: Database.Database, model: LedgerModel, at: string): void {
  const vendor = sqlite.prepare(
    'INSERT INTO vendors (id, created_at, updated_at, version, name, normalized_name, address, iban, vat_id) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)'
  );
  const tag = sqlite.prepare('INSERT INTO tags (id, created_at, updated_at, version, name) VALUES (?, ?, ?, 1, ?)');
  sqlite.transaction(() => {
    for (const v of model.vendors) vendor.run(v.id, at, at, v.name, v.normalizedName, v.address, v.iban, v.vatId);
    for (const t of model.tags) tag.run(t.id, at, at, t.name);
  })();
}

/**
 * INSERT of many rows per statement, with one prepared statement per row count (cached).
 *
 * Besides saving a statement execution per row, this matters for the full-text index: an INSERT
 * into expenses fires triggers, so SQLite opens a statement savepoint for it, and FTS5 writes its
 * pending terms to a new segment at every savepoint. One row per statement means one segment per
 * expense and endless merging; 500 rows per statement means 500 times fewer. (Loading 200,000
 * expenses, 500 rather than 100 per statement cut page reads from 15 GB to 5.6 GB.)
 */
function multiRowInsert(sqlite: Database.Database, table: string, columns: readonly string[], verb = 'INSERT'): (rows: unknown[][]) => void {
  const statements = new Map<number, Database.Statement>();
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return (rows) => {
    if (rows.length === 0) return;
    let stmt = statements.get(rows.length);
    if (!stmt) {
      stmt = sqlite.prepare(`${verb} INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows.length }, () => tuple).join(', ')}`);
      statements.set(rows.length, stmt);
    }
    stmt.run(rows.flat());
  };
}

export interface BulkLoaderOptions {
  /** Expenses (and positions, tag links) written per INSERT statement (default 500; at most 800, 39 columns each). */
  rowsPerStatement?: number;
  /** Statement verb, e.g. 'INSERT OR FAIL' (for experiments with statement journals). */
  verb?: string;
  /** Expenses staged in a TEMP table and moved with one INSERT ... SELECT (default 5,000; 0 to insert directly). */
  stageRows?: number;
}

/**
 * Raw prepared statements in one transaction per batch: expenses (their FTS and totals triggers
 * fire), then their positions and tag links, `rowsPerStatement` rows per statement.
 *
 * With `stageRows` (the default, 5,000), expenses are first written to a TEMP table and moved into
 * expenses with one INSERT ... SELECT per 5,000 rows: the triggers fire for every row as usual,
 * but the statement savepoint at which FTS5 flushes its pending terms comes once per 5,000 rows,
 * not once per statement. At a million rows most of the load's time went into merging and then
 * deleting (re-reading) the small segments that per-statement flushes leave behind.
 */
export function createBulkLoader(sqlite: Database.Database, options: BulkLoaderOptions = {}): BulkLoader {
  const ROWS_PER_STATEMENT = options.rowsPerStatement ?? 500;
  const stageRows = options.stageRows ?? 5000;
  const columns = EXPENSE_COLUMNS.join(', ');
  let insertExpenses = multiRowInsert(sqlite, 'expenses', EXPENSE_COLUMNS, options.verb);
  if (stageRows > 0) {
    sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS bulk_expenses AS SELECT ${columns} FROM main.expenses WHERE 0`);
    const stage = multiRowInsert(sqlite, 'temp.bulk_expenses', EXPENSE_COLUMNS);
    const move = sqlite.prepare(`${options.verb ?? 'INSERT'} INTO main.expenses (${columns}) SELECT ${columns} FROM temp.bulk_expenses ORDER BY rowid`);
    const clear = sqlite.prepare('DELETE FROM temp.bulk_expenses');
    insertExpenses = (rows) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) stage(rows.slice(i, i + ROWS_PER_STATEMENT));
      move.run();
      clear.run();
    };
  }
  const insertPositions = multiRowInsert(sqlite, 'expense_positions', [
    'id', 'expense_id', 'sort_order', 'description', 'total_minor', 'vat_rate_bp', 'mode', 'account_no',
  ]);
  const insertTagLinks = multiRowInsert(sqlite, 'expense_tags', ['expense_id', 'tag_id']);
  const writeChunk = (chunk: GeneratedExpense[]) => {
    const values = chunk.map((e) => e.values);
    if (stageRows > 0) insertExpenses(values);
    else for (let i = 0; i < values.length; i += ROWS_PER_STATEMENT) insertExpenses(values.slice(i, i + ROWS_PER_STATEMENT));
    const positions: unknown[][] = [];
    const links: unknown[][] = [];
    for (const e of chunk) {
      e.positions.forEach((p, i) => positions.push([p.id, e.id, i, p.description, p.totalMinor, p.vatRateBp, p.mode, p.accountNo]));
      for (const t of e.tagIds) links.push([e.id, t]);
    }
    for (let i = 0; i < positions.length; i += ROWS_PER_STATEMENT) insertPositions(positions.slice(i, i + ROWS_PER_STATEMENT));
    for (let i = 0; i < links.length; i += ROWS_PER_STATEMENT) insertTagLinks(links.slice(i, i + ROWS_PER_STATEMENT));
  };
  const chunkRows = stageRows > 0 ? stageRows : ROWS_PER_STATEMENT;
  const writeAll = (batch: GeneratedExpense[]) => {
    for (let i = 0; i < batch.length; i += chunkRows) writeChunk(batch.slice(i, i + chunkRows));
  };
  const write = sqlite.transaction(writeAll);
  return {
    insert(batch) {
      const t0 = performance.now();
      write(batch);
      return performance.now() - t0;
    },
    insertFrom(generator, count, slice = Math.max(1000, chunkRows)) {
      let generateMs = 0;
      let positions = 0;
      const t0 = performance.now();
      sqlite.transaction(() => {
        for (let done = 0; done < count; ) {
          const g0 = performance.now();
          const batch = generator.batch(Math.min(slice, count - done));
          generateMs += performance.now() - g0;
          if (batch.length === 0) break;
          writeAll(batch);
          for (const e of batch) positions += e.positions.length;
          done += batch.length;
        }
      })();
      return { sqliteMs: performance.now() - t0 - generateMs, generateMs, positions };
    },
  };
}

/**
 * Time-ordered ids (UUID version 7 layout: 48-bit millisecond time, then random bits, with a
 * counter so that ids made in the same millisecond still increase). Only for experiments that
 * compare them with the app's random v4 ids: B-tree indexes on increasing keys are appended to,
 * on random keys every insert lands on a random page.
 */
export function createUuidV7(): () => string {
  let lastMs = 0;
  let counter = 0;
  return () => {
    const now = Date.now();
    if (now > lastMs) {
      lastMs = now;
      counter = Math.floor(Math.random() * 0x400);
    } else counter++;
    const time = lastMs.toString(16).padStart(12, '0');
    const seq = (0x7000 | ((counter >> 12) & 0x0fff)).toString(16);
    const variant = (0x8000 | (counter & 0x0fff) | 0).toString(16);
    const rand = Array.from({ length: 12 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-${seq}-${variant.slice(0, 4)}-${rand}`;
  };
}
