import { z } from 'zod';
import { isValidIban, normalizeIban } from '../../../../shared/domain/bank';
import { isIsoCurrency, isoCurrencyCodes } from '../../../../shared/domain/currency';
import { isIsoDate } from '../../../../shared/domain/dates';
import { digitsOf, parseMoney } from '../../../../shared/domain/money';
import { MAX_VAT_RATE_BP } from '../../../../shared/domain/vat';
import type { FieldIssue } from '../../../../shared/errors';
import { PAYMENT_METHODS, type AiExtraction, type AiField, type DocumentType, type LineItem, type PaymentMethod, type VatEntry } from './types';

/**
 * The answer asked of the model, twice over:
 *  - RECEIPT_JSON_SCHEMA goes on the wire (response_format json_schema, strict): every property
 *    required, nullable ones typed ["string","null"], no unknown keys, amounts as decimal strings.
 *  - parseReceiptAnswer validates what actually came back (a server in json_object or text mode
 *    only promises "some JSON") and converts it: amounts to minor units, dates, currency, IBAN.
 *
 * Policy for values that are well-formed JSON but wrong:
 *  - header fields (currency, dates, total, subtotal, tax total, VAT lines, document type) that are
 *    not what the schema says (an amount with more decimals than the currency has, "2026-02-30",
 *    a currency that is not ISO 4217) fail the whole answer: AI_BAD_RESPONSE with the issues. A
 *    model that misreads those is not to be trusted on the rest of the page either.
 *  - trailing zeros beyond the currency's decimals are dropped ("1200.00" JPY is 1200): that is
 *    exact, not rounding. "12.345" CHF is rejected, never rounded.
 *  - an IBAN failing its checksum is dropped with a note; a line item with an unreadable amount is
 *    dropped with a note; an unknown payment method becomes "other".
 *  - missing keys count as null (json_object-mode models often leave nulls out); an object with
 *    none of the keys at all is a bad answer.
 *  - JSON numbers where strings were asked for are accepted when their decimal form is exact
 *    (under 10^12, so at most 15 significant digits survive the double unchanged).
 */

const FIELD_KEYS = [
  'documentType',
  'vendorName',
  'vendorAddress',
  'vendorVatId',
  'iban',
  'documentDate',
  'dueDate',
  'invoiceNumber',
  'currency',
  'total',
  'subtotal',
  'taxTotal',
  'vatLines',
  'paymentMethod',
  'lineItems',
] as const;
export type ReceiptFieldKey = (typeof FIELD_KEYS)[number];
export const RECEIPT_FIELD_KEYS: readonly ReceiptFieldKey[] = FIELD_KEYS;

const nullableString = (description: string) => ({ type: ['string', 'null'], description });
const amount = (description: string) => nullableString(`${description} Decimal string with a dot, no thousands separators or currency symbols, e.g. "1234.50"; null when not printed.`);

export const RECEIPT_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  required: [...FIELD_KEYS, 'confidence'],
  properties: {
    documentType: {
      type: 'string',
      enum: ['receipt', 'invoice'],
      description: '"invoice" when payment is asked for later (due date, bank details, payment slip); otherwise "receipt".',
    },
    vendorName: nullableString('The seller (shop, company) as printed.'),
    vendorAddress: nullableString('The seller\'s address on one line, parts separated by ", ".'),
    vendorVatId: nullableString('The seller\'s VAT / UID / tax number as printed, e.g. "CHE-123.456.789 MWST", "DE123456789".'),
    iban: nullableString('The IBAN to pay to, without spaces.'),
    documentDate: nullableString('Purchase or invoice date, YYYY-MM-DD.'),
    dueDate: nullableString('Payment due date, YYYY-MM-DD, when printed or given by the payment terms.'),
    invoiceNumber: nullableString('Invoice or receipt number as printed.'),
    currency: {
      type: ['string', 'null'],
      enum: [...isoCurrencyCodes(), null],
      description: 'ISO 4217 code of the amounts; null when the document does not show it.',
    },
    total: amount('Amount paid or to pay, tax included.'),
    subtotal: amount('Amount before tax, when printed.'),
    taxTotal: amount('Sum of the VAT / sales tax amounts.'),
    vatLines: {
      type: 'array',
      description: 'One entry per tax rate printed.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rate', 'amount'],
        properties: {
          rate: nullableString('The rate in percent without the % sign, e.g. "8.1"; null when not printed.'),
          amount: { type: 'string', description: 'The tax amount at this rate, decimal string, e.g. "3.75".' },
        },
      },
    },
    paymentMethod: {
      type: ['string', 'null'],
      enum: [...PAYMENT_METHODS, null],
      description: 'How it was paid, when printed.',
    },
    lineItems: {
      type: 'array',
      description: 'Items bought, each with the amount of its line.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['description', 'amount'],
        properties: {
          description: { type: 'string' },
          amount: { type: 'string', description: 'Decimal string; negative for discounts.' },
        },
      },
    },
    confidence: {
      type: 'object',
      additionalProperties: false,
      description: 'For each field, how sure you are of it, from 0 (a guess) to 1 (clearly printed).',
      required: [...FIELD_KEYS],
      properties: Object.fromEntries(FIELD_KEYS.map((k) => [k, { type: 'number' }])),
    },
  },
};

export interface ParseOptions {
  /** Used when the answer names no currency. */
  defaultCurrency: string;
  /** Highest confidence any field gets. */
  confidenceCap: number;
}

export const DEFAULT_CONFIDENCE = 0.5;
/** Confidence of the default currency when the model named none. */
export const DEFAULT_CURRENCY_CONFIDENCE = 0.2;

const text = z
  .string()
  .nullish()
  .transform((v) => (v && v.trim() ? v.trim() : null));
const decimal = z.union([z.string(), z.number()]).nullish();
const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);

const rawAnswer = z.object({
  documentType: z.preprocess(lower, z.enum(['receipt', 'invoice']).nullish()),
  vendorName: text,
  vendorAddress: text,
  vendorVatId: text,
  iban: text,
  documentDate: text,
  dueDate: text,
  invoiceNumber: text,
  currency: text,
  total: decimal,
  subtotal: decimal,
  taxTotal: decimal,
  vatLines: z.array(z.object({ rate: decimal, amount: decimal })).nullish(),
  paymentMethod: text,
  lineItems: z.array(z.object({ description: text, amount: decimal })).nullish(),
  confidence: z.record(z.string(), z.unknown()).nullish(),
});
type RawAnswer = z.infer<typeof rawAnswer>;

/** A decimal as text, from a string or an exact-enough JSON number; null when it is neither. */
function decimalText(value: string | number): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) >= 1e12) return null;
    return String(value);
  }
  return value.trim();
}

/** Minor units, or null when the text is not an amount with at most the currency's decimals. */
export function amountToMinor(value: string | number, currency: string): number | null {
  const t = decimalText(value);
  if (t === null || !/^[+-]?[\d'’,\s]*(\.\d+)?$/.test(t) || !/\d/.test(t)) return null;
  const digits = digitsOf(currency);
  // "1,234" could be a decimal comma: only accept thousands commas next to a decimal point.
  if (t.includes(',') && !t.includes('.') && digits > 0) return null;
  const [whole, frac] = t.split('.') as [string, string | undefined];
  let f = frac ?? '';
  while (f.length > digits && f.endsWith('0')) f = f.slice(0, -1);
  return parseMoney(f ? `${whole}.${f}` : whole, currency);
}

/** "8.1", "8.1%", 8.1 → 810 basis points; null when not a rate with at most two decimals. */
export function rateToBasisPoints(value: string | number): number | null {
  const t = decimalText(value);
  const m = t === null ? null : /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(t);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= MAX_VAT_RATE_BP ? bp : null;
}

/** The only unambiguous symbols ("$", "¥" and "Fr." are not). */
const CURRENCY_SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP' };

function paymentMethodOf(value: string): PaymentMethod {
  const v = value.toLowerCase().replace(/[\s-]+/g, '_');
  if ((PAYMENT_METHODS as readonly string[]).includes(v)) return v as PaymentMethod;
  if (/card|visa|master|maestro|amex|debit|credit|ec|twint|apple|google/.test(v)) return 'card';
  if (/cash|bar|esp[eè]ces|contanti/.test(v)) return 'cash';
  if (/transfer|[uü]berweisung|virement|bonifico|qr/.test(v)) return 'bank_transfer';
  return 'other';
}

function confidenceOf(raw: RawAnswer['confidence'], key: ReceiptFieldKey, cap: number): number {
  const v = raw?.[key];
  const c = typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : DEFAULT_CONFIDENCE;
  return Math.round(Math.min(c, cap) * 1000) / 1000;
}

export type ParsedReceipt = Omit<AiExtraction, 'meta'>;

export type ParseResult = { ok: true; value: ParsedReceipt } | { ok: false; issues: FieldIssue[] };

/** Validates and converts one answer. Never throws. */
export function parseReceiptAnswer(value: unknown, options: ParseOptions): ParseResult {
  if (typeof value !== 'object' || value === null || !FIELD_KEYS.some((k) => k in value)) {
    return { ok: false, issues: [{ path: '', message: `none of the expected fields (${FIELD_KEYS.slice(0, 4).join(', ')}, ...) is present` }] };
  }
  const parsed = rawAnswer.safeParse(value);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
  }
  const raw = parsed.data;
  const issues: FieldIssue[] = [];
  const notes: string[] = [];
  const cap = options.confidenceCap;
  const field = <T>(key: ReceiptFieldKey, v: T, confidence = confidenceOf(raw.confidence, key, cap)): AiField<T> => ({
    value: v,
    confidence,
    source: 'ai',
  });

  let currency = options.defaultCurrency;
  let currencyField: AiField<string>;
  if (raw.currency) {
    const code = CURRENCY_SYMBOLS[raw.currency] ?? raw.currency.toUpperCase();
    if (isIsoCurrency(code)) {
      currency = code;
      currencyField = field('currency', code);
    } else {
      issues.push({ path: 'currency', message: `"${raw.currency.slice(0, 20)}" is not an ISO 4217 currency code` });
      currencyField = field('currency', currency, DEFAULT_CURRENCY_CONFIDENCE);
    }
  } else {
    currencyField = field('currency', currency, Math.min(DEFAULT_CURRENCY_CONFIDENCE, cap));
  }

  const money = (path: string, v: string | number | null | undefined): number | null => {
    if (v === null || v === undefined || (typeof v === 'string' && !v.trim())) return null;
    const minor = amountToMinor(v, currency);
    if (minor === null) issues.push({ path, message: `"${String(v).slice(0, 30)}" is not an amount in ${currency} (at most ${digitsOf(currency)} decimals)` });
    return minor;
  };
  const day = (path: string, v: string | null): string | null => {
    if (v === null) return null;
    if (isIsoDate(v)) return v;
    issues.push({ path, message: `"${v.slice(0, 30)}" is not a calendar day as YYYY-MM-DD` });
    return null;
  };

  const total = money('total', raw.total);
  const subtotal = money('subtotal', raw.subtotal);
  const taxTotal = money('taxTotal', raw.taxTotal);
  const date = day('documentDate', raw.documentDate);
  const dueDate = day('dueDate', raw.dueDate);

  const vatConfidence = confidenceOf(raw.confidence, 'vatLines', cap);
  const vat: Array<AiField<VatEntry>> = [];
  (raw.vatLines ?? []).forEach((line, i) => {
    let rateBp: number | null = null;
    if (line.rate !== null && line.rate !== undefined && !(typeof line.rate === 'string' && !line.rate.trim())) {
      rateBp = rateToBasisPoints(line.rate);
      if (rateBp === null) issues.push({ path: `vatLines.${i}.rate`, message: `"${String(line.rate).slice(0, 20)}" is not a tax rate in percent` });
    }
    const tax = money(`vatLines.${i}.amount`, line.amount);
    if (line.amount === null || line.amount === undefined) issues.push({ path: `vatLines.${i}.amount`, message: 'the tax amount is missing' });
    if (tax !== null) vat.push(field('vatLines', { rateBp, net: null, tax, gross: null }, vatConfidence));
  });

  const itemConfidence = confidenceOf(raw.confidence, 'lineItems', cap);
  const lineItems: Array<AiField<LineItem>> = [];
  let droppedItems = 0;
  for (const item of raw.lineItems ?? []) {
    const minor = item.amount === null || item.amount === undefined ? null : amountToMinor(item.amount, currency);
    if (!item.description || minor === null) {
      droppedItems += 1;
      continue;
    }
    lineItems.push(field('lineItems', { description: item.description, amount: minor }, itemConfidence));
  }
  if (droppedItems > 0) notes.push(`${droppedItems} line item(s) without a description or a readable amount were left out.`);

  let iban: AiField<string> | null = null;
  if (raw.iban) {
    const normalized = normalizeIban(raw.iban);
    if (isValidIban(normalized)) iban = field('iban', normalized);
    else notes.push(`The AI read the IBAN "${raw.iban.slice(0, 40)}", which fails its checksum; it was left out.`);
  }

  if (issues.length > 0) return { ok: false, issues };

  const opt = <T>(key: ReceiptFieldKey, v: T | null): AiField<T> | null => (v === null ? null : field(key, v));
  return {
    ok: true,
    value: {
      vendorName: opt('vendorName', raw.vendorName),
      vendorAddress: opt('vendorAddress', raw.vendorAddress),
      vendorVatId: opt('vendorVatId', raw.vendorVatId),
      date: opt('documentDate', date),
      dueDate: opt('dueDate', dueDate),
      total: opt('total', total),
      subtotal: opt('subtotal', subtotal),
      taxTotal: opt('taxTotal', taxTotal),
      vat,
      currency: currencyField,
      documentType: opt<DocumentType>('documentType', raw.documentType ?? null),
      invoiceNumber: opt('invoiceNumber', raw.invoiceNumber),
      iban,
      paymentMethod: opt('paymentMethod', raw.paymentMethod ? paymentMethodOf(raw.paymentMethod) : null),
      lineItems,
      notes,
    },
  };
}
