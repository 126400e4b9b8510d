import type { BBox, OcrResult, OcrWord } from '../ocr/types';

/**
 * The line model every extractor reads: the text of a line, a folded copy for keyword matching,
 * and, from OCR, its box and confidence. PDF text comes without boxes.
 */

export interface Line {
  index: number;
  text: string;
  /**
   * Lower-case, without diacritics, with letter-like digits inside words read as letters
   * ("T0TAL" → "total", "Tota1" → "total"): for keyword matching only.
   */
  key: string;
  bbox: BBox | null;
  /** 0..1; 1 for text from a PDF. */
  confidence: number;
  words: OcrWord[] | null;
  /** Other OCR readings of the line (read again on its own); empty for PDF text. */
  alternatives: Array<{ text: string; key: string; confidence: number }>;
}

/** Removes diacritics, keeps case and (for precomposed letters) length: "Rückgeld" → "Ruckgeld". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
}

const DIGIT_AS_LETTER: Record<string, string> = { '0': 'o', '1': 'l', '5': 's', '8': 'b', '|': 'l' };

/**
 * The words the extractors key on. OCR often gets one letter of them wrong ("CHANBE", "TOTAI",
 * "Rounding" as "Roundinq"): a word of five letters or more within one edit of one of these (two for
 * long words) is read as it. Real words that are that close to a keyword are protected.
 */
const LEXICON = [
  'total', 'totale', 'change', 'rounding', 'rounded', 'subtotal', 'tendered', 'amount', 'payable', 'balance', 'discount', 'invoice', 'receipt',
  'cashier', 'datum', 'betrag', 'summe', 'ruckgeld', 'gegeben', 'montant', 'importo', 'rechnung', 'facture', 'fattura', 'quittung', 'grand',
  'inclusive', 'exclusive', 'including', 'excluding', 'adjustment', 'payment', 'zwischensumme', 'gesamt', 'netto', 'brutto',
];
const PROTECTED = new Set(['charge', 'charges', 'chance', 'totals', 'mount', 'amounts', 'grant', 'brand', 'grande', 'datun', 'notal', 'recipe', 'invoices', 'receipts', 'balanced', 'payments']);

/** Edit distance, giving up (returning max + 1) as soon as it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

function repairKeyword(word: string): string {
  if (word.length < 5 || PROTECTED.has(word) || LEXICON.includes(word)) return word;
  const max = word.length >= 8 ? 2 : 1;
  for (const keyword of LEXICON) {
    // The first letter must match, except for one-edit repairs of the first letter itself ("iotal").
    if (Math.abs(keyword.length - word.length) > max) continue;
    const firstSame = keyword[0] === word[0];
    if (!firstSame && (keyword.length !== word.length || keyword.slice(1) !== word.slice(1))) continue;
    if (editDistance(word, keyword, max) <= max) return keyword;
  }
  return word;
}

/** See Line.key. */
export function keyOf(text: string): string {
  return fold(text)
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[\p{L}\d|]+/gu, (word) => {
      const letters = word.replace(/[^\p{L}]/gu, '').length;
      // A word of mostly letters with a digit or two: OCR confusions, not a code like "A12".
      if (letters >= 3 && letters >= (word.length - letters) * 3) return repairKeyword(word.replace(/[0158|]/g, (d) => DIGIT_AS_LETTER[d]!));
      return word;
    });
}

export function linesFromText(text: string): Line[] {
  return text
    .split(/\r?\n/)
    .map((t) => t.replace(/\s+$/, ''))
    .filter((t) => t.trim() !== '')
    .map((t, index) => ({ index, text: t.trim(), key: keyOf(t.trim()), bbox: null, confidence: 1, words: null, alternatives: [] }));
}

export function linesFromOcr(result: Pick<OcrResult, 'lines'>): Line[] {
  return result.lines
    .filter((l) => l.text.trim() !== '')
    .map((l, index) => ({
      index,
      text: l.text.trim(),
      key: keyOf(l.text.trim()),
      bbox: l.bbox,
      confidence: l.confidence,
      words: l.words,
      alternatives: (l.alternatives ?? []).filter((a) => a.text.trim() !== '').map((a) => ({ text: a.text.trim(), key: keyOf(a.text.trim()), confidence: a.confidence })),
    }));
}

/** The line's readings: as read in the page, then any re-readings. */
export function readingsOf(line: Line): Array<{ text: string; key: string; confidence: number; primary: boolean }> {
  return [{ text: line.text, key: line.key, confidence: line.confidence, primary: true }, ...line.alternatives.map((a) => ({ ...a, primary: false }))];
}

/**
 * Builds a keyword matcher from phrases: words may be run together or spaced out ("sub total",
 * "subtotal", "sub-total"), and matches stand at word boundaries.
 */
export function keywords(phrases: readonly string[]): RegExp {
  const alts = phrases
    .map((p) =>
      fold(p)
        .toLowerCase()
        .trim()
        .split(/\s+/)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join(String.raw`[\s\-_.:/()]*`)
    )
    .sort((a, b) => b.length - a.length);
  return new RegExp(String.raw`(?<![\p{L}\d])(?:${alts.join('|')})(?![\p{L}])`, 'u');
}

/** Vertical centre of a box. */
export const midY = (b: BBox): number => (b.y0 + b.y1) / 2;
export const heightOf = (b: BBox): number => b.y1 - b.y0;
