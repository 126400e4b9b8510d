import { isValidIban, normalizeIban } from '../../../../../shared/domain/bank';
import { parseMoney } from '../../../../../shared/domain/money';
import { AppError, type ErrorData } from '../../../../../shared/errors';
import { isValidCreditorReference, isValidQrReference } from './references';
import { isSwicoS1, parseSwicoS1, type SwicoS1 } from './swico';

/**
 * The Swiss QR-bill payload (Swiss Implementation Guidelines for the QR-bill, version 2.x):
 * one element per line, in a fixed order, "SPC" first and "EPD" after the payment data.
 */

/** S: structured (street, building number, postcode, town); K: combined (two free address lines). */
export type QrBillAddress =
  | { addressType: 'S'; name: string; street?: string; buildingNumber?: string; postalCode: string; town: string; country: string }
  | { addressType: 'K'; name: string; addressLine1?: string; addressLine2: string; country: string };

export type QrBillReferenceType = 'QRR' | 'SCOR' | 'NON';

export interface BillingInformation {
  raw: string;
  /** Set when the text is in Swico S1 syntax and reads cleanly. */
  swico: SwicoS1 | null;
  /** Why S1 billing information could not be read; the bill itself is still valid. */
  problem: ErrorData | null;
}

export interface SwissQrBill {
  version: string;
  coding: 1;
  /** IBAN in electronic form. */
  account: string;
  /** QR-IBANs (IID 30000-31999) only accept QR references. */
  isQrIban: boolean;
  creditor: QrBillAddress;
  /** Minor units; null when the payer fills in the amount. */
  amount: number | null;
  currency: 'CHF' | 'EUR';
  debtor: QrBillAddress | null;
  referenceType: QrBillReferenceType;
  reference: string | null;
  message: string | null;
  billingInformation: BillingInformation | null;
  alternativeProcedures: string[];
}

/** Elements up to and including the "EPD" trailer; billing information and alternative procedures may be left off. */
const MIN_LINES = 31;
const MAX_LINES = 34;
const TRAILER = 30;

export function parseSwissQrBill(payload: string): SwissQrBill {
  const lines = payload.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  while (lines.length > MIN_LINES && lines[lines.length - 1]!.trim() === '') lines.pop();
  const at = (i: number): string => (lines[i] ?? '').trim();

  if (at(0) !== 'SPC') fail('qrType', `Not a Swiss QR-bill: the first line is "${at(0).slice(0, 10)}", expected "SPC"`);
  if (lines.length < MIN_LINES) {
    fail('payload', `Truncated Swiss QR-bill: ${lines.length} lines, at least ${MIN_LINES} are required (up to the EPD trailer)`, { lines: lines.length });
  }
  if (!/^02\d\d$/.test(at(1))) fail('version', `Unsupported Swiss QR-bill version "${at(1)}": only 02xx (2.x) is supported`);
  if (at(2) !== '1') fail('coding', `Unsupported coding type "${at(2)}": only 1 (UTF-8) is defined`);
  if (lines.length > MAX_LINES) fail('payload', `Swiss QR-bill has ${lines.length} lines, at most ${MAX_LINES} are allowed`, { lines: lines.length });
  if (at(TRAILER) !== 'EPD') fail('trailer', `Expected the trailer "EPD" on line ${TRAILER + 1}, found "${at(TRAILER).slice(0, 20)}"`);

  const account = readAccount(at(3));
  const isQrIban = isQrIbanAccount(account);
  const creditor = readAddress('creditor', lines.slice(4, 11));
  if (!creditor) fail('creditor', 'The creditor is missing');
  if (lines.slice(11, 18).some((l) => l.trim() !== '')) fail('ultimateCreditor', 'The ultimate creditor is reserved for future use and must be empty');
  const currency = readCurrency(at(19));
  const amount = readAmount(at(18), currency);
  const debtor = readAddress('debtor', lines.slice(20, 27));
  const { referenceType, reference } = readReference(at(27), at(28), isQrIban);
  const billingText = at(31);

  return {
    version: at(1),
    coding: 1,
    account,
    isQrIban,
    creditor,
    amount,
    currency,
    debtor,
    referenceType,
    reference,
    message: at(29) || null,
    billingInformation: billingText ? readBillingInformation(billingText, currency) : null,
    alternativeProcedures: lines.slice(32).map((l) => l.trim()).filter(Boolean),
  };
}

function isQrIbanAccount(iban: string): boolean {
  const iid = Number(iban.slice(4, 9));
  return /^(CH|LI)\d{7}/.test(iban) && iid >= 30000 && iid <= 31999;
}

function readAccount(text: string): string {
  const iban = normalizeIban(text);
  if (!/^(CH|LI)/.test(iban)) fail('account', `Account "${text}" is not a Swiss or Liechtenstein IBAN`, { value: text });
  if (!isValidIban(iban)) fail('account', `Account "${text}" is not a valid IBAN (format or check digits)`, { value: text });
  return iban;
}

function readAddress(field: 'creditor' | 'debtor', parts: string[]): QrBillAddress | null {
  const [type, name, line1, line2, postalCode, town, country] = parts.map((p) => p.trim());
  if (parts.every((p) => p.trim() === '')) return null;
  if (!name) fail(field, `The ${field} has no name`);
  if (!country || !/^[A-Z]{2}$/.test(country)) fail(field, `The ${field} country "${country ?? ''}" is not a two-letter ISO code`, { value: country });
  if (type === 'S') {
    if (!postalCode || !town) fail(field, `The ${field} address (structured) needs a postcode and a town`);
    return { addressType: 'S', name, ...(line1 ? { street: line1 } : {}), ...(line2 ? { buildingNumber: line2 } : {}), postalCode, town, country };
  }
  if (type === 'K') {
    if (!line2) fail(field, `The ${field} address (combined) needs a second address line with postcode and town`);
    if (postalCode || town) fail(field, `The ${field} address (combined) must leave postcode and town empty`);
    return { addressType: 'K', name, ...(line1 ? { addressLine1: line1 } : {}), addressLine2: line2, country };
  }
  return fail(field, `Unknown ${field} address type "${type ?? ''}": expected S or K`, { value: type });
}

function readCurrency(text: string): 'CHF' | 'EUR' {
  if (text !== 'CHF' && text !== 'EUR') fail('currency', `Unsupported currency "${text}": a QR-bill is in CHF or EUR`, { value: text });
  return text;
}

function readAmount(text: string, currency: string): number | null {
  if (text === '') return null;
  const minor = /^\d{1,9}(\.\d{1,2})?$/.test(text) ? parseMoney(text, currency) : null;
  if (minor === null) fail('amount', `Amount "${text}" is not a decimal of at most 9 digits and 2 decimals`, { value: text });
  return minor;
}

function readReference(type: string, text: string, isQrIban: boolean): { referenceType: QrBillReferenceType; reference: string | null } {
  const reference = text.replace(/\s+/g, '').toUpperCase();
  switch (type) {
    case 'QRR':
      if (!isQrIban) fail('referenceType', 'A QR reference (QRR) is only allowed with a QR-IBAN');
      if (!/^\d{27}$/.test(reference)) fail('reference', `QR reference "${text}" is not 27 digits`, { value: text });
      if (!isValidQrReference(reference)) fail('reference', `QR reference "${text}" has a wrong check digit`, { value: text });
      return { referenceType: type, reference };
    case 'SCOR':
      if (isQrIban) fail('referenceType', 'A QR-IBAN requires a QR reference (QRR), not SCOR');
      if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(reference)) fail('reference', `Creditor reference "${text}" is not RF, two digits and 1 to 21 letters or digits`, { value: text });
      if (!isValidCreditorReference(reference)) fail('reference', `Creditor reference "${text}" has wrong check digits`, { value: text });
      return { referenceType: type, reference };
    case 'NON':
      if (isQrIban) fail('referenceType', 'A QR-IBAN requires a QR reference (QRR), not NON');
      if (reference) fail('reference', `Reference type NON must not carry a reference, found "${text}"`, { value: text });
      return { referenceType: type, reference: null };
    default:
      return fail('referenceType', `Unknown reference type "${type}": expected QRR, SCOR or NON`, { value: type });
  }
}

function readBillingInformation(raw: string, currency: string): BillingInformation {
  if (!isSwicoS1(raw)) return { raw, swico: null, problem: null };
  try {
    return { raw, swico: parseSwicoS1(raw, currency), problem: null };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { raw, swico: null, problem: err.toData() };
  }
}

function fail(field: string, message: string, details: Record<string, unknown> = {}): never {
  throw new AppError('QR_INVALID', message, { field, ...details });
}
