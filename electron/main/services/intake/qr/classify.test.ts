import { describe, expect, it } from 'vitest';
import { paymentSchemeOf, readPaymentQr } from './classify';

const swiss = [
  'SPC', '0200', '1', 'CH9300762011623852957', 'S', 'Velowerk', 'Weg', '1', '8400', 'Winterthur', 'CH',
  '', '', '', '', '', '', '', '20.00', 'CHF', '', '', '', '', '', '', '', 'NON', '', '', 'EPD',
].join('\n');
const epc = ['BCD', '002', '1', 'SCT', '', 'Anna Muster', 'DE89370400440532013000', 'EUR20.00'].join('\n');

describe('readPaymentQr', () => {
  it('recognises a Swiss QR-bill', () => {
    expect(readPaymentQr(swiss)).toMatchObject({ kind: 'swiss-qr-bill', bill: { account: 'CH9300762011623852957', amount: 2000 } });
  });

  it('recognises an EPC transfer', () => {
    expect(readPaymentQr(epc)).toMatchObject({ kind: 'epc', transfer: { name: 'Anna Muster', amount: 2000 } });
  });

  it('returns an error result, not a throw, for a malformed payment code', () => {
    expect(readPaymentQr(swiss.replace('20.00', '20.001'))).toMatchObject({ kind: 'invalid', scheme: 'swiss-qr-bill', error: { code: 'QR_INVALID', details: { field: 'amount' } } });
    expect(readPaymentQr(epc.replace('EUR20.00', 'EUR-1'))).toMatchObject({ kind: 'invalid', scheme: 'epc', error: { code: 'QR_INVALID', details: { field: 'amount' } } });
    expect(readPaymentQr('SPC\n0200\n1')).toMatchObject({ kind: 'invalid', scheme: 'swiss-qr-bill', error: { details: { field: 'payload' } } });
  });

  it('keeps any other QR content as raw text', () => {
    expect(readPaymentQr('https://example.com/receipt/17')).toEqual({ kind: 'other', text: 'https://example.com/receipt/17' });
    expect(readPaymentQr('SPCX\nwhatever')).toEqual({ kind: 'other', text: 'SPCX\nwhatever' });
    expect(readPaymentQr('')).toEqual({ kind: 'other', text: '' });
  });
});

describe('paymentSchemeOf', () => {
  it('looks only at the header line', () => {
    expect(paymentSchemeOf(swiss)).toBe('swiss-qr-bill');
    expect(paymentSchemeOf('\uFEFFBCD\r\n002')).toBe('epc');
    expect(paymentSchemeOf('BCDE\n002')).toBeNull();
    expect(paymentSchemeOf('hello SPC')).toBeNull();
  });
});
