import sharp from 'sharp';
import type { Data } from 'swissqrbill/types';
import { describe, expect, it } from 'vitest';
import { findQrCodes } from './decode-image';
import { parseSwissQrBill, type SwissQrBill } from './swiss-qr-bill';
import { renderPage } from './test-fixtures';

const qrrBill: Data = {
  amount: 1949.75,
  currency: 'CHF',
  reference: '210000000003139471430009017',
  message: 'Auftrag vom 15.04.2024',
  additionalInformation: '//S1/10/R-4711/11/240415/30/106017086/32/8.1/40/0:30',
  creditor: { account: 'CH44 3199 9123 0008 8901 2', name: 'Velowerk Müller & Söhne', address: 'Bahnhofstrasse', buildingNumber: '12a', zip: 8400, city: 'Winterthur', country: 'CH' },
  debtor: { name: 'Anna Beispiel', address: 'Seeweg', buildingNumber: 3, zip: 6003, city: 'Luzern', country: 'CH' },
};

const scorBill: Data = {
  currency: 'EUR',
  reference: 'RF18539007547034',
  creditor: { account: 'CH93 0076 2011 6238 5295 7', name: 'Atelier Rot', address: 'Postfach', zip: 3001, city: 'Bern', country: 'CH' },
};

const expectedQrr: Partial<SwissQrBill> = {
  account: 'CH4431999123000889012',
  isQrIban: true,
  creditor: { addressType: 'S', name: 'Velowerk Müller & Söhne', street: 'Bahnhofstrasse', buildingNumber: '12a', postalCode: '8400', town: 'Winterthur', country: 'CH' },
  amount: 194975,
  currency: 'CHF',
  debtor: { addressType: 'S', name: 'Anna Beispiel', street: 'Seeweg', buildingNumber: '3', postalCode: '6003', town: 'Luzern', country: 'CH' },
  referenceType: 'QRR',
  reference: '210000000003139471430009017',
  message: 'Auftrag vom 15.04.2024',
};

async function billsOn(png: Buffer): Promise<SwissQrBill[]> {
  return (await findQrCodes(png)).map((qr) => parseSwissQrBill(qr.text));
}

describe('findQrCodes on rendered QR-bills', () => {
  it('reads a bill on an A4 page at 150 dpi and locates it in the payment part', async () => {
    const codes = await findQrCodes(await renderPage({ dpi: 150, bills: [qrrBill] }));
    expect(codes).toHaveLength(1);
    const bill = parseSwissQrBill(codes[0]!.text);
    expect(bill).toMatchObject(expectedQrr);
    expect(bill.billingInformation?.swico).toMatchObject({ invoiceNumber: 'R-4711', invoiceDate: '2024-04-15', vatDetails: [{ rateBp: 810, netAmount: null }] });
    // 1240 x 1754 px; the code sits 67-113 mm from the left, 17-63 mm below the top of the payment part.
    const { x, y, width } = codes[0]!.location!;
    expect(x).toBeGreaterThan(380);
    expect(x).toBeLessThan(410);
    expect(y).toBeGreaterThan(1220);
    expect(width).toBeGreaterThan(260);
  });

  it('reads a large rendering (A4 at 300 dpi, 2480 px wide)', async () => {
    const png = await renderPage({ dpi: 300, bills: [qrrBill] });
    expect((await sharp(png).metadata()).width).toBe(2480);
    expect(await billsOn(png)).toEqual([expect.objectContaining(expectedQrr)]);
  });

  it('reads a page scanned sideways (turned 90 degrees)', async () => {
    expect(await billsOn(await renderPage({ dpi: 150, rotate: 90, bills: [qrrBill] }))).toEqual([expect.objectContaining(expectedQrr)]);
  });

  it('applies the EXIF orientation, so locations refer to the upright page', async () => {
    const sideways = await sharp(await renderPage({ dpi: 150, bills: [qrrBill] }))
      .rotate(270)
      .jpeg({ quality: 90 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const [code] = await findQrCodes(sideways);
    expect(parseSwissQrBill(code!.text)).toMatchObject(expectedQrr);
    expect(code!.location!.y).toBeGreaterThan(1220);
  });

  it('finds both bills on a page with two', async () => {
    const bills = await billsOn(await renderPage({ dpi: 150, bills: [qrrBill, scorBill] }));
    expect(bills.map((b) => [b.referenceType, b.reference, b.currency]).sort()).toEqual([
      ['QRR', '210000000003139471430009017', 'CHF'],
      ['SCOR', 'RF18539007547034', 'EUR'],
    ]);
  });

  it('reports a file that is not an image as FILE_UNREADABLE', async () => {
    await expect(findQrCodes(Buffer.from('%PDF-1.7 not a raster image'))).rejects.toMatchObject({ code: 'FILE_UNREADABLE', message: 'This file cannot be read as an image' });
  });

  it('returns an empty list for a page without a code, within a bounded number of reads', async () => {
    const png = await renderPage({ dpi: 150 });
    const started = performance.now();
    expect(await findQrCodes(png)).toEqual([]);
    // About 0.5 s of CPU; the margin is for machines busy with other work.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
