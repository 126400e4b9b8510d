import { isIsoCurrency } from '../../../../../shared/domain/currency';
import { findAmounts } from './amounts';
import type { Line } from './text';

/**
 * The document's currency, by evidence: currency marks glued to amounts count most, then codes
 * and symbols standing elsewhere, then country hints (a Malaysian "SDN BHD" or GST at 6 % means
 * MYR, a Swiss UID "CHE-123.456.789" or Swiss VAT rates mean CHF, EU VAT wording means EUR).
 * Without evidence, the user's default currency, with low confidence.
 */

export interface CurrencyGuess {
  code: string;
  confidence: number;
  /** Evidence, for the review screen and for debugging. */
  evidence: string[];
}

/** Marks that are not ISO codes, and what they stand for. Ambiguous "$" is handled apart. */
const SYMBOLS: Record<string, string> = {
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
  RM: 'MYR',
  'FR.': 'CHF',
  'SFR.': 'CHF',
  'S$': 'SGD',
  'US$': 'USD',
  RP: 'IDR',
};

interface Hint {
  pattern: RegExp;
  code: string;
  weight: number;
  label: string;
}

const HINTS: Hint[] = [
  { pattern: /\bsdn\.?\s*bhd\b|\bbhd\b|\bs\/b\b/, code: 'MYR', weight: 2, label: 'Malaysian company form' },
  { pattern: /\bgst\b[^%\n]{0,12}\b6(?:[.,]0+)?\s?%|\bsst\b|\bmalaysia\b/, code: 'MYR', weight: 2, label: 'Malaysian GST/SST' },
  { pattern: /\bche[-\s]?\d{3}[.\s]?\d{3}[.\s]?\d{3}\b/, code: 'CHF', weight: 3, label: 'Swiss UID number' },
  { pattern: /\b(?:mwst|tva|iva)\b[^\n]{0,20}\b(?:8[.,]1|2[.,]6|3[.,]8|7[.,]7|2[.,]5|3[.,]7)\s?%|\b(?:8[.,]1|2[.,]6|7[.,]7)\s?%[^\n]{0,20}\b(?:mwst|tva|iva)\b/, code: 'CHF', weight: 2, label: 'Swiss VAT rate' },
  { pattern: /\b(?:ust|mwst)\b[^\n]{0,20}\b(?:19|7)(?:[.,]0+)?\s?%|\b(?:19|7)(?:[.,]0+)?\s?%[^\n]{0,12}\b(?:ust|mwst)\b/, code: 'EUR', weight: 1.5, label: 'German VAT rate' },
  { pattern: /\btva\b[^\n]{0,20}\b(?:20|5[.,]5|10)(?:[.,]0+)?\s?%|\b(?:20|5[.,]5)(?:[.,]0+)?\s?%[^\n]{0,12}\btva\b/, code: 'EUR', weight: 1.5, label: 'French VAT rate' },
  { pattern: /\biva\b[^\n]{0,20}\b(?:22|10|4)(?:[.,]0+)?\s?%|\bp\.?\s?iva\b|\bpartita iva\b/, code: 'EUR', weight: 1.5, label: 'Italian VAT' },
  { pattern: /\bch\d{2}[\s]?\d{4}/, code: 'CHF', weight: 1, label: 'Swiss IBAN' },
  { pattern: /\b(?:de|fr|it|at|nl|be|es|lu|ie|pt|fi)\d{2}[\s]?\d{4}/, code: 'EUR', weight: 1, label: 'euro-area IBAN' },
];

export function detectCurrency(lines: readonly Line[], defaultCurrency: string): CurrencyGuess {
  const score = new Map<string, number>();
  const evidence: string[] = [];
  const add = (code: string, weight: number, why: string) => {
    score.set(code, (score.get(code) ?? 0) + weight);
    if (evidence.length < 12) evidence.push(`${code} +${weight}: ${why}`);
  };

  for (const line of lines) {
    // Marks glued to amounts.
    for (const token of findAmounts(line.text)) {
      if (token.percent || !token.currencyMark) continue;
      const mark = token.currencyMark;
      const code = SYMBOLS[mark] ?? (isIsoCurrency(mark) ? mark : mark === '$' ? 'USD' : null);
      if (code) add(code, mark === '$' ? 1 : 2, `"${token.raw}"`);
    }
    // Codes and symbols anywhere else in the line (e.g. a "Total CHF" header over the amounts).
    const upper = line.text.toUpperCase();
    for (const m of upper.matchAll(/(?<![A-Z])([A-Z]{3})(?![A-Z])/g)) {
      const code = m[1]!;
      if (['CHF', 'EUR', 'USD', 'GBP', 'MYR', 'SGD', 'JPY', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'CNY', 'HKD', 'INR', 'IDR', 'THB'].includes(code)) {
        add(code, /total|betrag|summe|montant|totale|importo|amount/i.test(line.key) ? 2 : 1, `"${code}" in "${line.text.slice(0, 40)}"`);
      }
    }
    if (/€/.test(line.text)) add('EUR', 1, '€');
    if (/£/.test(line.text)) add('GBP', 1, '£');
    if (/(?<![A-Za-z])RM(?=\s?\d|\s*$|\s*\))/.test(line.text) || /\(RM\)/.test(line.text)) add('MYR', 1, '"RM"');
    if (/(?<![A-Za-z])S?Fr\.\s?\d/.test(line.text)) add('CHF', 1, '"Fr."');
  }
  const all = lines.map((l) => l.key).join('\n');
  for (const hint of HINTS) if (hint.pattern.test(all)) add(hint.code, hint.weight, hint.label);

  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best) return { code: defaultCurrency, confidence: 0.3, evidence: ['no currency on the document: the default'] };
  const margin = best[1] - (second?.[1] ?? 0);
  const confidence = Math.min(0.98, 0.5 + 0.1 * best[1]) * (second ? Math.min(1, 0.6 + margin / (best[1] * 2)) : 1);
  return { code: best[0], confidence: Math.round(confidence * 100) / 100, evidence };
}
