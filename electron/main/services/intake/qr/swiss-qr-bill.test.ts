import { calculateQRReferenceChecksum, calculateSCORReferenceChecksum } from 'swissqrbill/utils';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/errors';
import { parseSwissQrBill, type SwissQrBill } from './swiss-qr-bill';

const QR_IBAN = 'CH4431999123000889012';
const IBAN = 'CH9300762011623852957';
// Check digits from swissqrbill, an implementation independent of ours.
const QRR = `31000000000000000000000420${calculateQRReferenceChecksum('31000000000000000000000420')}`;
const SCOR = `RF${calculateSCORReferenceChecksum('INV2024X17')}INV2024X17`;

interface Parts {
  header: string[];
  account: string;
  creditor: string[];
  ultimateCreditor: string[];
  amount: string;
  currency: string;
  debtor: string[];
  reference: [string, string];
  message: string;
  trailer: string;
  tail: string[];
}

const base: Parts = {
  header: ['SPC', '0200', '1'],
  account: QR_IBAN,
  creditor: ['S', 'Velowerk Muster GmbH', 'Bahnhofstrasse', '12a', '8400', 'Winterthur', 'CH'],
  ultimateCreditor: ['', '', '', '', '', '', ''],
  amount: '1234.50',
  currency: 'CHF',
  debtor: ['S', 'Anna Beispiel', 'Seeweg', '3', '6003', 'Luzern', 'CH'],
  reference: ['QRR', QRR],
  message: 'Service April',
  trailer: 'EPD',
  tail: ['//S1/10/R-4711/11/240430/30/106017086/32/8.1/40/0:30', 'eBill/B/anna@beispiel.ch'],
};

function payload(overrides: Partial<Parts> = {}, eol = '\n'): string {
  const p = { ...base, ...overrides };
  return [...p.header, p.account, ...p.creditor, ...p.ultimateCreditor, p.amount, p.currency, ...p.debtor, ...p.reference, p.message, p.trailer, ...p.tail].join(eol);
}

function errorOf(text: string): AppError {
  try {
    parseSwissQrBill(text);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the payload to be rejected');
}

describe('parseSwissQrBill', () => {
  it('reads every field of a QR-IBAN bill with QR reference, structured addresses and Swico billing information', () => {
    expect(parseSwissQrBill(payload())).toEqual<SwissQrBill>({
      version: '0200',
      coding: 1,
      account: QR_IBAN,
      isQrIban: true,
      creditor: { addressType: 'S', name: 'Velowerk Muster GmbH', street: 'Bahnhofstrasse', buildingNumber: '12a', postalCode: '8400', town: 'Winterthur', country: 'CH' },
      amount: 123450,
      currency: 'CHF',
      debtor: { addressType: 'S', name: 'Anna Beispiel', street: 'Seeweg', buildingNumber: '3', postalCode: '6003', town: 'Luzern', country: 'CH' },
      referenceType: 'QRR',
      reference: QRR,
      message: 'Service April',
      billingInformation: {
        raw: '//S1/10/R-4711/11/240430/30/106017086/32/8.1/40/0:30',
        swico: { invoiceNumber: 'R-4711', invoiceDate: '2024-04-30', vatNumber: '106017086', vatDetails: [{ rateBp: 810, netAmount: null }], paymentConditions: [{ discountBp: 0, days: 30 }] },
        problem: null,
      },
      alternativeProcedures: ['eBill/B/anna@beispiel.ch'],
    });
  });

  it('reads a creditor reference bill with combined (K) addresses, EUR and no amount', () => {
    const bill = parseSwissQrBill(
      payload({
        account: IBAN,
        creditor: ['K', 'Atelier Rot', 'Postfach 12', '3001 Bern', '', '', 'CH'],
        debtor: ['K', 'Max Mustermann', 'Hauptstr. 5', '79539 Lörrach', '', '', 'DE'],
        amount: '',
        currency: 'EUR',
        reference: ['SCOR', SCOR],
        message: '',
        tail: [],
      }),
    );
    expect(bill).toEqual<SwissQrBill>({
      version: '0200',
      coding: 1,
      account: IBAN,
      isQrIban: false,
      creditor: { addressType: 'K', name: 'Atelier Rot', addressLine1: 'Postfach 12', addressLine2: '3001 Bern', country: 'CH' },
      amount: null,
      currency: 'EUR',
      debtor: { addressType: 'K', name: 'Max Mustermann', addressLine1: 'Hauptstr. 5', addressLine2: '79539 Lörrach', country: 'DE' },
      referenceType: 'SCOR',
      reference: SCOR,
      message: null,
      billingInformation: null,
      alternativeProcedures: [],
    });
  });

  it('reads a bill without reference or debtor, with CRLF line endings and the optional lines left off', () => {
    const bill = parseSwissQrBill(payload({ account: IBAN, debtor: ['', '', '', '', '', '', ''], reference: ['NON', ''], creditor: ['S', 'Verein Z', '', '', '8000', 'Zürich', 'CH'], tail: [] }, '\r\n'));
    expect(bill).toMatchObject({ referenceType: 'NON', reference: null, debtor: null, amount: 123450, billingInformation: null, alternativeProcedures: [] });
    expect(bill.creditor).toEqual({ addressType: 'S', name: 'Verein Z', postalCode: '8000', town: 'Zürich', country: 'CH' });
  });

  it('tolerates a trailing line break and spaces inside a reference', () => {
    const spaced = `${QRR.slice(0, 2)} ${QRR.slice(2, 7)} ${QRR.slice(7)}`;
    expect(parseSwissQrBill(`${payload({ reference: ['QRR', spaced] })}\n`).reference).toBe(QRR);
  });

  it('accepts a later 2.x minor version and an amount of zero (a notification)', () => {
    expect(parseSwissQrBill(payload({ header: ['SPC', '0201', '1'], amount: '0.00' }))).toMatchObject({ version: '0201', amount: 0 });
  });

  it('keeps billing information in another syntax raw, and reports malformed Swico without failing the bill', () => {
    expect(parseSwissQrBill(payload({ tail: ['//XY/anything'] })).billingInformation).toEqual({ raw: '//XY/anything', swico: null, problem: null });
    const bill = parseSwissQrBill(payload({ tail: ['//S1/10/R-1/11/241332'] }));
    expect(bill.billingInformation).toMatchObject({ raw: '//S1/10/R-1/11/241332', swico: null, problem: { code: 'QR_INVALID', details: { field: 'billingInformation', tag: '11' } } });
    expect(bill.amount).toBe(123450);
  });

  it.each<[string, string, string, RegExp]>([
    ['a wrong QR reference check digit', payload({ reference: ['QRR', QRR.slice(0, 26) + String((Number(QRR[26]) + 1) % 10)] }), 'reference', /check digit/],
    ['a QR reference that is not 27 digits', payload({ reference: ['QRR', QRR.slice(1)] }), 'reference', /27 digits/],
    ['wrong RF check digits', payload({ account: IBAN, reference: ['SCOR', SCOR.replace(/^RF\d\d/, SCOR.startsWith('RF11') ? 'RF12' : 'RF11')] }), 'reference', /check digits/],
    ['an unsupported version', payload({ header: ['SPC', '0100', '1'] }), 'version', /Unsupported .*version "0100"/],
    ['another coding type', payload({ header: ['SPC', '0200', '2'] }), 'coding', /coding type/],
    ['another header', payload({ header: ['SPX', '0200', '1'] }), 'qrType', /expected "SPC"/],
    ['a truncated line list', payload().split('\n').slice(0, 22).join('\n'), 'payload', /Truncated .*22 lines/],
    ['a missing trailer', payload({ trailer: 'END' }), 'trailer', /EPD/],
    ['more than two alternative procedures', payload({ tail: ['', 'a', 'b', 'c'] }), 'payload', /at most 34/],
    ['an IBAN with bad check digits', payload({ account: 'CH4431999123000889013' }), 'account', /not a valid IBAN/],
    ['a foreign IBAN', payload({ account: 'DE89370400440532013000', reference: ['NON', ''] }), 'account', /Swiss or Liechtenstein/],
    ['an amount with three decimals', payload({ amount: '12.345' }), 'amount', /12\.345/],
    ['an amount with a thousands separator', payload({ amount: "1'234.50" }), 'amount', /not a decimal/],
    ['currency USD', payload({ currency: 'USD' }), 'currency', /USD/],
    ['a QR-IBAN with reference type NON', payload({ reference: ['NON', ''] }), 'referenceType', /QR-IBAN requires a QR reference/],
    ['a QR-IBAN with a creditor reference', payload({ reference: ['SCOR', SCOR] }), 'referenceType', /QR-IBAN requires/],
    ['a QR reference with an ordinary IBAN', payload({ account: IBAN }), 'referenceType', /only allowed with a QR-IBAN/],
    ['NON with a reference', payload({ account: IBAN, reference: ['NON', '1234'] }), 'reference', /must not carry/],
    ['an unknown reference type', payload({ account: IBAN, reference: ['ISR', ''] }), 'referenceType', /ISR/],
    ['an ultimate creditor', payload({ ultimateCreditor: ['S', 'Someone', '', '', '8000', 'Zürich', 'CH'] }), 'ultimateCreditor', /must be empty/],
    ['a structured address without town', payload({ creditor: ['S', 'Velowerk', 'Weg', '1', '8400', '', 'CH'] }), 'creditor', /postcode and a town/],
    ['a combined address with a postcode', payload({ creditor: ['K', 'Velowerk', 'Weg 1', '8400 Winterthur', '8400', '', 'CH'] }), 'creditor', /must leave postcode and town empty/],
    ['an unknown address type', payload({ debtor: ['X', 'Anna', 'Weg', '1', '6003', 'Luzern', 'CH'] }), 'debtor', /address type "X"/],
    ['a creditor without name', payload({ creditor: ['S', '', 'Weg', '1', '8400', 'Winterthur', 'CH'] }), 'creditor', /no name/],
    ['a bad country code', payload({ creditor: ['S', 'Velowerk', 'Weg', '1', '8400', 'Winterthur', 'Schweiz'] }), 'creditor', /two-letter/],
  ])('rejects %s', (_, text, field, message) => {
    const err = errorOf(text);
    expect(err.code).toBe('QR_INVALID');
    expect(err.details).toMatchObject({ field });
    expect(err.message).toMatch(message);
  });
});
