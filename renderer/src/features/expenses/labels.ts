import type { Expense } from '../../../../shared/contract';

export const TYPE_LABEL: Record<Expense['type'], string> = { receipt: 'Receipt', invoice: 'Invoice' };

export const SOURCE_LABEL: Record<Expense['source'], string> = {
  manual: 'Entered by hand',
  drop: 'Dropped file',
  folder: 'Watched folder',
  email: 'Email',
  e_invoice: 'E-invoice',
};

export const PAYMENT_METHOD_LABEL: Record<NonNullable<Expense['paymentMethod']>, string> = {
  cash: 'Cash',
  card: 'Card',
  bank_transfer: 'Bank transfer',
  direct_debit: 'Direct debit',
  paypal: 'PayPal',
  other: 'Other',
};

export const SORT_LABEL = { date: 'Date', amount: 'Amount', vendor: 'Vendor', created: 'Date added' } as const;
