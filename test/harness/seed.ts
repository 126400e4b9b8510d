import { addDays, format, min, subDays } from 'date-fns';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { ExpenseInsert } from '../../db/repositories/expenses';
import { upsertVendor } from '../../db/repositories/vendors';
import { activityLog, categories, expensePositions, expenses, expenseTags, tags } from '../../db/schema';
import type { Services } from '../../electron/main/services';
import { rateToBp, sumTotals } from '../../shared/domain/vat';
import { preparedInsert } from './fast-insert';

interface VendorProfile {
  name: string;
  /** Key of a default category (resources/default-categories.json). */
  category: string;
  type: 'receipt' | 'invoice';
  /** Typical gross range in minor units. */
  min: number;
  max: number;
  vat: number;
  currency?: string;
  iban?: string;
  items: string[];
}

const VENDORS: VendorProfile[] = [
  { name: 'Migros', category: 'meals', type: 'receipt', min: 450, max: 6_500, vat: 2.6, items: ['Groceries for the office', 'Team snacks'] },
  { name: 'Coop', category: 'meals', type: 'receipt', min: 380, max: 5_900, vat: 2.6, items: ['Coffee and milk', 'Office fruit'] },
  { name: 'Restaurant Kronenhalle', category: 'meals', type: 'receipt', min: 6_500, max: 42_000, vat: 8.1, items: ['Client dinner', 'Team lunch'] },
  { name: 'SBB CFF FFS', category: 'travel', type: 'receipt', min: 280, max: 24_000, vat: 8.1, items: ['Train Zürich–Bern', 'Half-fare travelcard', 'Day pass'] },
  { name: 'Swiss International Air Lines', category: 'travel', type: 'receipt', min: 18_000, max: 160_000, vat: 0, items: ['Flight ZRH–BER', 'Flight GVA–LHR'] },
  { name: 'Hotel Schweizerhof', category: 'travel', type: 'invoice', min: 15_000, max: 85_000, vat: 3.8, items: ['Two nights, trade fair', 'Conference hotel'] },
  { name: 'Shell', category: 'vehicle', type: 'receipt', min: 4_000, max: 14_000, vat: 8.1, items: ['Fuel', 'Car wash'] },
  { name: 'AMAG', category: 'vehicle', type: 'invoice', min: 25_000, max: 250_000, vat: 8.1, items: ['Service and tyres', 'Annual inspection'] },
  { name: 'Swisscom', category: 'telecom', type: 'invoice', min: 4_990, max: 18_900, vat: 8.1, iban: 'CH9300762011623852957', items: ['Mobile subscription', 'Internet'] },
  { name: 'Sunrise', category: 'telecom', type: 'invoice', min: 3_990, max: 12_900, vat: 8.1, items: ['Mobile subscription'] },
  { name: 'Digitec Galaxus', category: 'hardware', type: 'receipt', min: 2_900, max: 350_000, vat: 8.1, items: ['Monitor', 'Keyboard', 'Laptop', 'USB-C dock'] },
  { name: 'Apple', category: 'hardware', type: 'receipt', min: 9_900, max: 420_000, vat: 8.1, items: ['MacBook Pro', 'iPhone', 'AppleCare'] },
  { name: 'Adobe', category: 'software', type: 'receipt', min: 2_590, max: 7_990, vat: 8.1, currency: 'EUR', items: ['Creative Cloud'] },
  { name: 'GitHub', category: 'software', type: 'receipt', min: 400, max: 2_100, vat: 0, currency: 'USD', items: ['Team plan', 'Copilot'] },
  { name: 'Microsoft', category: 'software', type: 'invoice', min: 1_250, max: 26_000, vat: 8.1, items: ['Microsoft 365 Business'] },
  { name: 'Lyreco', category: 'office_supplies', type: 'invoice', min: 1_500, max: 45_000, vat: 8.1, items: ['Paper and toner', 'Folders'] },
  { name: 'Office World', category: 'office_supplies', type: 'receipt', min: 500, max: 12_000, vat: 8.1, items: ['Stationery', 'Desk lamp'] },
  { name: 'Die Post', category: 'office_supplies', type: 'receipt', min: 110, max: 4_500, vat: 0, items: ['Stamps', 'Parcel to customer'] },
  { name: 'Immobilien Müller AG', category: 'rent', type: 'invoice', min: 180_000, max: 320_000, vat: 0, iban: 'CH5604835012345678009', items: ['Office rent'] },
  { name: 'ewz', category: 'rent', type: 'invoice', min: 8_000, max: 45_000, vat: 8.1, items: ['Electricity'] },
  { name: 'Google Ads', category: 'marketing', type: 'receipt', min: 5_000, max: 150_000, vat: 8.1, currency: 'EUR', items: ['Search campaign'] },
  { name: 'Flyerline', category: 'marketing', type: 'invoice', min: 9_000, max: 60_000, vat: 8.1, items: ['Flyers', 'Business cards'] },
  { name: 'Treuhand Meier GmbH', category: 'professional', type: 'invoice', min: 45_000, max: 400_000, vat: 8.1, items: ['Bookkeeping', 'Annual accounts'] },
  { name: 'Keller & Partner Rechtsanwälte', category: 'professional', type: 'invoice', min: 60_000, max: 300_000, vat: 8.1, items: ['Contract review'] },
  { name: 'AXA', category: 'insurance', type: 'invoice', min: 30_000, max: 250_000, vat: 0, items: ['Liability insurance', 'Vehicle insurance'] },
  { name: 'Die Mobiliar', category: 'insurance', type: 'invoice', min: 20_000, max: 120_000, vat: 0, items: ['Contents insurance'] },
  { name: 'UBS', category: 'bank_fees', type: 'receipt', min: 500, max: 4_500, vat: 0, items: ['Account fees', 'Card fee'] },
  { name: 'PostFinance', category: 'bank_fees', type: 'receipt', min: 300, max: 2_500, vat: 0, items: ['Account fees'] },
  { name: 'Brack.ch', category: 'goods', type: 'invoice', min: 10_000, max: 500_000, vat: 8.1, items: ['Goods for resale'] },
  { name: 'Udemy', category: 'training', type: 'receipt', min: 1_200, max: 19_900, vat: 8.1, currency: 'USD', items: ['Online course'] },
  { name: 'Eidgenössische Steuerverwaltung', category: 'taxes', type: 'invoice', min: 50_000, max: 1_500_000, vat: 0, items: ['VAT settlement'] },
];

const TAGS = ['client-acme', 'project-atlas', 'conference', 'home-office', 'reimbursable', 'q-review'];
const CUSTOMERS = ['Acme AG', 'Helvetia Design GmbH', 'Berner Bau AG'];

/** mulberry32: the same mix of expenses for the same seed and date, on every machine. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

export interface SeedOptions {
  seed?: number;
  /** Dates spread over the three years before this. */
  now?: Date;
}

/**
 * Files `count` plausible expenses (receipts and invoices from recurring vendors, every status,
 * several currencies, VAT, tags, flags) in one transaction of prepared inserts: 100,000 in
 * seconds, where the services' create path (about 2 ms an expense) would take minutes.
 */
export function seedExpenses(services: Services, count: number, options: SeedOptions = {}): void {
  const { db, sqlite, newId } = services.context;
  const rng = random(options.seed ?? 1);
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const day = (d: Date) => format(d, 'yyyy-MM-dd');
  const insert = {
    expense: preparedInsert(sqlite, expenses),
    position: preparedInsert(sqlite, expensePositions),
    tag: preparedInsert(sqlite, expenseTags),
    activity: preparedInsert(sqlite, activityLog),
  };

  db.transaction((tx) => {
    const categoryIds = new Map(tx.select({ id: categories.id, key: categories.defaultKey }).from(categories).all().map((c) => [c.key, c.id]));
    const vendors = VENDORS.map((v) => ({ ...v, row: upsertVendor(tx, { name: v.name, iban: v.iban ?? null }, at, newId) }));
    const tagIds = TAGS.map((name) => ensureTag(tx, name, at, newId));

    const drafts = Array.from({ length: count }, () => {
      const v = rng.pick(vendors);
      const issued = subDays(now, rng.int(0, 3 * 365));
      const created = min([addDays(issued, rng.int(0, 5)).getTime() + rng.int(0, 86_399_999), now]);
      const gross = Math.round(v.min * (v.max / v.min) ** rng.next());
      const split = gross > 5_000 && rng.chance(0.2) ? rng.int(2, 3) : 1;
      const positions = Array.from({ length: split }, (_, p) => ({
        id: newId(),
        description: p === 0 ? rng.pick(v.items) : 'Shipping',
        totalMinor: p === 0 ? gross - (split - 1) * 990 : 990,
        vatRateBp: rateToBp(v.vat),
        mode: 'inclusive' as const,
      }));
      const totals = sumTotals(positions.map((p) => ({ total: p.totalMinor, vatRateBp: p.vatRateBp, mode: p.mode })));
      const id = newId();
      const row: ExpenseInsert = {
        id,
        type: v.type,
        ...(v.type === 'receipt' ? receiptState(issued, created) : invoiceState(issued, now, rng)),
        title: rng.chance(0.6) ? v.name : positions[0]!.description,
        vendorId: v.row.id,
        vendorName: v.row.name,
        issuedAt: day(issued),
        iban: v.type === 'invoice' ? (v.iban ?? null) : null,
        currency: v.currency ?? 'CHF',
        netMinor: totals.net,
        taxMinor: totals.tax,
        grossMinor: totals.gross,
        categoryId: rng.chance(0.85) ? (categoryIds.get(v.category) ?? null) : null,
        paymentMethod: v.type === 'receipt' ? rng.pick(['card', 'card', 'card', 'cash', 'paypal'] as const) : null,
        billable: rng.chance(0.1),
        customer: rng.chance(0.1) ? rng.pick(CUSTOMERS) : null,
        locked: issued < subDays(now, 400) && rng.chance(0.5),
        exported: issued < subDays(now, 180) && rng.chance(0.6),
        source: rng.pick(v.type === 'invoice' ? (['manual', 'email', 'e_invoice', 'folder'] as const) : (['manual', 'drop', 'drop', 'folder'] as const)),
        createdAt: created.toISOString(),
        updatedAt: created.toISOString(),
      };
      const expenseTagIds = rng.chance(0.25) ? new Set([rng.pick(tagIds), rng.pick(tagIds)]) : [];
      return { row, positions, tagIds: expenseTagIds };
    });

    // In the order they were filed, as in a real ledger: row ids follow time, and the indexes
    // grow at their ends instead of everywhere (random order is slower past the page cache).
    drafts.sort((a, b) => a.row.createdAt.localeCompare(b.row.createdAt));
    for (const { row, positions, tagIds: expenseTagIds } of drafts) {
      insert.expense(row);
      positions.forEach((p, sortOrder) => insert.position({ ...p, expenseId: row.id, sortOrder }));
      for (const tagId of expenseTagIds) insert.tag({ expenseId: row.id, tagId });
      insert.activity({
        entityType: 'expense',
        entityId: row.id,
        action: 'created',
        details: { type: row.type, status: row.status, gross: row.grossMinor, currency: row.currency },
        at: row.createdAt,
      });
    }
  });
  services.events.emit('ledger.changed', { entities: ['expenses', 'vendors', 'tags'] });
}

function ensureTag(tx: Tx, name: string, at: string, newId: () => string): string {
  const existing = tx.select({ id: tags.id }).from(tags).where(sql`${tags.name} = ${name} COLLATE NOCASE AND ${tags.deletedAt} IS NULL`).get();
  if (existing) return existing.id;
  const id = newId();
  tx.insert(tags).values({ id, name, createdAt: at, updatedAt: at }).run();
  return id;
}

type WorkflowColumns = Pick<ExpenseInsert, 'status' | 'rejectReason' | 'dueAt' | 'approvedAt' | 'paidAt'>;

/** As the services file a receipt: approved, and paid on the day it was issued. */
function receiptState(issued: Date, created: Date): WorkflowColumns {
  return { status: 'approved', approvedAt: created.toISOString(), paidAt: format(issued, 'yyyy-MM-dd') };
}

/** Recent invoices are still moving through review; older ones are mostly approved and paid, some overdue. */
function invoiceState(issued: Date, now: Date, rng: ReturnType<typeof random>): WorkflowColumns {
  const due = addDays(issued, 30);
  const past = (days: number) => min([addDays(issued, days), now]);
  const recent = due > now;
  const roll = rng.next();
  const status = recent
    ? roll < 0.3 ? 'draft' : roll < 0.7 ? 'pending_review' : 'approved'
    : roll < 0.04 ? 'draft' : roll < 0.08 ? 'pending_review' : roll < 0.13 ? 'rejected' : 'approved';
  const approvedAt = status === 'approved' ? past(rng.int(1, 10)).toISOString() : null;
  const paid = status === 'approved' && (recent ? rng.chance(0.3) : rng.chance(0.92));
  return {
    status,
    rejectReason: status === 'rejected' ? 'Not a business expense' : null,
    dueAt: format(due, 'yyyy-MM-dd'),
    approvedAt,
    paidAt: paid ? format(past(rng.int(2, 30)), 'yyyy-MM-dd') : null,
  };
}
