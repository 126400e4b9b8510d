import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../ocr/types';
import { extractFromOcr, rereadWeakLines, type LineReader } from './index';
import { linesToReread } from './reread';

function line(text: string, confidence: number, y: number): OcrLine {
  const bbox = { x0: 10, y0: y, x1: 400, y1: y + 20 };
  return { text, confidence, bbox, words: text.split(/\s+/).map((w) => ({ text: w, confidence, bbox })) };
}

const lines = [
  line('ACME TRADING SDN BHD', 0.95, 0),
  line('Date: 26/01/2025 13:22', 0.6, 30),
  line('Coffee 9.00', 0.95, 60),
  line('Total 9.60', 0.55, 90),
  line('Cash 10.00', 0.97, 120),
  line('Change 1.00', 0.97, 150),
];

describe('reading weak lines again', () => {
  it('picks the doubtful lines the fields depend on', () => {
    expect(linesToReread(lines)).toEqual([1, 3]);
  });

  it('keeps the second reading beside the first, and the extractors weigh both', async () => {
    const reader: LineReader = {
      async readLines(_page, boxes) {
        return boxes.map((b) => (b.y0 === 30 ? { text: 'Date: 25/01/2025 13:22', confidence: 0.9 } : { text: 'Total 9.00', confidence: 0.9 }));
      },
    };
    const reread = await rereadWeakLines(reader, Buffer.alloc(0), { lines, rotation: 0 as const });
    expect(reread.lines[3]!.alternatives).toEqual([{ text: 'Total 9.00', confidence: 0.9 }]);
    expect(lines[3]!.alternatives).toBeUndefined();
    const fields = extractFromOcr(reread, { now: new Date('2025-06-01T00:00:00Z') });
    // 9.00 is what the re-reading says and what cash minus change says.
    expect(fields.total?.value).toBe(900);
  });
});
