/**
 * How tall the text is, in pixels, from the ink profile of the rows: tesseract reads best when a
 * line of text is some 30 px tall, so the OCR copy is scaled to that rather than to a guessed DPI.
 *
 * Rows holding ink (darker than an Otsu threshold) form runs separated by blank rows; the median
 * run height is the height of a line of text (ascender to descender). Works for the single-column
 * layouts of receipts and most invoices; returns null when it finds too few lines to tell.
 */

export function otsuThreshold(grey: Uint8Array, step = 1): number {
  const hist = new Float64Array(256);
  let n = 0;
  for (let i = 0; i < grey.length; i += step) {
    hist[grey[i]!]!++;
    n++;
  }
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = n - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

export interface TextSize {
  /** Median height of a text line, in pixels. */
  lineHeight: number;
  /** Text lines counted. */
  lines: number;
}

/**
 * Ink: pixels clearly darker than their surroundings (`background` is a heavily blurred copy of
 * `grey`). Local contrast copes with grey paper, shadows and faint print where a global threshold
 * does not, and the halftone dots of a scanned thermal receipt are too fine to stand out.
 */
export function inkMask(grey: Uint8Array, background: Uint8Array, contrast = 35): Uint8Array {
  const mask = new Uint8Array(grey.length);
  for (let i = 0; i < grey.length; i++) mask[i] = background[i]! - grey[i]! > contrast ? 1 : 0;
  return mask;
}

export function estimateTextSize(ink: Uint8Array, width: number, height: number): TextSize | null {
  if (width < 16 || height < 16) return null;
  const minInk = Math.max(2, Math.round(width * 0.004));
  // Ignore a band at the left and right where scan edges and shadows live.
  const x0 = Math.floor(width * 0.03);
  const x1 = Math.ceil(width * 0.97);
  const runs: number[] = [];
  let run = 0;
  for (let y = 0; y < height; y++) {
    let count = 0;
    const row = y * width;
    for (let x = x0; x < x1; x++) count += ink[row + x]!;
    if (count >= minInk) run++;
    else {
      if (run > 0) runs.push(run);
      run = 0;
    }
  }
  if (run > 0) runs.push(run);
  // Lines are at least 5 px tall; runs over a fifth of the page are pictures or shadows.
  const plausible = runs.filter((r) => r >= 5 && r <= height / 5).sort((a, b) => a - b);
  if (plausible.length < 4) return null;
  return { lineHeight: plausible[Math.floor(plausible.length / 2)]!, lines: plausible.length };
}
