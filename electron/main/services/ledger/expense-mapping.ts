import type { Expense, ExpenseListItem } from '../../../../shared/contract';
import { paymentStatus } from '../../../../shared/domain/expense-rules';
import { bpToRate, positionTotals, sumTotals } from '../../../../shared/domain/vat';
import type { ExpenseRow, PositionRow } from '../../../../db/repositories/expenses';
import { TAG_SEPARATOR, type ListRow } from '../../../../db/repositories/expense-query';
import type { VendorRow } from '../../../../db/repositories/vendors';

export function toPosition(p: PositionRow): Expense['positions'][number] {
  const t = positionTotals({ total: p.totalMinor, vatRateBp: p.vatRateBp, mode: p.mode });
  return { id: p.id, description: p.description, total: p.totalMinor, vatRate: bpToRate(p.vatRateBp), mode: p.mode, accountNo: p.accountNo, ...t };
}

export function toExpense(
  row: ExpenseRow,
  parts: { vendor: VendorRow | undefined; positions: PositionRow[]; tags: string[]; attachmentCount: number },
  today: string
): Expense {
  const totals = sumTotals(parts.positions.map((p) => ({ total: p.totalMinor, vatRateBp: p.vatRateBp, mode: p.mode })));
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    rejectReason: row.rejectReason,
    paymentStatus: paymentStatus(row, today),
    title: row.title,
    description: row.description,
    vendor: parts.vendor
      ? { id: parts.vendor.id, name: parts.vendor.name, address: parts.vendor.address, iban: parts.vendor.iban, bic: parts.vendor.bic, vatId: parts.vendor.vatId }
      : null,
    issuedAt: row.issuedAt,
    dueAt: row.dueAt,
    approvedAt: row.approvedAt,
    paidAt: row.paidAt,
    reference: row.reference,
    iban: row.iban,
    bic: row.bic,
    currency: row.currency,
    positions: parts.positions.map(toPosition),
    totals,
    categoryId: row.categoryId,
    tags: parts.tags,
    project: row.project,
    customer: row.customer,
    paymentMethod: row.paymentMethod as Expense['paymentMethod'],
    notes: row.notes,
    customFields: row.customFields ?? {},
    billable: row.billable,
    budgetRelevant: row.budgetRelevant,
    locked: row.locked,
    exported: row.exported,
    source: row.source,
    isProcessing: row.isProcessing,
    duplicateOfId: row.duplicateOfId,
    attachmentCount: parts.attachmentCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    deletedAt: row.deletedAt,
  };
}

export function toListItem(r: ListRow, today: string): ExpenseListItem {
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    paymentStatus: paymentStatus({ paidAt: r.paid_at, dueAt: r.due_at }, today),
    title: r.title,
    vendorName: r.vendor_name,
    issuedAt: r.issued_at,
    dueAt: r.due_at,
    currency: r.currency,
    net: r.net_minor,
    tax: r.tax_minor,
    gross: r.gross_minor,
    categoryId: r.category_id,
    tags: r.tags ? r.tags.split(TAG_SEPARATOR).sort((a, b) => a.localeCompare(b)) : [],
    billable: !!r.billable,
    locked: !!r.locked,
    exported: !!r.exported,
    source: r.source,
    isProcessing: !!r.is_processing,
    hasAttachment: !!r.has_attachment,
    createdAt: r.created_at,
  };
}
