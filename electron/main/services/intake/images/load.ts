import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { AppError } from '../../../../../shared/errors';

/**
 * Opening an image for intake: reads the bytes, refuses what sharp cannot decode with a
 * FILE_UNREADABLE that says why, and applies the EXIF orientation so everything downstream
 * sees the picture the way the camera held it.
 */

export interface UprightImage {
  /** Decoded pixels after EXIF auto-rotation, as an uncompressed RGB(A)/grey raw buffer. */
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  /** Format sharp detected in the original ("jpeg", "png", "webp", "tiff", "heif", ...). */
  format: string;
  /** EXIF orientation tag of the original (1 = upright), when it had one. */
  exifOrientation: number | null;
  /** Resolution the file claims, used to reason about text size; null when it states none. */
  density: number | null;
}

/** The brands of an ISO-BMFF "ftyp" box that mean HEVC-coded HEIF (what iPhones write). */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** Reads the major brand and the compatible brands of an ISO-BMFF file; [] when it is not one. */
export function isoBmffBrands(bytes: Uint8Array): string[] {
  if (bytes.length < 16) return [];
  const ascii = (from: number) => String.fromCharCode(...bytes.subarray(from, from + 4));
  if (ascii(4) !== 'ftyp') return [];
  const size = Math.min(bytes.length, ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0 || 16);
  const brands = [ascii(8)];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(ascii(at));
  return brands;
}

/** HEIC (HEVC inside HEIF): the sharp build bundled with Shoebox decodes AVIF only. */
export function looksLikeHeic(bytes: Uint8Array): boolean {
  const brands = isoBmffBrands(bytes);
  if (brands.length === 0) return false;
  if (brands.some((b) => AVIF_BRANDS.has(b))) return false;
  return brands.some((b) => HEIC_BRANDS.has(b)) || brands[0] === 'mif1' || brands[0] === 'msf1';
}

function unreadable(name: string, why: string, cause?: unknown): AppError {
  return new AppError('FILE_UNREADABLE', `${name} cannot be read: ${why}`, {
    name,
    ...(cause instanceof Error && { cause: cause.message }),
  });
}

export const HEIC_MESSAGE =
  'it is a HEIC photo, and this build of Shoebox cannot decode HEIC. Export it as JPEG (on an iPhone: Settings > Camera > Formats > Most Compatible) and import that';

/** Upper bound on decoded pixels: a 50-megapixel photo is the largest camera image we expect. */
const MAX_PIXELS = 80_000_000;

/**
 * Decodes an image file or buffer, upright. Throws FILE_UNREADABLE for an empty, truncated or
 * corrupt file, for HEIC (with a message that says so) and for anything sharp cannot decode.
 */
export async function loadUpright(input: Buffer | string, name = typeof input === 'string' ? basename(input) : 'The image'): Promise<UprightImage> {
  let bytes: Buffer;
  try {
    bytes = typeof input === 'string' ? await readFile(input) : input;
  } catch (err) {
    throw unreadable(name, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file is gone' : 'access was refused', err);
  }
  if (bytes.length === 0) throw unreadable(name, 'the file is empty');
  if (looksLikeHeic(bytes)) throw unreadable(name, HEIC_MESSAGE);

  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch (err) {
    throw unreadable(name, 'it is not an image Shoebox can decode, or the file is damaged', err);
  }
  if (meta.format === 'heif' && meta.compression === 'hevc') throw unreadable(name, HEIC_MESSAGE);
  if (!meta.width || !meta.height) throw unreadable(name, 'the image has no size');

  try {
    // failOn 'error' rejects truncated JPEGs instead of silently returning half a grey picture.
    const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS, pages: 1 })
      .rotate()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      data,
      width: info.width,
      height: info.height,
      channels: info.channels as UprightImage['channels'],
      format: meta.format ?? 'unknown',
      exifOrientation: meta.orientation ?? null,
      density: meta.density && meta.density > 1 ? meta.density : null,
    };
  } catch (err) {
    throw unreadable(name, 'the image data is damaged or incomplete', err);
  }
}

/** A sharp pipeline over the decoded upright pixels. */
export function pipelineOf(image: Pick<UprightImage, 'data' | 'width' | 'height' | 'channels'>): Sharp {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } });
}
