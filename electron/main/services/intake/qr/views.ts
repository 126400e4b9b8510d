import { basename } from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../../../../shared/errors';

/**
 * Grey pixel buffers cut, scaled and turned from one upright page image, each knowing how its pixels
 * map to and from that source, so what is found in any of them is reported in page coordinates.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Gray {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface View extends Gray {
  toSource(x: number, y: number): [number, number];
  fromSource(x: number, y: number): [number, number];
}

export async function loadUpright(image: Buffer | string): Promise<View> {
  try {
    const { data, info } = await sharp(image).rotate().flatten({ background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, toSource: (x, y) => [x, y], fromSource: (x, y) => [x, y] };
  } catch (err) {
    // A damaged or unsupported file is the user's to fix, not an internal error; same code as the intake's file check.
    const name = typeof image === 'string' ? basename(image) : 'This file';
    throw new AppError('FILE_UNREADABLE', `${name} cannot be read as an image`, { name, cause: (err as Error).message });
  }
}

/** A resized copy (always a copy: views get painted on). */
export async function scaled(view: View, scale: number): Promise<View> {
  const width = Math.max(1, Math.round(view.width * scale));
  const height = Math.max(1, Math.round(view.height * scale));
  const data =
    scale === 1
      ? Uint8Array.from(view.data)
      : await sharp(view.data, { raw: { width: view.width, height: view.height, channels: 1 } })
          .resize(width, height, { fit: 'fill' })
          // Without this sharp hands back three channels from a one-channel raw input.
          .greyscale()
          .raw()
          .toBuffer();
  const sx = width / view.width;
  const sy = height / view.height;
  return {
    data,
    width,
    height,
    toSource: (x, y) => view.toSource(x / sx, y / sy),
    fromSource: (x, y) => {
      const [vx, vy] = view.fromSource(x, y);
      return [vx * sx, vy * sy];
    },
  };
}

/** The part of the view inside the box, clipped to the view. */
export function crop(view: View, box: Box): View {
  const x0 = Math.max(0, Math.round(box.x));
  const y0 = Math.max(0, Math.round(box.y));
  const width = Math.max(1, Math.min(view.width, Math.round(box.x + box.width)) - x0);
  const height = Math.max(1, Math.min(view.height, Math.round(box.y + box.height)) - y0);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) data.set(view.data.subarray((y0 + y) * view.width + x0, (y0 + y) * view.width + x0 + width), y * width);
  return {
    data,
    width,
    height,
    toSource: (x, y) => view.toSource(x + x0, y + y0),
    fromSource: (x, y) => {
      const [vx, vy] = view.fromSource(x, y);
      return [vx - x0, vy - y0];
    },
  };
}

/** Overlapping square tiles, bottom row first: the payment part of a QR-bill sits at the foot of a page. */
export function* tiles(view: View, side: number, overlap: number): Generator<View> {
  const xs = starts(view.width, side, overlap);
  for (const y of starts(view.height, side, overlap).reverse()) for (const x of xs) yield crop(view, { x, y, width: side, height: side });
}

function starts(length: number, side: number, overlap: number): number[] {
  if (length <= side) return [0];
  const count = Math.ceil((length - overlap) / (side - overlap));
  const step = (length - side) / (count - 1);
  return Array.from({ length: count }, (_, i) => Math.round(i * step));
}

/** The view turned clockwise by quarter turns. */
export function rotated(view: View, quarterTurns: 1 | 2 | 3): View {
  const { width: w, height: h } = view;
  const width = quarterTurns === 2 ? w : h;
  const height = quarterTurns === 2 ? h : w;
  // Where pixel (u, v) of the turned image comes from in the view, and the way back.
  const from = (u: number, v: number): [number, number] =>
    quarterTurns === 1 ? [v, h - 1 - u] : quarterTurns === 2 ? [w - 1 - u, h - 1 - v] : [w - 1 - v, u];
  const to = (x: number, y: number): [number, number] =>
    quarterTurns === 1 ? [h - 1 - y, x] : quarterTurns === 2 ? [w - 1 - x, h - 1 - y] : [y, w - 1 - x];
  const data = new Uint8Array(w * h);
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const [x, y] = from(u, v);
      data[v * width + u] = view.data[y * w + x]!;
    }
  }
  return { data, width, height, toSource: (u, v) => view.toSource(...from(u, v)), fromSource: (x, y) => to(...view.fromSource(x, y)) };
}

export function boundingBox(points: Array<[number, number]>): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.floor(Math.min(...xs));
  const y = Math.floor(Math.min(...ys));
  return { x, y, width: Math.ceil(Math.max(...xs)) - x, height: Math.ceil(Math.max(...ys)) - y };
}

/** Paints a box given in source coordinates white. */
export function blank(view: View, box: Box): void {
  const { x, y, width, height } = boundingBox([view.fromSource(box.x, box.y), view.fromSource(box.x + box.width, box.y + box.height)]);
  const x0 = Math.max(0, x);
  const x1 = Math.min(view.width, x + width);
  for (let row = Math.max(0, y); row < Math.min(view.height, y + height) && x0 < x1; row++) view.data.fill(255, row * view.width + x0, row * view.width + x1);
}

export function toRgba(view: Gray): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(view.width * view.height * 4);
  for (let i = 0, j = 0; i < view.data.length; i++, j += 4) {
    const v = view.data[i]!;
    rgba[j] = v;
    rgba[j + 1] = v;
    rgba[j + 2] = v;
    rgba[j + 3] = 255;
  }
  return rgba;
}
