import sharp from 'sharp';

/**
 * Test-only: receipts and invoices drawn as SVG text and rasterised with sharp, the way a clean
 * scan would reach the intake. A row is a string (left-aligned), a [left, right] pair (the right
 * part right-aligned, like an amount column) or { text, center, bold, size }.
 */

export type Row = string | [string, string] | { text: string; center?: boolean; bold?: boolean; size?: number };

export interface RenderOptions {
  /** Paper width in px. Default 640 (an 80 mm roll at about 200 dpi). */
  width?: number;
  fontSize?: number;
  font?: string;
  /** Clockwise turn applied after rendering, as if scanned sideways. */
  rotate?: 0 | 90 | 180 | 270;
  /** Put the paper on a darker background ("a table") of this colour, with this margin. */
  background?: { color: string; margin: number };
  format?: 'png' | 'jpeg';
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function renderDocument(rows: Row[], options: RenderOptions = {}): Promise<Buffer> {
  const width = options.width ?? 640;
  const size = options.fontSize ?? 22;
  const font = options.font ?? 'DejaVu Sans Mono';
  const pad = Math.round(size * 1.5);
  const lineHeight = Math.round(size * 1.45);
  let y = pad;
  const body: string[] = [];
  for (const row of rows) {
    const r = typeof row === 'string' ? { text: row } : Array.isArray(row) ? null : row;
    const rowSize = r?.size ?? size;
    y += Math.round(rowSize * 1.45);
    if (Array.isArray(row)) {
      body.push(`<text x="${pad}" y="${y}" font-size="${size}">${escape(row[0])}</text>`);
      body.push(`<text x="${width - pad}" y="${y}" font-size="${size}" text-anchor="end">${escape(row[1])}</text>`);
    } else if (r) {
      const x = r.center ? width / 2 : pad;
      const anchor = r.center ? ' text-anchor="middle"' : '';
      const weight = r.bold ? ' font-weight="bold"' : '';
      body.push(`<text x="${x}" y="${y}" font-size="${rowSize}"${anchor}${weight}>${escape(r.text)}</text>`);
    }
  }
  const height = y + pad + lineHeight;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/><g font-family="${font}" fill="#111">${body.join('')}</g></svg>`;
  let img = sharp(Buffer.from(svg)).flatten({ background: '#ffffff' });
  if (options.background) {
    const { color, margin } = options.background;
    img = sharp(await img.png().toBuffer()).extend({ top: margin, bottom: margin, left: margin * 2, right: margin * 2, background: color });
  }
  if (options.rotate) img = sharp(await img.png().toBuffer()).rotate(options.rotate);
  return options.format === 'jpeg' ? img.jpeg({ quality: 90 }).toBuffer() : img.png().toBuffer();
}

/** An English, Malaysian-style till receipt with GST and cash/change. Total 9.00 MYR, 25/12/2024. */
export const MALAYSIAN_RECEIPT: Row[] = [
  { text: 'KEDAI BUKU MAJU SDN BHD', center: true, bold: true },
  { text: '(123456-K)', center: true },
  { text: 'NO. 12, JALAN MERANTI 3,', center: true },
  { text: '81100 JOHOR BAHRU, JOHOR', center: true },
  { text: 'TEL: 07-355 1234', center: true },
  { text: 'GST ID: 000123456789', center: true },
  { text: 'SIMPLIFIED TAX INVOICE', center: true },
  ['Doc No: CS00012345', ''],
  ['Date: 25/12/2024', 'Time: 20:13:39'],
  ['Cashier: AMINAH', ''],
  '--------------------------------------',
  ['NOTEBOOK A5', '5.50'],
  ['PEN BLUE 2 X 1.75', '3.50'],
  '--------------------------------------',
  ['Total Excl. GST:', '8.49'],
  ['GST 6%:', '0.51'],
  ['Total Incl. GST:', '9.00'],
  ['Rounding Adj:', '0.00'],
  ['Rounded Total (RM):', '9.00'],
  ['CASH', '50.00'],
  ['CHANGE', '41.00'],
  { text: 'THANK YOU. PLEASE COME AGAIN', center: true },
];

/** A Swiss German supermarket receipt: MWST 8.1 % and 2.6 %, "Total CHF" 31.45, 03.02.2025. */
export const SWISS_RECEIPT: Row[] = [
  { text: 'Bäckerei Sonnenberg AG', center: true, bold: true },
  { text: 'Bahnhofstrasse 21', center: true },
  { text: '8001 Zürich', center: true },
  { text: 'CHE-123.456.789 MWST', center: true },
  'Datum: 03.02.2025   10:42',
  '--------------------------------------',
  ['Vollkornbrot', '6.40'],
  ['Gipfeli 4 Stk', '7.20'],
  ['Kaffee Crème', '4.90'],
  ['Orangensaft 1l', '3.95'],
  ['Kerze Duft', '9.00'],
  '--------------------------------------',
  ['Total CHF', '31.45'],
  ['Bar', '50.00'],
  ['Rückgeld', '18.55'],
  'MWST-Satz  Netto  MWST  Brutto',
  '2.6%      17.11   0.44  17.55',
  '8.1%      12.86   1.04  13.90',
  { text: 'Vielen Dank für Ihren Einkauf', center: true },
];

/** A French restaurant receipt in euros with TVA 10 % and 20 %. Total 42,50 €, 14 mars 2025. */
export const FRENCH_RECEIPT: Row[] = [
  { text: 'Brasserie du Marché SARL', center: true, bold: true },
  { text: '12 rue de la République', center: true },
  { text: '69002 Lyon', center: true },
  { text: 'Tél. 04 78 12 34 56', center: true },
  'Le 14 mars 2025 à 13:05',
  'Table 7',
  '--------------------------------------',
  ['2 Plat du jour', '29,00 €'],
  ['1 Dessert', '7,50 €'],
  ['1 Vin rouge verre', '6,00 €'],
  '--------------------------------------',
  ['Total HT', '38,18 €'],
  ['TVA 10%', '3,32 €'],
  ['TVA 20%', '1,00 €'],
  ['Total TTC', '42,50 €'],
  ['Carte bancaire', '42,50 €'],
  { text: 'Merci de votre visite', center: true },
];

/** A German-language invoice with IBAN and due date. Total 1'347.47 CHF, 15.01.2025, due 14.02.2025. */
export const INVOICE: Row[] = [
  { text: 'Muster Informatik GmbH', bold: true, size: 26 },
  'Seestrasse 5, 8820 Wädenswil',
  'CHE-987.654.321 MWST',
  '',
  'Rechnung Nr. 2025-0042',
  'Rechnungsdatum: 15.01.2025',
  'Fällig am: 14.02.2025',
  '',
  ['Beratung 8 h à 150.00', "1'200.00"],
  ['Softwarelizenz', '46.50'],
  ['Zwischensumme', "1'246.50"],
  ['MWST 8.1% von 1246.50', '100.97'],
  ['Total CHF', "1'347.47"],
  '',
  'Zahlbar innert 30 Tagen auf:',
  'IBAN CH93 0076 2011 6238 5295 7',
  'Zürcher Kantonalbank',
];
