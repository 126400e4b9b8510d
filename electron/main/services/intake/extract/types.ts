/**
 * What field extraction produces. Every field says what it holds, how sure the extractor is
 * (0..1, a ranking aid for the review screen, not a probability) and where the text came from.
 * Amounts are integer minor units of `currency.value`; dates are ISO calendar days (YYYY-MM-DD).
 */

export type FieldSource = 'ocr' | 'pdf-text';

export interface Field<T> {
  value: T;
  /** 0..1 */
  confidence: number;
  source: FieldSource;
  /** The line the value was read from, as printed (for showing the evidence). */
  raw?: string;
  /** Index of that line in the extractor's input. */
  line?: number;
}

export type DocumentType = 'receipt' | 'invoice';

export interface VatEntry {
  /** Basis points (8.1 % = 810), or null when the document gives no rate for this line. */
  rateBp: number | null;
  /** Minor units; net and gross are null when not printed and not derivable. */
  net: number | null;
  tax: number;
  gross: number | null;
}

export interface ExtractedFields {
  vendorName: Field<string> | null;
  vendorAddress: Field<string> | null;
  /** Date of the document (purchase or invoice date). */
  date: Field<string> | null;
  /** The amount paid or to pay, tax included. */
  total: Field<number> | null;
  /** Before tax (or before rounding/discounts) when printed. */
  subtotal: Field<number> | null;
  vat: Array<Field<VatEntry>>;
  /** Always set: from the document, else the default currency with low confidence. */
  currency: Field<string>;
  documentType: Field<DocumentType>;
  /** Invoice or receipt number as labelled on the document. */
  invoiceNumber: Field<string> | null;
  dueDate: Field<string> | null;
  /** Electronic format (no spaces), checksum-validated. */
  iban: Field<string> | null;
}

export interface ExtractOptions {
  /** BCP 47 locale of the user ("de-CH", "en-US"): decides day-first vs month-first dates. */
  locale?: string;
  /** ISO 4217 code used when the document names no currency. */
  defaultCurrency?: string;
  /** "Today" for date plausibility (tests pin it). */
  now?: Date;
}
