import sharp from 'sharp';
import { AppError } from '../../../../../shared/errors';
import type { OcrResult, OcrWord, Rotation } from './types';

/**
 * Orientation of sideways or upside-down scans. The bundled language data (4.0.0_best_int) is
 * LSTM-only and no osd.traineddata ships with it, so tesseract's OSD (which needs the legacy
 * engine and that model) is not available. Instead: when the upright reading is poor, a central
 * crop of the page at full resolution is read in all four quarter turns and the turn whose words
 * are longest and most confident wins. Upright pages with a good reading pay nothing.
 */

/** Upright readings below this mean confidence, or with fewer solid words, get the probe. */
export const ORIENTATION_CONFIDENCE = 0.5;
const MIN_SOLID_WORDS = 8;
/** Side of the square probe, in pixels of the OCR image (native resolution keeps text legible). */
const PROBE_SIDE = 560;

/** Words that read as language: at least three letters or digits, read with some confidence. */
export function solidScore(words: readonly OcrWord[]): number {
  let score = 0;
  for (const word of words) {
    const alnum = word.text.replace(/[^\p{L}\p{N}]/gu, '').length;
    if (alnum >= 3 && word.confidence >= 0.5) score += alnum * word.confidence;
  }
  return score;
}

/** The upright reading's words that lie inside the probe: its score without reading it again. */
export function wordsInside(words: readonly OcrWord[], box: Box): OcrWord[] {
  return words.filter((w) => w.bbox.x0 >= box.left && w.bbox.y0 >= box.top && w.bbox.x1 <= box.left + box.width && w.bbox.y1 <= box.top + box.height);
}

function solidWords(result: OcrResult): number {
  return result.words.filter((w) => w.confidence >= 0.6 && w.text.replace(/[^\p{L}\p{N}]/gu, '').length >= 3).length;
}

export function needsOrientationCheck(result: OcrResult): boolean {
  return result.confidence < ORIENTATION_CONFIDENCE || solidWords(result) < MIN_SOLID_WORDS;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The centre of the page at full resolution, at most PROBE_SIDE square. */
export async function orientationProbe(image: Buffer, width: number, height: number): Promise<{ png: Buffer; box: Box }> {
  const side = Math.min(PROBE_SIDE, width, height);
  if (side < 32) return { png: image, box: { left: 0, top: 0, width, height } };
  // The crop is square so every turn of it has the same size and cost.
  const box = { left: Math.floor((width - side) / 2), top: Math.floor((height - side) / 2), width: side, height: side };
  return { png: await sharp(image).extract(box).png({ compressionLevel: 0 }).toBuffer(), box };
}

export async function rotate(image: Buffer, turn: Rotation): Promise<Buffer> {
  if (turn === 0) return image;
  try {
    return await sharp(image).rotate(turn).png({ compressionLevel: 0 }).toBuffer();
  } catch (err) {
    throw new AppError('OCR_FAILED', 'The image given to OCR cannot be decoded', { reason: 'engine', cause: (err as Error).message });
  }
}

/** The turn whose reading is clearly best; 0 unless another beats it by a margin. */
export function chooseOrientation(readings: ReadonlyArray<{ rotation: Rotation; words: readonly OcrWord[] }>): Rotation {
  const scored = readings.map((r) => ({ rotation: r.rotation, score: solidScore(r.words) }));
  const upright = scored.find((s) => s.rotation === 0)?.score ?? 0;
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  return best.rotation !== 0 && best.score > upright * 1.5 + 5 ? best.rotation : 0;
}

/**
 * Which way the text lines run, from a central crop at full resolution: between horizontal lines
 * of text there are blank rows, so scanning down, rows switch between ink and blank once per line
 * edge, while hardly any column is blank in every line. For a page turned by 90° it is the other
 * way round. Cheap (one small crop), and it lets a sideways scan go straight to the quarter-turn
 * probe instead of a long, useless upright reading.
 */
export async function textDirection(image: Buffer, width: number, height: number): Promise<'horizontal' | 'vertical' | 'unknown'> {
  const side = Math.min(PROBE_SIDE, width, height);
  if (side < 64) return 'unknown';
  const box = { left: Math.floor((width - side) / 2), top: Math.floor((height - side) / 2), width: side, height: side };
  const grey = await sharp(image).extract(box).greyscale().median(3).raw().toBuffer();
  const background = await sharp(grey, { raw: { width: side, height: side, channels: 1 } }).blur(10).raw().toBuffer();
  const rows = new Uint32Array(side);
  const cols = new Uint32Array(side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const i = y * side + x;
      if (background[i]! - grey[i]! > 35) {
        rows[y]!++;
        cols[x]!++;
      }
    }
  }
  const min = Math.max(2, side * 0.005);
  // Blank runs shorter than this are gaps between letters (aligned in monospace till fonts), not
  // between lines; they are not counted.
  const minGap = Math.max(4, Math.round(side / 100));
  const switches = (profile: Uint32Array): number => {
    let n = 0;
    let blank = 0;
    let seenInk = false;
    for (let i = 0; i < profile.length; i++) {
      if (profile[i]! >= min) {
        if (seenInk && blank >= minGap) n += 2;
        seenInk = true;
        blank = 0;
      } else blank++;
    }
    return n;
  };
  const r = switches(rows);
  const c = switches(cols);
  // Several lines of text are needed to tell: at least three line edges one way, twice the other.
  if (r >= 6 && r >= 2 * c + 2) return 'horizontal';
  if (c >= 6 && c >= 2 * r + 2) return 'vertical';
  return 'unknown';
}
