import type { OcrLine } from '../ocr/types';
import { keyOf } from './text';
import { classifyLine } from './totals';

/**
 * Which OCR lines are worth reading again on their own (see OcrPool.readLines): those the fields
 * hang on (total, payment, change, subtotal, tax, rounding, dates) when tesseract was not sure of
 * them. Cheap lines to read (one line each), and the extractors weigh both readings.
 */

const DATE_LIKE = /\d{1,4}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,4}|\b\d{1,2}\s?[a-z]{3,9}\.?\s?\d{2,4}\b|\b(?:date|datum|data|tarikh)\b/i;

export function linesToReread(lines: readonly OcrLine[], { maxLines = 8, belowConfidence = 0.97 } = {}): number[] {
  const picked: Array<{ index: number; confidence: number }> = [];
  lines.forEach((line, index) => {
    const key = keyOf(line.text);
    const kind = classifyLine(key)?.kind;
    const relevant = (kind !== undefined && kind !== 'count') || DATE_LIKE.test(line.text);
    if (!relevant || !/\d/.test(line.text)) return;
    // The least sure word decides: one bad digit spoils an amount.
    const weakest = Math.min(...line.words.filter((w) => /\d/.test(w.text)).map((w) => w.confidence), 1);
    if (weakest < belowConfidence) picked.push({ index, confidence: weakest });
  });
  return picked
    .sort((a, b) => a.confidence - b.confidence)
    .slice(0, maxLines)
    .map((p) => p.index)
    .sort((a, b) => a - b);
}
