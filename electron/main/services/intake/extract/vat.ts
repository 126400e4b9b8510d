import { divRound } from '../../../../../shared/domain/money';
import { findAmounts, tokenMinor, type AmountToken } from './amounts';
import { keywords, type Line } from './text';

/**
 * VAT lines: "MWST 8.1% 3.75", "GST 6% 0.51", "TVA 20% 1.67", "inkl. MwSt 8.1% von 50.00 = 3.75",
 * and tables under a header ("MWST-Satz Netto MWST Brutto" / "GST Summary Amount Tax") whose rows
 * start with a rate ("8.1% 46.25 3.75 50.00", "SR @ 6% 8.49 0.51"). Which amount is the base and
 * which the tax is decided by arithmetic (tax = base x rate, net + tax = gross), not position alone.
 */

export interface VatLine {
  /** Basis points (8.1 % = 810), or null when the line gives no rate. */
  rateBp: number | null;
  /** Minor units; null when not printed. */
  net: number | null;
  tax: number;
  gross: number | null;
  /** The amounts agree with the rate (and with each other). */
  consistent: boolean;
  lineIndex: number;
  raw: string;
}

export const TAX_WORDS = keywords([
  'mwst', 'mw st', 'mwst.', 'ust', 'ust.', 'vat', 'gst', 'sst', 'tva', 'iva', 'tax', 'taxe', 'steuer', 'mehrwertsteuer', 'umsatzsteuer', 'cukai',
]);
const INCLUDED = /\b(?:incl|inkl|including|inclusive|inclus|compris|ttc|ivato|ivata|incluso|inclusa)\b/;
const EXCLUDED = /\b(?:excl|exkl|excluding|exclusive|ohne|before|hors|ht|senza|esclusa|escl)\b/;
const TOTAL_WORD = keywords(['total', 'totale', 'summe', 'gesamt', 'betrag', 'gross', 'grand total', 'jumlah']);
const BASE_WORD = /\b(?:von|on|of|sur|su|base|basis|auf)\b/;
const RATE = /(?<![\d.,])(\d{1,2}(?:[.,]\d{1,2})?)\s?%/;
const TABLE_HEADER = /\b(?:satz|rate|taux|aliquota|code|netto|net|brutto|gross|amount|betrag|montant|importo|summary|zusammenfassung)\b/;

export function rateBpOf(text: string): number | null {
  const m = RATE.exec(text);
  if (!m) return null;
  const [int, frac = ''] = m[1]!.replace(',', '.').split('.');
  const bp = Number(int) * 100 + Number(frac.padEnd(2, '0'));
  return bp > 0 && bp <= 3000 ? bp : null;
}

/** Tax on a base at a rate, both ways round. */
const exclusiveTax = (net: number, bp: number) => Number(divRound(BigInt(net) * BigInt(bp), 10_000n));
const inclusiveTax = (gross: number, bp: number) => Number(divRound(BigInt(gross) * BigInt(bp), BigInt(10_000 + bp)));
const near = (a: number, b: number, tolerance = 2) => Math.abs(a - b) <= tolerance;

function moneyOf(tokens: AmountToken[], currency: string): number[] {
  return tokens
    .filter((t) => !t.percent && t.decimals > 0)
    .map((t) => tokenMinor(t, currency))
    .filter((v): v is number => v !== null && v >= 0);
}

/** Reads one row: a rate (maybe from the table header) and its amounts. */
export function readVatRow(amounts: number[], rateBp: number | null, baseHint: boolean): Omit<VatLine, 'lineIndex' | 'raw'> | null {
  if (amounts.length === 0) return null;
  if (rateBp !== null) {
    // net, tax, gross in any order
    for (const net of amounts) {
      for (const tax of amounts) {
        if (tax === net || !near(exclusiveTax(net, rateBp), tax)) continue;
        const gross = amounts.find((g) => near(g, net + tax, 1)) ?? null;
        if (gross !== null || amounts.length === 2) return { rateBp, net, tax, gross: gross ?? net + tax, consistent: true };
      }
    }
    for (const gross of amounts) {
      for (const tax of amounts) {
        if (tax !== gross && tax > 0 && near(inclusiveTax(gross, rateBp), tax)) {
          return { rateBp, net: gross - tax, tax, gross, consistent: true };
        }
      }
    }
  }
  if (amounts.length === 1) {
    const only = amounts[0]!;
    // "MWST 8.1% von 50.00": the amount is the base; the tax follows from the rate.
    if (baseHint && rateBp !== null) return { rateBp, net: null, tax: inclusiveTax(only, rateBp), gross: only, consistent: false };
    return { rateBp, net: null, tax: only, gross: null, consistent: false };
  }
  // Amounts that do not agree with a rate: the smallest is taken as the tax, the largest as a base.
  const sorted = [...amounts].sort((a, b) => a - b);
  return { rateBp, net: null, tax: sorted[0]!, gross: null, consistent: false };
}

export function findVatLines(lines: readonly Line[], currency: string): VatLine[] {
  const found: VatLine[] = [];
  let tableUntil = -1;
  for (const line of lines) {
    const key = line.key;
    const hasTax = TAX_WORDS.test(key);
    const tokens = findAmounts(line.text);
    const money = moneyOf(tokens, currency);
    const rateBp = rateBpOf(line.text);

    if (hasTax && money.length === 0 && TABLE_HEADER.test(key)) {
      tableUntil = line.index + 5;
      continue;
    }
    // "Total incl. GST 9.00" is the total, "Total excl. GST" the net: neither is a VAT line.
    if (hasTax && TOTAL_WORD.test(key) && (INCLUDED.test(key) || EXCLUDED.test(key)) && rateBp === null) continue;
    if (hasTax && EXCLUDED.test(key) && !INCLUDED.test(key)) continue;
    // A tax id ("GST Reg No 000123456789", "MWST-Nr. CHE-...") has no decimal amounts.
    if (money.length === 0) continue;
    const inTable = line.index <= tableUntil && rateBp !== null;
    if (!hasTax && !inTable) continue;
    if (hasTax && TOTAL_WORD.test(key) && INCLUDED.test(key) && money.length === 1 && rateBp !== null) {
      // "Total incl. 8.1% MWST 50.00": a total with the rate named, not a tax amount.
      continue;
    }
    const row = readVatRow(money, rateBp, BASE_WORD.test(key));
    if (!row) continue;
    if (inTable) tableUntil = line.index + 3;
    found.push({ ...row, lineIndex: line.index, raw: line.text });
  }
  // A rate stated once ("GST @ 6%") applies to lines that name none, when there is one rate only.
  const rates = [...new Set(found.map((v) => v.rateBp).filter((r): r is number => r !== null))];
  if (rates.length === 1) for (const v of found) v.rateBp ??= rates[0]!;
  return dedupe(found);
}

/** The same VAT often appears twice (a line and a summary table): keep one per rate and amount. */
function dedupe(lines: VatLine[]): VatLine[] {
  const out: VatLine[] = [];
  for (const v of lines) {
    const twin = out.find((o) => o.tax === v.tax && (o.rateBp === v.rateBp || o.rateBp === null || v.rateBp === null));
    if (!twin) out.push(v);
    else if (v.consistent && !twin.consistent) out[out.indexOf(twin)] = v;
  }
  return out;
}
