import sharp from 'sharp';
import { SwissQRBill, SwissQRCode } from 'swissqrbill/svg';
import type { Data } from 'swissqrbill/types';

/**
 * Test-only: QR-bills rendered by the swissqrbill package (an independent implementation of the
 * standard), rasterised with sharp the way a scanned or exported page would reach the intake.
 */

/** librsvg lays out the bill's mm and pt units at 72 dpi, so the page is drawn in points. */
const A4_PT = { width: 595.28, height: 841.89 };
const BILL_PT = { width: 595.28, height: 297.64 };

export interface PageOptions {
  dpi?: number;
  /** Clockwise, as if the page had been scanned sideways. */
  rotate?: 0 | 90 | 180 | 270;
  /** Bills stacked from the bottom of the page up; none gives a page of plain text. */
  bills?: Data[];
}

/** An A4 page (PNG) with invoice-like text at the top and the QR-bill payment part(s) at the bottom. */
export async function renderPage({ dpi = 150, rotate = 0, bills = [] }: PageOptions): Promise<Buffer> {
  const width = Math.round((210 / 25.4) * dpi);
  const height = Math.round((297 / 25.4) * dpi);
  const text = Array.from({ length: 14 }, (_, i) => `<text x="56" y="${90 + i * 18}" font-size="10">Position ${i + 1}  Consulting services, hours ${i + 2}  CHF ${(i + 1) * 120}.00</text>`);
  const parts = bills.map((data, i) => {
    const y = A4_PT.height - BILL_PT.height * (i + 1);
    return `<svg x="0" y="${y}" width="${BILL_PT.width}" height="${BILL_PT.height}">${svgBody(new SwissQRBill(data, { language: 'EN' }).toString())}</svg>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${A4_PT.width} ${A4_PT.height}">
<rect width="100%" height="100%" fill="#fff"/><text x="56" y="60" font-size="18">Invoice 2024-0117</text>${text.join('')}${parts.join('')}</svg>`;
  return sharp(Buffer.from(svg)).rotate(rotate).flatten({ background: '#ffffff' }).png().toBuffer();
}

/** Just the QR code of a bill, side pixels square: the quickest way to get swissqrbill's payload. */
export async function renderQrCode(data: Data, side = 480): Promise<Buffer> {
  const body = svgBody(new SwissQRCode(data).toString());
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}" viewBox="-10 -10 150.4 150.4"><rect x="-10" y="-10" width="150.4" height="150.4" fill="#fff"/>${body}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

function svgBody(svg: string): string {
  return svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
}
