import type { Expense, ExpenseCreateInput, ExpensePatch } from '../../../../../shared/contract';
import type { FieldIssue } from '../../../../../shared/errors';
import { formatIban, normalizeBic, normalizeIban } from '../../../../../shared/domain/bank';
import { parseMoney, toDecimalString } from '../../../../../shared/domain/money';
import { rateToBp, sumTotals, totalsByRate, type PositionAmounts, type Totals } from '../../../../../shared/domain/vat';

/** One position as typed: amounts and rates stay text until saved. */
export interface DraftPosition {
  /** Stable React key, also used to place errors next to the right row. */
  key: string;
  description: string;
  amount: string;
  vatRate: string;
  mode: 'inclusive' | 'exclusive';
  /** Not edited here, but carried so a save never drops it. */
  accountNo: string | null;
}

export interface Draft {
  type: Expense['type'];
  title: string;
  vendorName: string;
  vendorAddress: string;
  vendorIban: string;
  vendorBic: string;
  vendorVatId: string;
  issuedAt: string;
  dueAt: string;
  currency: string;
  paymentMethod: '' | NonNullable<Expense['paymentMethod']>;
  positions: DraftPosition[];
  categoryId: string;
  tags: string[];
  project: string;
  customer: string;
  notes: string;
  billable: boolean;
  reference: string;
}

let keySeq = 0;

export function blankPosition(vatRate = ''): DraftPosition {
  return { key: `p${++keySeq}`, description: '', amount: '', vatRate, mode: 'inclusive', accountNo: null };
}

export function newDraft(defaults: { currency: string; today: string }): Draft {
  return {
    type: 'receipt',
    title: '',
    vendorName: '',
    vendorAddress: '',
    vendorIban: '',
    vendorBic: '',
    vendorVatId: '',
    issuedAt: defaults.today,
    dueAt: '',
    currency: defaults.currency,
    paymentMethod: '',
    positions: [blankPosition()],
    categoryId: '',
    tags: [],
    project: '',
    customer: '',
    notes: '',
    billable: false,
    reference: '',
  };
}

export function fromExpense(e: Expense): Draft {
  return {
    type: e.type,
    title: e.title,
    vendorName: e.vendor?.name ?? '',
    vendorAddress: e.vendor?.address ?? '',
    vendorIban: e.vendor?.iban ? formatIban(e.vendor.iban) : '',
    vendorBic: e.vendor?.bic ?? '',
    vendorVatId: e.vendor?.vatId ?? '',
    issuedAt: e.issuedAt,
    dueAt: e.dueAt ?? '',
    currency: e.currency,
    paymentMethod: e.paymentMethod ?? '',
    positions: e.positions.map((p) => ({
      key: p.id,
      description: p.description ?? '',
      amount: toDecimalString(p.total, e.currency),
      vatRate: String(p.vatRate),
      mode: p.mode,
      accountNo: p.accountNo,
    })),
    categoryId: e.categoryId ?? '',
    tags: e.tags,
    project: e.project ?? '',
    customer: e.customer ?? '',
    notes: e.notes ?? '',
    billable: e.billable,
    reference: e.reference ?? '',
  };
}

type Fields = Omit<ExpenseCreateInput, 'source'>;

export interface Converted {
  fields: Fields;
  /** Problems found before asking the service: amounts and rates that don't parse. */
  issues: FieldIssue[];
  /** Which draft row each sent position came from, to place the service's errors. */
  positionKeys: string[];
}

const orNull = (text: string) => text.trim() || null;
const isBlank = (p: DraftPosition) => !p.description.trim() && !p.amount.trim();

/** Percent as typed ("8.1", "8,1", "") to a number; null when it isn't one. */
export function parseRate(text: string): number | null {
  const t = text.trim().replace(',', '.').replace(/%$/, '').trim();
  if (t === '') return 0;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null;
  return Number(t);
}

/** The draft as the service wants it; blank position rows are left out. */
export function toFields(d: Draft): Converted {
  const issues: FieldIssue[] = [];
  const positionKeys: string[] = [];
  const positions: NonNullable<Fields['positions']> = [];
  for (const p of d.positions) {
    if (isBlank(p)) continue;
    const at = `positions.${p.key}`;
    const total = parseMoney(p.amount, d.currency);
    const vatRate = parseRate(p.vatRate);
    if (total === null) issues.push({ path: `${at}.total`, message: p.amount.trim() ? `Not an amount in ${d.currency}` : 'Enter an amount' });
    if (vatRate === null) issues.push({ path: `${at}.vatRate`, message: 'Enter a rate like 8.1' });
    positionKeys.push(p.key);
    positions.push({ description: orNull(p.description), total: total ?? 0, vatRate: vatRate ?? 0, mode: p.mode, accountNo: p.accountNo });
  }
  const vendorName = d.vendorName.trim();
  const fields: Fields = {
    type: d.type,
    title: d.title.trim(),
    vendor: vendorName
      ? {
          name: vendorName,
          address: orNull(d.vendorAddress),
          // Compared and sent in the stored form, so a reformatted IBAN is not a change.
          iban: orNull(normalizeIban(d.vendorIban)),
          bic: orNull(normalizeBic(d.vendorBic)),
          vatId: orNull(d.vendorVatId),
        }
      : null,
    issuedAt: d.issuedAt,
    dueAt: d.type === 'invoice' ? orNull(d.dueAt) : null,
    currency: d.currency,
    paymentMethod: d.paymentMethod || null,
    positions,
    categoryId: d.categoryId || null,
    tags: d.tags,
    project: orNull(d.project),
    customer: orNull(d.customer),
    notes: orNull(d.notes),
    billable: d.billable,
    reference: orNull(d.reference),
  };
  return { fields, issues, positionKeys };
}

/** Whether two drafts would save the same expense (formatting and blank rows aside). */
export function sameExpense(a: Draft, b: Draft): boolean {
  return JSON.stringify(toFields(a).fields) === JSON.stringify(toFields(b).fields);
}

/** Only what differs from the saved expense, so a save never overwrites fields someone else changed. */
export function toPatch(draft: Draft, saved: Expense): Converted & { patch: ExpensePatch } {
  const converted = toFields(draft);
  const before = toFields(fromExpense(saved)).fields;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(converted.fields) as (keyof Fields)[]) {
    if (JSON.stringify(converted.fields[key]) !== JSON.stringify(before[key])) patch[key] = converted.fields[key];
  }
  return { ...converted, patch: patch as ExpensePatch };
}

/** Live totals of the rows that parse, computed with the same VAT code the service uses. */
export function draftTotals(d: Draft): { totals: Totals; byRate: ReturnType<typeof totalsByRate> } {
  const amounts: PositionAmounts[] = [];
  for (const p of d.positions) {
    const total = parseMoney(p.amount, d.currency);
    const rate = parseRate(p.vatRate);
    if (total !== null && rate !== null && !isBlank(p)) amounts.push({ total, vatRateBp: rateToBp(rate), mode: p.mode });
  }
  return { totals: sumTotals(amounts), byRate: totalsByRate(amounts) };
}

/**
 * Puts a service issue path where the form shows it: the update wrapper ("patch.") goes, and a
 * position index becomes the row's key ("positions.1.vatRate" -> "positions.p7.vatRate").
 */
export function formPath(path: string, positionKeys: readonly string[]): string {
  const bare = path.replace(/^patch\./, '');
  const m = /^positions\.(\d+)(\..*)?$/.exec(bare);
  if (!m) return bare;
  const key = positionKeys[Number(m[1])];
  return key ? `positions.${key}${m[2] ?? ''}` : 'positions';
}
