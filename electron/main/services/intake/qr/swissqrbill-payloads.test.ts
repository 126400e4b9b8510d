import type { Data } from 'swissqrbill/types';
import { describe, expect, it } from 'vitest';
import { findQrCodes } from './decode-image';
import { parseSwissQrBill, type SwissQrBill } from './swiss-qr-bill';
import { renderQrCode } from './test-fixtures';

/** Payloads written by swissqrbill (another implementation of the standard), read back from its QR code. */
async function roundTrip(data: Data): Promise<SwissQrBill> {
  const codes = await findQrCodes(await renderQrCode(data));
  expect(codes).toHaveLength(1);
  return parseSwissQrBill(codes[0]!.text);
}

const creditor = { account: 'CH44 3199 9123 0008 8901 2', name: 'Schreinerei Holz AG', address: 'Industriestrasse', buildingNumber: '7', zip: '3600', city: 'Thun', country: 'CH' };
const debtor = { name: 'Peter Muster', address: 'Dorfplatz', buildingNumber: '1', zip: '9490', city: 'Vaduz', country: 'LI' };

describe('swissqrbill payloads', () => {
  it('QR reference, amount, debtor, message, Swico billing information and two alternative procedures', async () => {
    const bill = await roundTrip({
      creditor,
      debtor,
      amount: 3250.4,
      currency: 'CHF',
      reference: '21 00000 00003 13947 14300 09017',
      message: 'Küche Etappe 2',
      additionalInformation: '//S1/10/2024\\/117/11/240301/20/K-88/30/106017086/31/240101240229/32/8.1:3000;2.6:7.81/40/2:10;0:30',
      av1: 'eBill/B/peter@muster.li',
      av2: 'XY;XYService;54321',
    });
    expect(bill).toEqual<SwissQrBill>({
      version: '0200',
      coding: 1,
      account: 'CH4431999123000889012',
      isQrIban: true,
      creditor: { addressType: 'S', name: 'Schreinerei Holz AG', street: 'Industriestrasse', buildingNumber: '7', postalCode: '3600', town: 'Thun', country: 'CH' },
      amount: 325040,
      currency: 'CHF',
      debtor: { addressType: 'S', name: 'Peter Muster', street: 'Dorfplatz', buildingNumber: '1', postalCode: '9490', town: 'Vaduz', country: 'LI' },
      referenceType: 'QRR',
      reference: '210000000003139471430009017',
      message: 'Küche Etappe 2',
      billingInformation: {
        raw: '//S1/10/2024\\/117/11/240301/20/K-88/30/106017086/31/240101240229/32/8.1:3000;2.6:7.81/40/2:10;0:30',
        swico: {
          invoiceNumber: '2024/117',
          invoiceDate: '2024-03-01',
          customerReference: 'K-88',
          vatNumber: '106017086',
          vatDates: ['2024-01-01', '2024-02-29'],
          vatDetails: [
            { rateBp: 810, netAmount: 300000 },
            { rateBp: 260, netAmount: 781 },
          ],
          paymentConditions: [
            { discountBp: 200, days: 10 },
            { discountBp: 0, days: 30 },
          ],
        },
        problem: null,
      },
      alternativeProcedures: ['eBill/B/peter@muster.li', 'XY;XYService;54321'],
    });
  });

  it('creditor reference in EUR without amount or debtor', async () => {
    const bill = await roundTrip({ creditor: { ...creditor, account: 'CH93 0076 2011 6238 5295 7' }, currency: 'EUR', reference: 'RF18 5390 0754 7034' });
    expect(bill).toMatchObject({ account: 'CH9300762011623852957', isQrIban: false, amount: null, currency: 'EUR', debtor: null, referenceType: 'SCOR', reference: 'RF18539007547034', message: null, billingInformation: null, alternativeProcedures: [] });
  });

  it('no reference, an amount and a debtor, no building number', async () => {
    const bill = await roundTrip({ creditor: { ...creditor, account: 'CH93 0076 2011 6238 5295 7', buildingNumber: undefined }, debtor, amount: 50, currency: 'CHF', message: 'Spende' });
    expect(bill).toMatchObject({ referenceType: 'NON', reference: null, amount: 5000, message: 'Spende', debtor: { name: 'Peter Muster', country: 'LI' } });
    expect(bill.creditor).toEqual({ addressType: 'S', name: 'Schreinerei Holz AG', street: 'Industriestrasse', postalCode: '3600', town: 'Thun', country: 'CH' });
  });
});
