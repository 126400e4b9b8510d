import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/errors';
import { parseEpcQr, type EpcTransfer } from './epc-qr';

const IBAN = 'DE89370400440532013000';
const lines = (...values: string[]): string => values.join('\n');

describe('parseEpcQr', () => {
  it('reads every field of a version 002 payload with a creditor reference', () => {
    const text = lines('BCD', '002', '1', 'SCT', 'COBADEFFXXX', 'Muster Handwerk GmbH', 'DE89 3704 0044 0532 0130 00', 'EUR1234.5', 'GDDS', 'RF18 5390 0754 7034', '', 'Danke für Ihren Auftrag');
    expect(parseEpcQr(text)).toEqual<EpcTransfer>({
      version: '002',
      charset: 'utf-8',
      bic: 'COBADEFFXXX',
      name: 'Muster Handwerk GmbH',
      iban: IBAN,
      amount: 123450,
      currency: 'EUR',
      purpose: 'GDDS',
      reference: 'RF18539007547034',
      text: null,
      information: 'Danke für Ihren Auftrag',
    });
  });

  it('reads a version 001 payload with remittance text, the empty lines after it left off', () => {
    expect(parseEpcQr(lines('BCD', '001', '2', 'SCT', 'COBADEFF', 'Verein e.V.', IBAN, 'EUR10', '', '', 'Rechnung 17'))).toMatchObject({
      version: '001',
      charset: 'iso-8859-1',
      bic: 'COBADEFF',
      amount: 1000,
      purpose: null,
      reference: null,
      text: 'Rechnung 17',
      information: null,
    });
  });

  it('reads a version 002 payload without BIC and without anything after the IBAN (CRLF)', () => {
    expect(parseEpcQr(['BCD', '002', '1', 'SCT', '', 'Anna Muster', IBAN].join('\r\n'))).toMatchObject({ bic: null, name: 'Anna Muster', iban: IBAN, amount: null, text: null });
  });

  it('keeps a structured reference that is not ISO 11649 as written', () => {
    expect(parseEpcQr(lines('BCD', '002', '1', 'SCT', '', 'Stadtwerke', IBAN, 'EUR5.00', '', '4711-0815')).reference).toBe('4711-0815');
  });

  it.each<[string, string, string, RegExp]>([
    ['another service tag', lines('BCX', '002', '1', 'SCT', '', 'A', IBAN), 'serviceTag', /expected "BCD"/],
    ['version 003', lines('BCD', '003', '1', 'SCT', '', 'A', IBAN), 'version', /"003"/],
    ['character set 9', lines('BCD', '002', '9', 'SCT', '', 'A', IBAN), 'charset', /"9"/],
    ['an identification other than SCT', lines('BCD', '002', '1', 'INST', '', 'A', IBAN), 'identification', /INST/],
    ['a truncated payload', lines('BCD', '002', '1', 'SCT', '', 'A'), 'payload', /Truncated .*6 lines/],
    ['more than 12 lines', lines('BCD', '002', '1', 'SCT', '', 'A', IBAN, '', '', '', 'text', 'info', 'extra'), 'payload', /at most 12/],
    ['version 001 without BIC', lines('BCD', '001', '1', 'SCT', '', 'A', IBAN), 'bic', /requires the BIC/],
    ['a malformed BIC', lines('BCD', '002', '1', 'SCT', 'COBA', 'A', IBAN), 'bic', /"COBA" is not a valid BIC/],
    ['a missing name', lines('BCD', '002', '1', 'SCT', '', '', IBAN), 'name', /name is missing/],
    ['an IBAN with bad check digits', lines('BCD', '002', '1', 'SCT', '', 'A', 'DE88370400440532013000'), 'iban', /not a valid IBAN/],
    ['an amount with three decimals', lines('BCD', '002', '1', 'SCT', '', 'A', IBAN, 'EUR12.345'), 'amount', /EUR12\.345/],
    ['an amount in another currency', lines('BCD', '002', '1', 'SCT', '', 'A', IBAN, 'USD12.00'), 'amount', /USD12\.00/],
    ['an amount of zero', lines('BCD', '002', '1', 'SCT', '', 'A', IBAN, 'EUR0.00'), 'amount', /0\.01 to/],
    ['a purpose code that is too long', lines('BCD', '002', '1', 'SCT', '', 'A', IBAN, '', 'GDDSX'), 'purpose', /GDDSX/],
    ['both a reference and a text', lines('BCD', '002', '1', 'SCT', '', 'A', IBAN, '', '', 'RF18539007547034', 'Rechnung'), 'remittance', /not both/],
    ['a creditor reference with bad check digits', lines('BCD', '002', '1', 'SCT', '', 'A', IBAN, '', '', 'RF19539007547034'), 'reference', /check digits/],
  ])('rejects %s', (_, text, field, message) => {
    let error: unknown;
    try {
      parseEpcQr(text);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('QR_INVALID');
    expect((error as AppError).details).toMatchObject({ field });
    expect((error as AppError).message).toMatch(message);
  });
});
