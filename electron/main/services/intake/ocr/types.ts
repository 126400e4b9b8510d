import type { OcrLanguage } from './languages';

/** Pixel box, left/top inclusive, right/bottom exclusive, in the coordinates of the recognised image. */
export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: BBox;
}

export interface OcrLine {
  text: string;
  /** 0..1, tesseract's line confidence */
  confidence: number;
  bbox: BBox;
  words: OcrWord[];
  /** Other readings of the same line (read again on its own), for the extractors to weigh. */
  alternatives?: Array<{ text: string; confidence: number }>;
}

/** Clockwise quarter turns applied to the input before recognition. */
export type Rotation = 0 | 90 | 180 | 270;

export interface OcrResult {
  text: string;
  /** Lines in reading order; boxes are in the rotated image when `rotation` is not 0. */
  lines: OcrLine[];
  /** Every word of `lines`, in reading order. */
  words: OcrWord[];
  /** Mean word confidence, 0..1. */
  confidence: number;
  rotation: Rotation;
  /** Size of the recognised (rotated) image. */
  width: number;
  height: number;
  languages: OcrLanguage[];
  /** Wall time of recognition including any orientation probe, in milliseconds. */
  ms: number;
}
