import jsQR, { type QRCode } from 'jsqr';
import { paymentSchemeOf } from './classify';
import { qrBytesToText } from './qr-text';
import { blank, boundingBox, crop, loadUpright, rotated, scaled, tiles, toRgba, type Box, type View } from './views';

/** Bounding box in pixels of the upright image (EXIF orientation applied). */
export type QrLocation = Box;

export interface DecodedQr {
  text: string;
  location?: QrLocation;
}

export interface FindQrOptions {
  /** Upper bound on jsQR runs (each roughly 20-150 ms on a 1000 px view), so a page without a code stays quick. */
  maxAttempts?: number;
}

/** jsQR misses codes much above ~1000 px and slows down on big images, so the first look is at this size. */
const OVERVIEW_SIDE = 1200;
const TILE_SIDE = 1000;
/** A QR-bill code (46 mm) is under 550 px at 300 dpi: this overlap keeps each such code whole in some tile. */
const TILE_OVERLAP = 400;
const DEFAULT_MAX_ATTEMPTS = 12;
/** QR-bill layout (Swiss IG): a 46 mm code in a 105 mm tall payment part; two parts fit one above the other on A4. */
const BILL_CODE_MM = 46;
const PAYMENT_PART_MM = 105;
/** Size a neighbouring bill's code is read at: about five pixels per module for the densest QR-bill. */
const NEIGHBOUR_CODE_PX = 400;

/**
 * Finds the QR codes on a page image. Looks, cheapest first, at a downscaled overview; at overlapping
 * tiles of the half- and the full-resolution image; at the overview turned 90, 180 and 270 degrees
 * (jsQR binarises in fixed blocks, so a turned copy sometimes reads where the upright one did not).
 * It stops at the first view that yields a payment code (Swiss QR-bill or EPC). Each code found is
 * blanked out and the view read again, and where a QR-bill was found the spots a second bill's code
 * would take above or below it are read too, so a page with two bills gives both.
 */
export async function findQrCodes(image: Buffer | string, options: FindQrOptions = {}): Promise<DecodedQr[]> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const source = await loadUpright(image);
  const found: Array<Required<DecodedQr>> = [];
  const seen: Box[] = [];
  let attempts = 0;

  const read = (view: View): void => {
    while (attempts < maxAttempts) {
      attempts++;
      for (const box of seen) blank(view, withQuietZone(box));
      const code = jsQR(toRgba(view), view.width, view.height, { inversionAttempts: 'dontInvert' });
      if (!code) return;
      const text = qrBytesToText(Uint8Array.from(code.binaryData), code.data, code.chunks.some((c) => c.type === 'kanji'));
      const location = locate(view, code);
      seen.push(location);
      if (!found.some((qr) => qr.text === text)) found.push({ text, location });
    }
  };

  for await (const view of views(source)) {
    if (attempts >= maxAttempts) break;
    read(view);
    if (found.some((qr) => paymentSchemeOf(qr.text) !== null)) break;
  }
  const bills = found.filter((qr) => paymentSchemeOf(qr.text) === 'swiss-qr-bill').map((qr) => qr.location);
  for await (const view of neighbourViews(source, bills, seen)) read(view);
  return found;
}

async function* views(source: View): AsyncGenerator<View> {
  const longest = Math.max(source.width, source.height);
  const overviewScale = Math.min(1, OVERVIEW_SIDE / longest);
  const overview = await scaled(source, overviewScale);
  yield overview;
  for (const scale of [0.5, 1]) {
    if (scale > overviewScale && longest * scale > TILE_SIDE) yield* tiles(await scaled(source, scale), TILE_SIDE, TILE_OVERLAP);
  }
  for (const quarterTurns of [1, 2, 3] as const) yield rotated(overview, quarterTurns);
}

/** Where the code of a bill stacked directly above or below a found one would be, unless that spot was read already. */
async function* neighbourViews(source: View, bills: Box[], seen: Box[]): AsyncGenerator<View> {
  for (const bill of bills) {
    const pxPerMm = bill.width / BILL_CODE_MM;
    const centreX = bill.x + bill.width / 2;
    for (const direction of [-1, 1]) {
      const centreY = bill.y + bill.height / 2 + direction * PAYMENT_PART_MM * pxPerMm;
      const inPage = centreY - bill.height / 2 >= 0 && centreY + bill.height / 2 <= source.height;
      if (!inPage || seen.some((box) => contains(box, centreX, centreY))) continue;
      // Twice the code's size, as a second bill may sit a little off the first one's column.
      const spot = crop(source, { x: centreX - bill.width, y: centreY - bill.height, width: 2 * bill.width, height: 2 * bill.height });
      yield await scaled(spot, Math.min(1, NEIGHBOUR_CODE_PX / bill.width));
    }
  }
}

function locate(view: View, code: QRCode): Box {
  const { topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner } = code.location;
  const box = boundingBox([topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner].map((p) => view.toSource(p.x, p.y)));
  const x = Math.max(0, box.x);
  const y = Math.max(0, box.y);
  return { x, y, width: box.x + box.width - x, height: box.y + box.height - y };
}

function withQuietZone(box: Box): Box {
  const margin = Math.max(box.width, box.height) * 0.15;
  return { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin };
}

function contains(box: Box, x: number, y: number): boolean {
  return x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
}
