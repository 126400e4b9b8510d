import { isIsoCurrency } from '../../../../../shared/domain/currency';
import type { BBox, OcrResult, Rotation } from '../ocr/types';
import { linesToReread } from './reread';
import { detectCurrency } from './currency';
import { dayFirstFor, pickDocumentDate, type DateOptions } from './dates';
import { detectDocumentType } from './doc-type';
import { findDueDate, findIban, findInvoiceNumber } from './invoice';
import { linesFromOcr, linesFromText, type Line } from './text';
import { findTotals } from './totals';
import type { ExtractOptions, ExtractedFields, Field, FieldSource } from './types';
import { findVatLines } from './vat';
import { findVendor } from './vendor';

export type { DocumentType, ExtractOptions, ExtractedFields, Field, FieldSource, VatEntry } from './types';
export { findAmounts, parseAmount, canonicalNumber } from './amounts';
export { findDates, parseDate, dayFirstFor, pickDocumentDate } from './dates';
export { linesFromOcr, linesFromText, type Line } from './text';
export { linesToReread } from './reread';

/**
 * Field extraction without AI: readable rules over the lines of a document, each in its own module.
 * The order matters only where a field depends on another: the currency decides how amounts are
 * read (decimals), the document date anchors payment terms, due date and IBAN inform the type.
 */
export function extractFields(lines: readonly Line[], source: FieldSource, options: ExtractOptions = {}): ExtractedFields {
  const now = options.now ?? new Date();
  const dateOptions: DateOptions = { dayFirst: dayFirstFor(options.locale), now };
  const fallbackCurrency = options.defaultCurrency && isIsoCurrency(options.defaultCurrency) ? options.defaultCurrency : 'CHF';
  const field = <T>(value: T, confidence: number, raw?: string, line?: number): Field<T> => ({
    value,
    confidence,
    source,
    ...(raw !== undefined && { raw }),
    ...(line !== undefined && line >= 0 && { line }),
  });

  const currency = detectCurrency(lines, fallbackCurrency);
  const vat = findVatLines(lines, currency.code);
  const totals = findTotals(lines, currency.code, vat);
  const vendor = findVendor(lines);
  const date = pickDocumentDate(lines, dateOptions);
  const due = findDueDate(lines, date?.iso ?? null, dateOptions);
  const iban = findIban(lines);
  const invoiceNumber = findInvoiceNumber(lines);
  const type = detectDocumentType(lines, { hasDueDate: due !== null, hasIban: iban !== null });

  return {
    vendorName: vendor.name ? field(vendor.name.value, vendor.name.confidence, lines[vendor.name.lineIndex]?.text, vendor.name.lineIndex) : null,
    vendorAddress: vendor.address ? field(vendor.address.value, vendor.address.confidence, undefined, vendor.address.lineIndexes[0]) : null,
    date: date ? field(date.iso, date.confidence, date.raw, date.lineIndex) : null,
    total: totals.total ? field(totals.total.value, totals.total.confidence, totals.total.raw, totals.total.lineIndex) : null,
    subtotal: totals.subtotal ? field(totals.subtotal.value, totals.subtotal.confidence, totals.subtotal.raw, totals.subtotal.lineIndex) : null,
    vat: vat.map((v) =>
      field({ rateBp: v.rateBp, net: v.net, tax: v.tax, gross: v.gross }, v.consistent ? 0.85 : 0.5, v.raw, v.lineIndex)
    ),
    currency: field(currency.code, currency.confidence),
    documentType: field(type.value, type.confidence),
    invoiceNumber: invoiceNumber ? field(invoiceNumber.value, invoiceNumber.confidence, invoiceNumber.raw, invoiceNumber.lineIndex) : null,
    dueDate: due ? field(due.value, due.confidence, due.raw, due.lineIndex) : null,
    iban: iban ? field(iban.value, iban.confidence, iban.raw, iban.lineIndex) : null,
  };
}

/** What rereadWeakLines needs of the OCR pool. */
export interface LineReader {
  readLines(page: Buffer, boxes: readonly BBox[], options?: { rotation?: Rotation; signal?: AbortSignal }): Promise<Array<{ text: string; confidence: number }>>;
}

/**
 * Second look at the lines the fields depend on (see reread.ts): each is read again on its own
 * and the reading is kept beside the first as an alternative. Returns a new result.
 */
export async function rereadWeakLines<T extends Pick<OcrResult, 'lines' | 'rotation'>>(reader: LineReader, page: Buffer, result: T, signal?: AbortSignal): Promise<T> {
  const indexes = linesToReread(result.lines);
  if (indexes.length === 0) return result;
  const readings = await reader.readLines(
    page,
    indexes.map((i) => result.lines[i]!.bbox),
    { rotation: result.rotation, ...(signal && { signal }) }
  );
  const lines = result.lines.map((line) => ({ ...line }));
  indexes.forEach((lineIndex, k) => {
    const reading = readings[k]!;
    if (reading.text.trim() && reading.text.trim() !== lines[lineIndex]!.text.trim()) {
      lines[lineIndex]!.alternatives = [...(lines[lineIndex]!.alternatives ?? []), reading];
    }
  });
  return { ...result, lines };
}

/** From an OCR result (lines with boxes and confidences). */
export function extractFromOcr(result: Pick<OcrResult, 'lines'>, options: ExtractOptions = {}): ExtractedFields {
  const fields = extractFields(linesFromOcr(result), 'ocr', options);
  return fields;
}

/** From plain text, one line per line (a PDF's text layer). */
export function extractFromText(text: string, options: ExtractOptions = {}, source: FieldSource = 'pdf-text'): ExtractedFields {
  return extractFields(linesFromText(text), source, options);
}
