/**
 * Random but repeatable query inputs for the ledger benchmark: the filters, sorts and searches a
 * person produces in the expense list. Inputs are contract inputs (they go through dispatch()).
 */
import type { ExpenseFilter, ExpenseListInput } from '../../shared/contract';
import type { LedgerModel } from './generate-ledger';
import { pickFrom, type Rng } from './rng';
import { DESCRIPTION_WORDS, ITEMS, NOTE_SENTENCES } from './vocabulary';

export interface LabelledFilter {
  label: string;
  filter: ExpenseFilter;
}

const DAY_MS = 86_400_000;

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

function dateRange(rng: Rng, model: LedgerModel): { label: string; dateFrom: string; dateTo: string } {
  const today = dayOf(model.today);
  const span = Math.round(model.years * 365.25);
  const kind = pickFrom(rng, [['this-month', 3], ['month', 4], ['quarter', 3], ['year', 3], ['days', 3]] as const);
  if (kind === 'this-month') return { label: 'date:this-month', dateFrom: `${model.today.slice(0, 7)}-01`, dateTo: model.today };
  if (kind === 'year') {
    const year = Number(model.today.slice(0, 4)) - rng.int(0, model.years - 1);
    return { label: 'date:year', dateFrom: `${year}-01-01`, dateTo: `${year}-12-31` };
  }
  const length = kind === 'month' ? 30 : kind === 'quarter' ? 91 : rng.int(1, 60);
  const from = today - rng.int(length, span);
  return { label: `date:${kind}`, dateFrom: isoDay(from), dateTo: isoDay(from + length - 1) };
}

function categoryIds(rng: Rng, model: LedgerModel): string[] {
  const ids = [...model.categoryIds.values()];
  const n = pickFrom(rng, [[1, 7], [2, 2], [3, 1]] as const);
  const out = new Set<string>();
  while (out.size < n) out.add(rng.chance(0.12) ? 'none' : rng.pick(ids));
  return [...out];
}

/** One filter as someone sets it in the list's filter bar. */
export function randomFilter(rng: Rng, model: LedgerModel): LabelledFilter {
  const kind = pickFrom(rng, [
    ['none', 8], ['status', 8], ['category', 8], ['date', 10], ['vendorId', 8], ['vendor', 4], ['amount', 5], ['type', 4],
    ['tag', 6], ['currency', 4], ['payment', 5], ['flag', 6], ['source', 3],
    ['date+category', 6], ['date+status', 4], ['vendorId+date', 4], ['category+amount', 3], ['search+date', 4],
  ] as const);
  const filter: ExpenseFilter = {};
  const labels: string[] = [];
  const parts = kind.split('+');
  for (const part of parts) {
    switch (part) {
      case 'status': {
        filter.status = [...pickFrom(rng, [[['pending_review'], 4], [['draft'], 2], [['approved'], 2], [['rejected'], 1], [['draft', 'pending_review'], 2]] as const)];
        labels.push(`status:${filter.status.join(',')}`);
        break;
      }
      case 'category':
        filter.categoryIds = categoryIds(rng, model);
        labels.push(`category:${filter.categoryIds.length}${filter.categoryIds.includes('none') ? '+none' : ''}`);
        break;
      case 'date': {
        const r = dateRange(rng, model);
        filter.dateFrom = r.dateFrom;
        filter.dateTo = r.dateTo;
        labels.push(r.label);
        break;
      }
      case 'vendorId': {
        // Half from the popularity curve (clicking a vendor in the list), half any vendor (picking from the vendor list).
        const v = rng.chance(0.5) ? model.vendorPicker.pick(rng) : rng.pick(model.vendors);
        filter.vendorId = v.id;
        labels.push(`vendorId:${model.vendors.indexOf(v)}`);
        break;
      }
      case 'vendor': {
        const v = rng.pick(model.vendors);
        const word = v.name.split(/\s+/)[0]!.toLowerCase();
        filter.vendor = word.slice(0, Math.max(3, Math.min(word.length, rng.int(3, 7))));
        labels.push(`vendor~${filter.vendor}`);
        break;
      }
      case 'amount': {
        const [min, max] = pickFrom(rng, [[[0, 2000], 2], [[100_000, undefined], 2], [[10_000, 50_000], 3], [[5_000, 10_000], 2], [[rng.int(1, 500) * 100, undefined], 1]] as const);
        if (min !== undefined) filter.amountMin = min;
        if (max !== undefined) filter.amountMax = max;
        labels.push(`amount:${min ?? ''}-${max ?? ''}`);
        break;
      }
      case 'type':
        filter.type = rng.chance(0.6) ? 'invoice' : 'receipt';
        labels.push(`type:${filter.type}`);
        break;
      case 'tag':
        filter.tags = [rng.pick(model.tags).name];
        labels.push(`tag:${filter.tags[0]}`);
        break;
      case 'currency':
        filter.currency = pickFrom(rng, [['EUR', 4], ['USD', 2], ['GBP', 1], ['CHF', 2]] as const);
        labels.push(`currency:${filter.currency}`);
        break;
      case 'payment':
        filter.paymentStatus = pickFrom(rng, [['unpaid', 4], ['overdue', 4], ['paid', 1]] as const);
        labels.push(`payment:${filter.paymentStatus}`);
        break;
      case 'flag': {
        const flag = pickFrom(rng, [['billable', 3], ['exported', 2], ['locked', 1], ['hasAttachment', 2]] as const);
        const value = flag === 'billable' ? true : rng.chance(0.5);
        filter[flag] = value;
        labels.push(`${flag}:${value}`);
        break;
      }
      case 'source':
        filter.source = [pickFrom(rng, [['email', 3], ['e_invoice', 2], ['folder', 1], ['manual', 1]] as const)];
        labels.push(`source:${filter.source[0]}`);
        break;
      case 'search':
        filter.search = randomSearch(rng, model);
        labels.push(`search:"${filter.search}"`);
        break;
      default:
        labels.push('none');
    }
  }
  return { label: labels.join(' '), filter };
}

/** What someone types into the search box: vendor names, words from titles and notes, prefixes. */
export function randomSearch(rng: Rng, model: LedgerModel): string {
  const vendorWord = () => {
    const v = rng.chance(0.6) ? model.vendorPicker.pick(rng) : rng.pick(model.vendors);
    const words = v.name.split(/[\s&|]+/).filter((w) => /[\p{L}]{3,}/u.test(w));
    return (words[0] ?? v.name).toLowerCase();
  };
  const itemWord = () => {
    const items = Object.values(ITEMS);
    const words = rng.pick(rng.pick(items)).split(/\s+/).filter((w) => w.length >= 3);
    return (words[0] ?? 'kaffee').toLowerCase();
  };
  const noteWord = () => {
    const words = rng.pick(NOTE_SENTENCES).split(/\s+/).filter((w) => w.length >= 4);
    return rng.pick(words).toLowerCase();
  };
  const kind = pickFrom(rng, [['vendor', 30], ['item', 20], ['note', 10], ['description', 5], ['prefix', 20], ['two-words', 15]] as const);
  switch (kind) {
    case 'vendor':
      return vendorWord();
    case 'item':
      return itemWord();
    case 'note':
      return noteWord();
    case 'description':
      return rng.pick(DESCRIPTION_WORDS).toLowerCase();
    case 'prefix': {
      const w = rng.chance(0.6) ? vendorWord() : itemWord();
      return w.slice(0, Math.min(w.length, rng.int(3, 5)));
    }
    default:
      return `${vendorWord()} ${itemWord().slice(0, 4)}`;
  }
}

const SORTS = ['date', 'amount', 'vendor', 'created'] as const;

export function randomListInput(rng: Rng, model: LedgerModel): { label: string; input: ExpenseListInput } {
  const { label, filter } = randomFilter(rng, model);
  const sort = rng.pick(SORTS);
  const order = rng.chance(0.7) ? 'desc' : 'asc';
  const offset = 50 * pickFrom(rng, [[0, 5], [1, 2], [2, 1], [3, 1], [4, 1]] as const);
  return { label: `${label} sort:${sort}-${order} offset:${offset}`, input: { ...filter, sort, order, offset, limit: 50 } };
}

export function randomSearchInput(rng: Rng, model: LedgerModel): { label: string; input: ExpenseListInput } {
  const search = randomSearch(rng, model);
  // Mostly the default order (newest first); sometimes the list was sorted otherwise before searching.
  const sort = rng.chance(0.75) ? 'date' : rng.pick(SORTS);
  const order = sort === 'date' || rng.chance(0.5) ? 'desc' : 'asc';
  return { label: `search:"${search}" sort:${sort}-${order}`, input: { search, sort, order, offset: 0, limit: 50 } };
}

export function randomSummaryInput(rng: Rng, model: LedgerModel): LabelledFilter {
  const f = randomFilter(rng, model);
  if (!f.filter.search && rng.chance(0.15)) {
    f.filter.search = randomSearch(rng, model);
    f.label += ` search:"${f.filter.search}"`;
  }
  return f;
}
