import { parseMoney } from '../../../../../shared/domain/money';
import { isIsoDate } from '../../../../../shared/domain/dates';
import { AppError } from '../../../../../shared/errors';

/**
 * Swico S1 syntax of the QR-bill's billing information ("//S1/10/4711/11/240131/..."): structured
 * invoice data for the payer's bookkeeping. Rates are basis points and amounts minor units, like
 * everywhere else in Shoebox.
 */
export interface SwicoS1 {
  invoiceNumber?: string;
  /** ISO date. */
  invoiceDate?: string;
  customerReference?: string;
  /** The UID as written, usually its nine digits without "CHE". */
  vatNumber?: string;
  /** One ISO date (the VAT date) or two (start and end of the service period). */
  vatDates?: string[];
  /** One entry without a net amount when a single rate applies to the whole invoice. */
  vatDetails?: Array<{ rateBp: number; netAmount: number | null }>;
  vatImportTax?: Array<{ rateBp: number; taxAmount: number }>;
  /** Discount (0 for the net term) and the days it applies for. */
  paymentConditions?: Array<{ discountBp: number; days: number }>;
  /** Tags this version does not know, kept as written so nothing is lost. */
  unknownTags?: Record<string, string>;
}

const PREFIX = '//S1/';

export function isSwicoS1(billingInformation: string): boolean {
  return billingInformation.startsWith(PREFIX);
}

/** Parses S1 billing information; amounts are read in the bill's currency. Throws QR_INVALID. */
export function parseSwicoS1(text: string, currency = 'CHF'): SwicoS1 {
  if (!isSwicoS1(text)) fail(`Billing information does not start with "${PREFIX}"`, { value: text.slice(0, 10) });
  const tokens = splitUnescaped(text.slice(PREFIX.length));
  if (tokens.length % 2 !== 0) fail(`Swico tag /${tokens[tokens.length - 1]}/ has no value`, { tag: tokens[tokens.length - 1] });

  const result: SwicoS1 = {};
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i += 2) {
    const tag = tokens[i]!;
    const value = tokens[i + 1]!;
    if (!/^\d{2}$/.test(tag)) fail(`"${tag}" is not a Swico tag (two digits)`, { tag });
    if (seen.has(tag)) fail(`Swico tag /${tag}/ occurs twice`, { tag });
    seen.add(tag);
    if (value === '') fail(`Swico tag /${tag}/ is empty`, { tag });
    readTag(result, tag, value, currency);
  }
  return result;
}

function readTag(result: SwicoS1, tag: string, value: string, currency: string): void {
  switch (tag) {
    case '10':
      result.invoiceNumber = value;
      return;
    case '11':
      result.invoiceDate = readDate(tag, value);
      return;
    case '20':
      result.customerReference = value;
      return;
    case '30':
      result.vatNumber = value;
      return;
    case '31':
      if (!/^(\d{6}|\d{12})$/.test(value)) fail(`Swico VAT date /31/${value} is not YYMMDD or YYMMDDYYMMDD`, { tag, value });
      result.vatDates = value.length === 6 ? [readDate(tag, value)] : [readDate(tag, value.slice(0, 6)), readDate(tag, value.slice(6))];
      return;
    case '32':
      result.vatDetails = /^[^:;]+$/.test(value)
        ? [{ rateBp: readPercent(tag, value), netAmount: null }]
        : pairs(tag, value).map(([rate, amount]) => ({ rateBp: readPercent(tag, rate), netAmount: readAmount(tag, amount, currency) }));
      return;
    case '33':
      result.vatImportTax = pairs(tag, value).map(([rate, amount]) => ({ rateBp: readPercent(tag, rate), taxAmount: readAmount(tag, amount, currency) }));
      return;
    case '40':
      result.paymentConditions = pairs(tag, value).map(([discount, days]) => ({ discountBp: readPercent(tag, discount), days: readDays(tag, days) }));
      return;
    default:
      result.unknownTags = { ...result.unknownTags, [tag]: value };
  }
}

/** Splits on "/" except where escaped as "\/"; "\\" stands for a backslash. */
function splitUnescaped(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) current += text[++i];
    else if (ch === '/') {
      tokens.push(current);
      current = '';
    } else current += ch;
  }
  tokens.push(current);
  return tokens;
}

function pairs(tag: string, value: string): Array<[string, string]> {
  return value.split(';').map((entry) => {
    const parts = entry.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) fail(`Swico tag /${tag}/ entry "${entry}" is not of the form a:b`, { tag, value });
    return [parts[0]!, parts[1]!];
  });
}

function readDate(tag: string, yymmdd: string): string {
  const iso = `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  if (!/^\d{6}$/.test(yymmdd) || !isIsoDate(iso)) fail(`Swico date /${tag}/${yymmdd} is not a YYMMDD date`, { tag, value: yymmdd });
  return iso;
}

function readPercent(tag: string, text: string): number {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  const bp = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : NaN;
  if (!(bp <= 10_000)) fail(`Swico /${tag}/ percentage "${text}" is not a rate between 0 and 100 with at most two decimals`, { tag, value: text });
  return bp;
}

function readAmount(tag: string, text: string, currency: string): number {
  const minor = /^\d+(\.\d+)?$/.test(text) ? parseMoney(text, currency) : null;
  if (minor === null) fail(`Swico /${tag}/ amount "${text}" is not a ${currency} amount`, { tag, value: text });
  return minor;
}

function readDays(tag: string, text: string): number {
  if (!/^\d{1,4}$/.test(text)) fail(`Swico /${tag}/ days "${text}" is not a whole number of days`, { tag, value: text });
  return Number(text);
}

function fail(message: string, details: Record<string, unknown>): never {
  throw new AppError('QR_INVALID', message, { field: 'billingInformation', ...details });
}
