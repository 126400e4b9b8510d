import type { Expense, ExpenseFilter } from '../../../../shared/contract';
import { parseMoney } from '../../../../shared/domain/money';

type YesNo = '' | 'yes' | 'no';

/** The filter as the person types it; amounts stay text until they parse. */
export interface FilterForm {
  search: string;
  type: '' | Expense['type'];
  status: Expense['status'][];
  paymentStatus: '' | Expense['paymentStatus'];
  dateFrom: string;
  dateTo: string;
  categoryIds: string[];
  vendor: string;
  amountMin: string;
  amountMax: string;
  tags: string[];
  billable: YesNo;
  locked: YesNo;
  exported: YesNo;
  source: Expense['source'][];
}

export const EMPTY_FILTERS: FilterForm = {
  search: '',
  type: '',
  status: [],
  paymentStatus: '',
  dateFrom: '',
  dateTo: '',
  categoryIds: [],
  vendor: '',
  amountMin: '',
  amountMax: '',
  tags: [],
  billable: '',
  locked: '',
  exported: '',
  source: [],
};

export type FilterIssues = Partial<Record<'amountMin' | 'amountMax', string>>;

const yesNo = (v: YesNo) => (v === '' ? undefined : v === 'yes');
const nonEmpty = <T,>(list: T[]) => (list.length ? list : undefined);
const text = (v: string) => v.trim() || undefined;

/**
 * The service's filter from the form. Amounts are typed as decimals and become minor units of
 * `currency` (the default currency; the list spans currencies, the digits are what matter).
 */
export function toExpenseFilter(form: FilterForm, currency: string): { filter: ExpenseFilter; issues: FilterIssues } {
  const issues: FilterIssues = {};
  const amount = (key: 'amountMin' | 'amountMax') => {
    if (!form[key].trim()) return undefined;
    const minor = parseMoney(form[key], currency);
    if (minor === null) issues[key] = 'Not an amount';
    return minor ?? undefined;
  };
  const filter: ExpenseFilter = {
    search: text(form.search),
    type: form.type || undefined,
    status: nonEmpty(form.status),
    paymentStatus: form.paymentStatus || undefined,
    dateFrom: form.dateFrom || undefined,
    dateTo: form.dateTo || undefined,
    categoryIds: nonEmpty(form.categoryIds),
    vendor: text(form.vendor),
    amountMin: amount('amountMin'),
    amountMax: amount('amountMax'),
    tags: nonEmpty(form.tags),
    billable: yesNo(form.billable),
    locked: yesNo(form.locked),
    exported: yesNo(form.exported),
    source: nonEmpty(form.source),
  };
  return { filter, issues };
}

/** How many filters (not counting the search box) narrow the list. */
export function activeFilterCount(form: FilterForm): number {
  return (Object.keys(form) as (keyof FilterForm)[]).filter((key) => {
    if (key === 'search') return false;
    const value = form[key];
    return Array.isArray(value) ? value.length > 0 : value !== '';
  }).length;
}
