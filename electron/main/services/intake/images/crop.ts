import sharp from 'sharp';
import { pipelineOf, type UprightImage } from './load';
import { inkMask } from './text-size';

/**
 * Finding the document on its background. Two cases, both on a small grey copy whose box is mapped
 * back to full resolution with a margin:
 *  - paper on a darker surface (a receipt photographed on a table, a page on a dark scanner lid):
 *    a uniform border, and a large region clearly brighter than it;
 *  - a small receipt on a white scanner page: the band of rows and columns holding print.
 * It crops only when the evidence is clear and nothing printed would be left out; when unsure it
 * returns null and the whole image is used.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const ANALYSIS_SIDE = 320;
/** Width of the frame, as a share of each side, sampled to learn the background. */
const FRAME = 0.04;
/** Margin kept around the found document, as a share of each side. */
const MARGIN = 0.025;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Longest run of indexes whose value passes, allowing gaps of up to `gap` failing indexes inside.
 * Returns [start, end] inclusive or null.
 */
function longestRun(values: Float64Array, pass: (v: number) => boolean, gap: number): [number, number] | null {
  let best: [number, number] | null = null;
  let start = -1;
  let lastPass = -1;
  for (let i = 0; i <= values.length; i++) {
    const ok = i < values.length && pass(values[i]!);
    if (ok) {
      if (start < 0 || i - lastPass - 1 > gap) start = i;
      lastPass = i;
      if (!best || lastPass - start > best[1] - best[0]) best = [start, lastPass];
    }
  }
  return best;
}

export interface CropDecision {
  box: Box | null;
  reason: string;
}

/** A small, denoised greyscale copy to analyse, and the factor it was scaled by. */
async function greyCopy(image: UprightImage, side: number) {
  const scale = Math.min(1, side / Math.max(image.width, image.height));
  const { data, info } = await pipelineOf(image)
    .resize({ width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)), fit: 'fill' })
    .greyscale()
    .median(3)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, info, scale };
}

/** Looks for a document that is clearly set off from a uniform background. */
export async function findDocument(image: UprightImage): Promise<CropDecision> {
  const { data, info, scale } = await greyCopy(image, ANALYSIS_SIDE);
  const w = info.width;
  const h = info.height;
  const ch = info.channels;
  if (w < 32 || h < 32) return { box: null, reason: 'image too small to analyse' };
  const px = (x: number, y: number) => data[(y * w + x) * ch]!;

  // 1. The background, from the outer frame: it must be uniform to be trusted.
  const fx = Math.max(2, Math.round(w * FRAME));
  const fy = Math.max(2, Math.round(h * FRAME));
  const frame: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (x < fx || x >= w - fx || y < fy || y >= h - fy) frame.push(px(x, y));
    }
  }
  const bg = median(frame);
  const spread = median(frame.map((v) => Math.abs(v - bg)));
  if (spread > 18) return { box: null, reason: `background not uniform (spread ${spread})` };
  // Paper on white (most scans, and small receipts on an A4 scanner bed): crop to the printed content.
  if (bg > 170) return findContent(image);

  // 2. Pixels clearly brighter than the background are document.
  const threshold = Math.max(40, spread * 4);
  const rowShare = new Float64Array(h);
  const colShare = new Float64Array(w);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (px(x, y) - bg > threshold) {
        rowShare[y]! += 1 / w;
        colShare[x]! += 1 / h;
      }
    }
  }
  // A document row/column is one where a good share of pixels is paper; runs may have small gaps
  // (a dark logo band) but not large ones.
  const rows = longestRun(rowShare, (v) => v > 0.15, Math.round(h * 0.03));
  const cols = longestRun(colShare, (v) => v > 0.15, Math.round(w * 0.03));
  if (!rows || !cols) return { box: null, reason: 'no document found' };

  const [top, bottom] = rows;
  const [left, right] = cols;
  const bw = right - left + 1;
  const bh = bottom - top + 1;
  const area = (bw * bh) / (w * h);
  if (area < 0.08) return { box: null, reason: `candidate too small (${(area * 100).toFixed(0)} %)` };
  if (bw > w * 0.94 && bh > h * 0.94) return { box: null, reason: 'document fills the image' };

  // 3. Inside the box most pixels must be paper, otherwise the box is not one document.
  let paper = 0;
  for (let y = top; y <= bottom; y++) for (let x = left; x <= right; x++) if (px(x, y) - bg > threshold) paper++;
  const fill = paper / (bw * bh);
  if (fill < 0.6) return { box: null, reason: `box is not mostly paper (${(fill * 100).toFixed(0)} %)` };

  // 4. Map back with a margin, clamped to the image.
  const sx = image.width / w;
  const sy = image.height / h;
  const mx = Math.round(image.width * MARGIN);
  const my = Math.round(image.height * MARGIN);
  const x0 = Math.max(0, Math.floor(left * sx) - mx);
  const y0 = Math.max(0, Math.floor(top * sy) - my);
  const x1 = Math.min(image.width, Math.ceil((right + 1) * sx) + mx);
  const y1 = Math.min(image.height, Math.ceil((bottom + 1) * sy) + my);
  return { box: { left: x0, top: y0, width: x1 - x0, height: y1 - y0 }, reason: `document on a dark background (${(area * 100).toFixed(0)} % of the image)` };
}

/** Analysis side for content on a light background: text must survive the downscale as ink. */
const CONTENT_SIDE = 800;

/**
 * The printed content of a page on a light background: the largest band of rows holding ink
 * (gaps of blank rows allowed), then the columns holding ink within it. Specks of dust are too thin
 * to make a row count. Crops only when it removes at least a fifth of the page and leaves out
 * (almost) no ink: never crops away content.
 */
async function findContent(image: UprightImage): Promise<CropDecision> {
  const { data, info, scale } = await greyCopy(image, CONTENT_SIDE);
  const w = info.width;
  const h = info.height;
  const background = await sharp(data, { raw: { width: w, height: h, channels: 1 } }).blur(8).raw().toBuffer();
  const mask = inkMask(data, background, 30);
  const ink = (x: number, y: number) => mask[y * w + x] === 1;
  const rowInk = new Float64Array(h);
  let totalInk = 0;
  for (let y = 0; y < h; y++) {
    let n = 0;
    for (let x = 0; x < w; x++) if (ink(x, y)) n++;
    rowInk[y] = n;
    totalInk += n;
  }
  if (totalInk === 0) return { box: null, reason: 'blank page' };
  // A text row has a few ink pixels at least; scattered specks give one or two.
  const minRow = Math.max(3, w * 0.006);
  const rows = longestRunByInk(rowInk, minRow, Math.round(h * 0.06));
  if (!rows) return { box: null, reason: 'no content found' };
  const [top, bottom] = rows;
  const colInk = new Float64Array(w);
  for (let y = top; y <= bottom; y++) for (let x = 0; x < w; x++) if (ink(x, y)) colInk[x]!++;
  const minCol = Math.max(2, (bottom - top + 1) * 0.004);
  const cols = longestRunByInk(colInk, minCol, Math.round(w * 0.08));
  if (!cols) return { box: null, reason: 'no content found' };
  const [left, right] = cols;

  const mx = Math.round(w * MARGIN) + 2;
  const my = Math.round(h * MARGIN) + 2;
  const x0 = Math.max(0, left - mx);
  const y0 = Math.max(0, top - my);
  const x1 = Math.min(w - 1, right + mx);
  const y1 = Math.min(h - 1, bottom + my);
  const share = ((x1 - x0 + 1) * (y1 - y0 + 1)) / (w * h);
  if (share > 0.8) return { box: null, reason: 'content fills the page' };
  if (share < 0.03) return { box: null, reason: 'content box implausibly small: not cropping' };
  let inside = 0;
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (ink(x, y)) inside++;
  const outside = (totalInk - inside) / totalInk;
  if (outside > 0.03) return { box: null, reason: `ink outside the content box (${(outside * 100).toFixed(1)} %): not cropping` };

  const sx = image.width / w;
  const sy = image.height / h;
  const left0 = Math.floor(x0 * sx);
  const top0 = Math.floor(y0 * sy);
  return {
    box: {
      left: left0,
      top: top0,
      width: Math.min(image.width, Math.ceil((x1 + 1) * sx)) - left0,
      height: Math.min(image.height, Math.ceil((y1 + 1) * sy)) - top0,
    },
    reason: `content on a light page (${(share * 100).toFixed(0)} % of the image)`,
  };
}

/** Longest run of indexes with at least `min` ink, allowing blank gaps up to `gap`. */
function longestRunByInk(values: Float64Array, min: number, gap: number): [number, number] | null {
  // Runs are compared by the ink they hold, so a long band of faint noise loses to the text.
  let best: [number, number] | null = null;
  let bestInk = 0;
  let start = -1;
  let last = -1;
  let inkSum = 0;
  for (let i = 0; i <= values.length; i++) {
    const ok = i < values.length && values[i]! >= min;
    if (!ok) continue;
    if (start < 0 || i - last - 1 > gap) {
      start = i;
      inkSum = 0;
    }
    last = i;
    inkSum += values[i]!;
    if (inkSum > bestInk) {
      bestInk = inkSum;
      best = [start, last];
    }
  }
  return best;
}
