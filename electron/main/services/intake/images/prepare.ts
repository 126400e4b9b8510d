import sharp, { type Sharp } from 'sharp';
import type { Box } from './crop';
import { pipelineOf, type UprightImage } from './load';
import { estimateTextSize, inkMask, type TextSize } from './text-size';

/**
 * The derived images: a clean grey copy sized for tesseract, a display copy and a thumbnail.
 */

export interface OcrImageOptions {
  /**
   * Height in pixels a line of text (ascender to descender) is scaled to. Tesseract's LSTM reads
   * best from about 20 px x-height; this is measured on the page (see text-size.ts).
   */
  lineHeight?: number;
  /**
   * Measured line heights within [keepFrom, keepTo] are left alone: tesseract copes, and every
   * resample costs time (and upscaling costs OCR time).
   */
  keepFrom?: number;
  keepTo?: number;
  minScale?: number;
  maxScale?: number;
  /** Upper bound on the OCR copy's pixels: cost grows with them. */
  maxPixels?: number;
  /** When the text size cannot be measured: width narrow documents (receipts) are brought to. */
  receiptWidth?: number;
  /** Same for page-like documents. */
  pageWidth?: number;
  /** Stretch the grey levels to the full range (1st to 99th percentile). */
  normalise?: boolean;
  /** Binarise at this grey level (0-255); null leaves grey levels for tesseract's own Otsu. */
  threshold?: number | null;
  /** Median filter size (3, 5) against speckle; 0 for none. */
  median?: number;
  /** Unsharp mask after scaling. */
  sharpen?: boolean;
}

export const DEFAULT_OCR_IMAGE: Required<OcrImageOptions> = {
  lineHeight: 28,
  keepFrom: 18,
  keepTo: 80,
  minScale: 0.5,
  maxScale: 2.5,
  maxPixels: 12_000_000,
  receiptWidth: 1000,
  pageWidth: 2100,
  normalise: true,
  threshold: null,
  median: 0,
  sharpen: false,
};

export interface OcrImage {
  /** Lossless PNG, grey, uncompressed. */
  png: Buffer;
  width: number;
  height: number;
  /** OCR pixels per upright-image pixel (coordinates divide by this to map back). */
  scale: number;
  /** Measured text line height in the source, px; null when it could not be measured. */
  lineHeight: number | null;
}

/** Scale factor for the OCR copy: from the measured text size, else from the document's shape. */
export function ocrScale(width: number, height: number, size: TextSize | null, opts: OcrImageOptions = {}): number {
  const o = { ...DEFAULT_OCR_IMAGE, ...opts };
  let scale: number;
  if (size) {
    scale = size.lineHeight >= o.keepFrom && size.lineHeight <= o.keepTo ? 1 : o.lineHeight / size.lineHeight;
  } else {
    const target = height / width > 1.6 ? o.receiptWidth : o.pageWidth;
    scale = width < target || width > target * 1.6 ? target / width : 1;
  }
  scale = Math.max(o.minScale, Math.min(o.maxScale, scale));
  const pixels = width * height * scale * scale;
  if (pixels > o.maxPixels) scale = Math.sqrt(o.maxPixels / (width * height));
  return scale;
}

export async function ocrImage(image: UprightImage, crop: Box | null, opts: OcrImageOptions = {}): Promise<OcrImage> {
  const options = { ...DEFAULT_OCR_IMAGE, ...opts };
  let p: Sharp = pipelineOf(image);
  if (crop) p = p.extract(crop);
  const grey = await p.greyscale().raw().toBuffer({ resolveWithObject: true });
  const srcW = grey.info.width;
  const srcH = grey.info.height;
  const raw = { raw: { width: srcW, height: srcH, channels: 1 as const } };
  const background = await sharp(grey.data, raw).blur(12).raw().toBuffer();
  const size = estimateTextSize(inkMask(grey.data, background), srcW, srcH);
  const scale = ocrScale(srcW, srcH, size, options);
  let q: Sharp = sharp(grey.data, raw);
  if (scale !== 1) q = q.resize({ width: Math.max(1, Math.round(srcW * scale)), kernel: scale > 1 ? 'cubic' : 'lanczos3' });
  if (options.median > 1) q = q.median(options.median);
  if (options.sharpen) q = q.sharpen();
  if (options.normalise) q = q.normalise();
  if (options.threshold !== null) q = q.threshold(options.threshold);
  // Uncompressed: the copy only travels to the OCR worker, and inflating it in wasm costs ~7 % of the OCR time.
  const { data, info } = await q.toColourspace('b-w').png({ compressionLevel: 0, adaptiveFiltering: false }).toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height, scale: info.width / srcW, lineHeight: size?.lineHeight ?? null };
}

export interface EncodedImage {
  data: Buffer;
  format: 'webp' | 'jpeg';
  width: number;
  height: number;
}

export interface DisplayOptions {
  maxSide?: number;
  format?: 'webp' | 'jpeg';
  quality?: number;
}

async function encode(image: UprightImage, crop: Box | null, maxSide: number, format: 'webp' | 'jpeg', quality: number): Promise<EncodedImage> {
  let p = pipelineOf(image);
  if (crop) p = p.extract(crop);
  p = p.resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
  // Alpha (a PNG screenshot) is flattened onto white: receipts are paper.
  if (image.channels === 2 || image.channels === 4) p = p.flatten({ background: '#ffffff' });
  p = format === 'webp' ? p.webp({ quality, effort: 3 }) : p.jpeg({ quality, mozjpeg: true });
  const { data, info } = await p.toBuffer({ resolveWithObject: true });
  return { data, format, width: info.width, height: info.height };
}

/** What the review screen shows: longest side about 2000 px. */
export function displayImage(image: UprightImage, crop: Box | null, opts: DisplayOptions = {}): Promise<EncodedImage> {
  return encode(image, crop, opts.maxSide ?? 2000, opts.format ?? 'webp', opts.quality ?? 80);
}

/** List thumbnail: longest side about 320 px. */
export function thumbnailImage(image: UprightImage, crop: Box | null, opts: DisplayOptions = {}): Promise<EncodedImage> {
  return encode(image, crop, opts.maxSide ?? 320, opts.format ?? 'webp', opts.quality ?? 70);
}
