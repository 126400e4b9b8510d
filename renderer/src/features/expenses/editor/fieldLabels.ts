import type { FieldIssue } from '../../../../../shared/errors';

const LABEL: Record<string, string> = {
  type: 'Type',
  title: 'Title',
  vendor: 'Vendor',
  'vendor.name': 'Vendor',
  'vendor.address': 'Vendor address',
  'vendor.iban': 'Vendor IBAN',
  'vendor.bic': 'Vendor BIC',
  'vendor.vatId': 'Vendor VAT number',
  issuedAt: 'Issue date',
  dueAt: 'Due date',
  currency: 'Currency',
  paymentMethod: 'Payment method',
  positions: 'Positions',
  categoryId: 'Category',
  tags: 'Tags',
  project: 'Project',
  customer: 'Customer',
  notes: 'Notes',
  reference: 'Reference',
  billable: 'Billable',
  locked: 'Locked',
  exported: 'Exported',
};

const POSITION_FIELD: Record<string, string> = { total: 'amount', vatRate: 'VAT rate', description: 'description', mode: 'VAT mode' };

/** "positions.p7.vatRate" -> "Position 2 VAT rate", for messages that name a field. */
export function fieldLabel(formPath: string, positionKeys: readonly string[]): string {
  const m = /^positions\.([^.]+)\.(\w+)/.exec(formPath);
  if (m) return `Position ${positionKeys.indexOf(m[1]!) + 1} ${POSITION_FIELD[m[2]!] ?? m[2]}`;
  return LABEL[formPath] ?? formPath;
}

export function issueLines(issues: ReadonlyArray<FieldIssue>, toFormPath: (path: string) => string, positionKeys: readonly string[]): string[] {
  return issues.map((i) => {
    const path = toFormPath(i.path);
    return path ? `${fieldLabel(path, positionKeys)}: ${i.message}` : i.message;
  });
}
