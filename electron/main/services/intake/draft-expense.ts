import type { ExpenseCreateInput, PositionInput } from '../../../../shared/contract';
import type { MergedExtraction } from '../ai/merge';
import type { PaymentQr, QrBillAddress, SwissQrBill } from './qr';
import type { EpcTransfer } from './qr/epc-qr';

/**
 * Turns what was read from a document into the expense the owner reviews. A payment QR code is
 * exact and wins over anything read from text; text fields come with their confidence, which the
 * review screen shows, so a low-confidence guess is still filled in rather than left blank.
 */

export type FieldKey = 'vendor' | 'issuedAt' | 'dueAt' | 'total' | 'currency' | 'type' | 'reference' | 'iban' | 'invoiceNumber';

export interface FieldEvidence {
  confidence: number;
  source: 'qr' | 'pdf-text' | 'ocr' | 'ai' | 'default';
  raw?: string;
}

export interface ExpenseDraft {
  fields: Omit<ExpenseCreateInput, 'source'> & { type: 'receipt' | 'invoice' };
  evidence: Partial<Record<FieldKey, FieldEvidence>>;
  /** Raw text of QR codes that are not payment codes, kept on the expense. */
  otherQr: string[];
  notes: string[];
}

export interface DraftInput {
  fileName: string;
  extraction: MergedExtraction | null;
  qr: readonly PaymentQr[];
  /** The day the file arrived: the fallback issue date. */
  today: string;
  defaultCurrency: string;
}

function addressText(a: QrBillAddress): string {
  return a.addressType === 'S'
    ? [[a.street, a.buildingNumber].filter(Boolean).join(' '), `${a.postalCode} ${a.town}`, a.country].filter(Boolean).join(', ')
    : [a.addressLine1, a.addressLine2, a.country].filter(Boolean).join(', ');
}

function titleFromFile(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim().slice(0, 255) || 'Scanned document';
}

/** Positions from VAT lines when they explain the total; otherwise one position for the total. */
function positionsFor(extraction: MergedExtraction, total: number): PositionInput[] {
  const lines = extraction.vat.map((v) => v.value).filter((v) => v.rateBp !== null && v.rateBp > 0);
  const grossOf = (v: (typeof lines)[number]) => v.gross ?? (v.net !== null ? v.net + v.tax : Math.round((v.tax * (10_000 + v.rateBp!)) / v.rateBp!));
  const positions: PositionInput[] = lines.map((v) => ({ total: grossOf(v), vatRate: v.rateBp! / 100, mode: 'inclusive' as const }));
  const covered = positions.reduce((s, p) => s + p.total, 0);
  if (positions.length === 0 || covered > total) return [{ total, vatRate: 0, mode: 'inclusive' }];
  // Tax-free items (or rounding) make up the rest of the total at 0 %.
  if (total - covered > 0) positions.push({ description: 'Not subject to VAT', total: total - covered, vatRate: 0, mode: 'inclusive' });
  return positions;
}

function fromQrBill(draft: ExpenseDraft, bill: SwissQrBill): void {
  const f = draft.fields;
  const qr = { confidence: 1, source: 'qr' as const };
  f.type = 'invoice';
  f.vendor = { name: bill.creditor.name, address: addressText(bill.creditor), iban: bill.account };
  f.title = bill.creditor.name;
  f.currency = bill.currency;
  f.iban = bill.account;
  draft.evidence.type = qr;
  draft.evidence.vendor = qr;
  draft.evidence.currency = qr;
  draft.evidence.iban = qr;
  if (bill.reference) {
    f.reference = bill.reference;
    draft.evidence.reference = qr;
  }
  const swico = bill.billingInformation?.swico;
  if (swico?.invoiceDate) {
    f.issuedAt = swico.invoiceDate;
    draft.evidence.issuedAt = qr;
  }
  if (swico?.invoiceNumber) draft.evidence.invoiceNumber = { ...qr, raw: swico.invoiceNumber };
  if (bill.amount !== null) {
    const rates = swico?.vatDetails ?? [];
    // A single Swico rate for the whole bill tells the VAT exactly; several rates without nets do not.
    const single = rates.length === 1 ? rates[0]!.rateBp / 100 : 0;
    f.positions = [{ total: bill.amount, vatRate: single, mode: 'inclusive', description: bill.message ?? null }];
    draft.evidence.total = qr;
  }
  if (bill.message) f.notes = bill.message;
}

function fromEpc(draft: ExpenseDraft, t: EpcTransfer): void {
  const f = draft.fields;
  const qr = { confidence: 1, source: 'qr' as const };
  f.type = 'invoice';
  f.vendor = { name: t.name, iban: t.iban, ...(t.bic && { bic: t.bic }) };
  f.title = t.name;
  f.currency = 'EUR';
  f.iban = t.iban;
  if (t.bic) f.bic = t.bic;
  Object.assign(draft.evidence, { type: qr, vendor: qr, currency: qr, iban: qr });
  if (t.reference) {
    f.reference = t.reference;
    draft.evidence.reference = qr;
  }
  if (t.amount !== null) {
    f.positions = [{ total: t.amount, vatRate: 0, mode: 'inclusive', description: t.text ?? t.purpose ?? null }];
    draft.evidence.total = qr;
  }
}

export function draftExpense(input: DraftInput): ExpenseDraft {
  const x = input.extraction;
  const draft: ExpenseDraft = {
    fields: { type: 'receipt', title: titleFromFile(input.fileName), issuedAt: input.today, currency: input.defaultCurrency, positions: [] },
    evidence: { issuedAt: { confidence: 0, source: 'default' }, currency: { confidence: 0.2, source: 'default' } },
    otherQr: [],
    notes: [...(x?.notes ?? [])],
  };
  const f = draft.fields;
  const take = (key: FieldKey, field: { confidence: number; source: string; raw?: string } | null | undefined) => {
    if (field) draft.evidence[key] = { confidence: field.confidence, source: field.source as FieldEvidence['source'], ...(field.raw && { raw: field.raw }) };
  };

  if (x) {
    f.type = x.documentType.value;
    take('type', x.documentType);
    if (x.vendorName) {
      f.vendor = { name: x.vendorName.value.slice(0, 255), ...(x.vendorAddress && { address: x.vendorAddress.value.slice(0, 500) }), ...(x.iban && { iban: x.iban.value }) };
      f.title = x.vendorName.value.slice(0, 255);
      take('vendor', x.vendorName);
    }
    if (x.date) {
      f.issuedAt = x.date.value;
      take('issuedAt', x.date);
    }
    if (x.dueDate && x.dueDate.value >= f.issuedAt) {
      f.dueAt = x.dueDate.value;
      take('dueAt', x.dueDate);
    }
    f.currency = x.currency.value;
    take('currency', x.currency);
    if (x.total) {
      f.positions = positionsFor(x, x.total.value);
      take('total', x.total);
    }
    if (x.iban) {
      f.iban = x.iban.value;
      take('iban', x.iban);
    }
    if (x.invoiceNumber) {
      f.reference = x.invoiceNumber.value.slice(0, 140);
      take('invoiceNumber', x.invoiceNumber);
    }
    if (x.paymentMethod) f.paymentMethod = x.paymentMethod.value;
  }

  for (const code of input.qr) {
    if (code.kind === 'swiss-qr-bill') fromQrBill(draft, code.bill);
    else if (code.kind === 'epc') fromEpc(draft, code.transfer);
    else if (code.kind === 'other') draft.otherQr.push(code.text);
    else draft.notes.push(`A ${code.scheme === 'epc' ? 'GiroCode' : 'QR-bill'} on the document could not be read: ${code.error.message}`);
  }
  // A QR-bill read after the text wins, but the due date and the issue date must still agree.
  if (f.dueAt && f.dueAt < f.issuedAt) delete f.dueAt;
  return draft;
}
