import { findDocument, type Box, type CropDecision } from './crop';
import { loadUpright, type UprightImage } from './load';
import { displayImage, ocrImage, thumbnailImage, type DisplayOptions, type EncodedImage, type OcrImage, type OcrImageOptions } from './prepare';

export { findDocument, type Box, type CropDecision } from './crop';
export { HEIC_MESSAGE, loadUpright, looksLikeHeic, type UprightImage } from './load';
export { DEFAULT_OCR_IMAGE, displayImage, ocrImage, ocrScale, thumbnailImage } from './prepare';
export { estimateTextSize, inkMask, otsuThreshold, type TextSize } from './text-size';
export type { DisplayOptions, EncodedImage, OcrImage, OcrImageOptions } from './prepare';

export interface PreparedImage {
  /** Size of the upright (EXIF-rotated) original. */
  width: number;
  height: number;
  format: string;
  /** The document's box in the upright original, or null when the whole image is used. */
  crop: Box | null;
  cropReason: string;
  ocr: OcrImage;
  display?: EncodedImage;
  thumbnail?: EncodedImage;
}

export interface PrepareOptions {
  /** Look for the document on its background and crop to it (default true). */
  crop?: boolean;
  ocr?: OcrImageOptions;
  /** Also make the display image and the thumbnail (default true). */
  derivatives?: boolean;
  display?: DisplayOptions;
  thumbnail?: DisplayOptions;
  /** Name used in error messages. */
  name?: string;
}

/**
 * One decode of the file, then: crop decision, the OCR copy and (optionally) display + thumbnail.
 * Throws AppError FILE_UNREADABLE for files that are not decodable images.
 */
export async function prepareImage(input: Buffer | string, options: PrepareOptions = {}): Promise<PreparedImage> {
  const image: UprightImage = await loadUpright(input, options.name);
  const decision: CropDecision = options.crop === false ? { box: null, reason: 'cropping off' } : await findDocument(image);
  const [ocr, display, thumbnail] = await Promise.all([
    ocrImage(image, decision.box, options.ocr),
    options.derivatives === false ? undefined : displayImage(image, decision.box, options.display),
    options.derivatives === false ? undefined : thumbnailImage(image, decision.box, options.thumbnail),
  ]);
  return {
    width: image.width,
    height: image.height,
    format: image.format,
    crop: decision.box,
    cropReason: decision.reason,
    ocr,
    ...(display && { display }),
    ...(thumbnail && { thumbnail }),
  };
}
