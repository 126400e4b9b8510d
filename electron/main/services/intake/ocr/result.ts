import type Tesseract from 'tesseract.js';
import type { BBox, OcrLine, OcrWord } from './types';

/** Tesseract reports 0..100; everything in Shoebox is 0..1. */
const unit = (confidence: number): number => Math.max(0, Math.min(1, confidence / 100));

const box = (b: Tesseract.Bbox): BBox => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 });

/** Flattens tesseract's blocks > paragraphs > lines > words into lines with their words. */
export function linesOf(page: Tesseract.Page): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words: OcrWord[] = line.words
          .filter((w) => w.text.trim() !== '')
          .map((w) => ({ text: w.text, confidence: unit(w.confidence), bbox: box(w.bbox) }));
        if (words.length === 0) continue;
        lines.push({ text: line.text.replace(/\s+$/, ''), confidence: unit(line.confidence), bbox: box(line.bbox), words });
      }
    }
  }
  return lines;
}

export function meanConfidence(words: readonly OcrWord[]): number {
  if (words.length === 0) return 0;
  return words.reduce((s, w) => s + w.confidence, 0) / words.length;
}
