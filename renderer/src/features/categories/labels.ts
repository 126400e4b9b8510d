import type { Category } from '../../../../shared/contract';

export const ACCOUNT_TYPE_LABEL: Record<Category['accountType'], string> = {
  cost_of_sales: 'Cost of sales',
  operating_expense: 'Operating expense',
  personnel: 'Personnel',
  financial: 'Financial',
  tax: 'Taxes & duties',
  asset: 'Asset',
  other: 'Other',
};

/** Colors a new category starts with; calm, distinct, readable on light and dark. */
export const PALETTE = ['#4f7cac', '#6c5ce7', '#00897b', '#f39c12', '#d63384', '#27ae60', '#c0392b', '#2980b9', '#8d6e63', '#5d6d7e'];
