import { parseMoney } from '../../../../../shared/domain/money';

/**
 * Amounts as printed and as OCR reads them: "1,234.50", "1.234,50", "1'234.50", "12.50-", "-12.50",
 * "CHF 12.50", "RM9.00", "12.–". Everything is done on the text: the decimal separator is decided
 * from the digits that follow it, then the amount is handed to parseMoney as "1234.50". Never a float.
 */

export interface AmountToken {
  /** The text as it stood in the line (including a sign or currency attached to it). */
  raw: string;
  /** Canonical decimal text: "1234.50", "-12.50", "7". */
  decimal: string;
  /** Digits after the decimal separator (0 for integers; 2 for "12.–"). */
  decimals: number;
  negative: boolean;
  /** Offsets of the number in the line text. */
  start: number;
  end: number;
  /** A currency written right next to the number ("CHF", "€", "RM"...), upper-case, as printed. */
  currencyMark: string | null;
  /** A percent sign follows: a rate, not an amount. */
  percent: boolean;
}

/** Currency marks recognised glued to an amount. ISO codes are checked by the currency module. */
const MARK = String.raw`(?:[A-Z]{3}|RM|Rp|Fr\.|SFr\.|S\$|US\$|[€$£¥₹])`;

/**
 * A number with optional grouping and decimals. Allows one stray space next to the decimal
 * separator (OCR splits "9.00" into "9. 00") only when exactly two digits follow.
 */
const NUMBER = String.raw`\d[\d'’]*[.,][-–—]{1,2}|\d[\d.,'’]*\d(?:\s?[.,]\s?\d{2}(?!\d))?|\d(?:\s?[.,]\s?\d{2}(?!\d))?`;

const TOKEN = new RegExp(
  String.raw`(?<sign>[-−–]\s?)?(?<mark>(?<!\p{L})${MARK}\s?)?(?<sign2>[-−]\s?)?(?<num>${NUMBER})(?<suffix>-(?![\d]))?(?<after>\s?(?:${MARK}(?![A-Za-z])))?(?<pct>\s?%)?`,
  'gu'
);

/** OCR reads 0 as O or D and 1 as l, I or |: fixed only inside tokens that are clearly numbers. */
export function fixDigitConfusions(text: string): string {
  return text.replace(/(?<![\p{L}])[\dOoDIl|]+[.,][\dOoD]{2}(?![\p{L}\d])/gu, (word) => {
    const digits = word.replace(/[^\d]/g, '').length;
    if (digits < 2) return word;
    return word.replace(/[OoD]/g, '0').replace(/[Il|]/g, '1');
  });
}

/**
 * Reads the digits-and-separators part into canonical decimal text, or null when the grouping
 * is inconsistent (a date like 12.03.2018, a phone number).
 */
export function canonicalNumber(num: string): { decimal: string; decimals: number } | null {
  let s = num.replace(/\s/g, '');
  // Swiss "12.–" / "12.--": whole francs.
  const whole = /^(\d[\d'’.,]*?)[.,][-–—]{1,2}$/.exec(s);
  if (whole) {
    const int = canonicalNumber(whole[1]!);
    return int && int.decimals === 0 ? { decimal: `${int.decimal}.00`, decimals: 2 } : null;
  }
  s = s.replace(/[’]/g, "'");
  const lastSep = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  let intPart = s;
  let frac = '';
  if (lastSep >= 0) {
    const after = s.slice(lastSep + 1);
    if (/^\d{1,2}$/.test(after)) {
      intPart = s.slice(0, lastSep);
      frac = after;
    } else if (!/^\d{3}$/.test(after)) {
      return null;
    }
  }
  // What is left must be digits with one consistent kind of thousands separator in groups of three.
  if (intPart.includes("'") || /[.,]/.test(intPart)) {
    const seps = new Set(intPart.replace(/\d/g, ''));
    if (seps.size !== 1) return null;
    const sep = [...seps][0]!;
    if (frac !== '' && sep === s[lastSep]) return null;
    const groups = intPart.split(sep);
    if (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
    intPart = groups.join('');
  }
  if (!/^\d+$/.test(intPart)) return null;
  intPart = intPart.replace(/^0+(?=\d)/, '');
  return { decimal: frac ? `${intPart}.${frac.padEnd(2, '0')}` : intPart, decimals: frac ? 2 : 0 };
}

/** Every amount-looking token in a line of text, left to right. */
export function findAmounts(line: string): AmountToken[] {
  // "RM 64 13": OCR lost the decimal point between a currency mark's amount and its cents.
  const text = fixDigitConfusions(line).replace(new RegExp(String.raw`((?<!\p{L})${MARK}\s?\d{1,6}) (\d{2})(?![\d.,])`, 'gu'), '$1.$2');
  const tokens: AmountToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const g = m.groups!;
    const start = m.index!;
    const before = text[start - 1] ?? ' ';
    // Part of a word or of a longer code ("A12", "No.5", "12/2018" handled by the date parser).
    if (/[\p{L}\d_/]/u.test(before) && !g.mark) continue;
    const after = text[start + m[0].length] ?? ' ';
    if (/[\p{L}\d/:]/u.test(after) && !g.after) continue;
    const parsed = canonicalNumber(g.num!);
    if (!parsed) continue;
    // The seconds of a time ("20:13:39").
    if (before === ':' && parsed.decimals === 0) continue;
    // A minus glued to something before it ("03-1234") is a hyphen, not a sign.
    const sign = g.sign ?? g.sign2;
    const signed = Boolean(sign) && !/[\p{L}\d]/u.test(before) || Boolean(g.suffix);
    const mark = (g.mark ?? g.after ?? '').trim();
    tokens.push({
      raw: m[0].trim(),
      decimal: signed && parsed.decimal.replace(/[0.]/g, '') !== '' ? `-${parsed.decimal}` : parsed.decimal,
      decimals: parsed.decimals,
      negative: signed,
      start: start + (m[0].length - m[0].trimStart().length),
      end: start + m[0].trimEnd().length,
      currencyMark: mark ? mark.toUpperCase() : null,
      percent: Boolean(g.pct),
    });
  }
  return tokens;
}

/** Minor units of a token in a currency (null when it has more decimals than the currency). */
export function tokenMinor(token: AmountToken, currency: string): number | null {
  return parseMoney(token.decimal, currency);
}

/** Parses a single amount written in any of the accepted ways; null when the text is not one amount. */
export function parseAmount(text: string, currency: string): number | null {
  const tokens = findAmounts(text.trim()).filter((t) => !t.percent);
  if (tokens.length !== 1) return null;
  return tokenMinor(tokens[0]!, currency);
}
