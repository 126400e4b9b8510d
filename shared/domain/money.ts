import { currencyDigits } from './currency';

/**
 * Money is an integer count of minor units plus an ISO 4217 currency.
 * Conversions to and from decimal strings are done on text, never through floats.
 */

export function digitsOf(currency: string): number {
  return currencyDigits(currency) ?? 2;
}

/**
 * Parses a decimal amount such as "1234.5", "-0.05", "1'234.50" or "1,234.50" into minor units.
 * Returns null when the text is not an amount or has more decimals than the currency allows.
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = digitsOf(currency);
  const cleaned = text.trim().replace(/[\s'’_]/g, '');
  const m = /^([+-])?(\d+(?:,\d{3})*|\d*)(?:\.(\d+))?$/.exec(cleaned);
  if (!m || (m[2] === '' && m[3] === undefined)) return null;
  const whole = (m[2] || '0').replace(/,/g, '');
  const frac = m[3] ?? '';
  if (frac.length > digits) return null;
  const minor = BigInt(whole + frac.padEnd(digits, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const value = Number(minor);
  return m[1] === '-' && value !== 0 ? -value : value;
}

/** Formats minor units as a plain decimal string ("1234.50"), as exports and the wire format want. */
export function toDecimalString(minor: number, currency: string): string {
  assertMinor(minor);
  const digits = digitsOf(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + abs;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** Formats for people, in their locale ("CHF 1’234.50"). Uses Intl on the decimal string, not a float sum. */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const digits = digitsOf(currency);
  const fmt = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Intl accepts a decimal string exactly, so no float rounding sneaks in.
  return fmt.format(toDecimalString(minor, currency) as unknown as number);
}

export function assertMinor(minor: number): void {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Amount ${minor} is not an integer number of minor units`);
}

/** Integer division rounding half away from zero, on bigints. */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (d * 2n);
  return negative ? -q : q;
}
