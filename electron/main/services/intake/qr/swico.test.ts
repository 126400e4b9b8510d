import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/errors';
import { parseSwicoS1 } from './swico';

describe('parseSwicoS1', () => {
  it('reads every defined tag', () => {
    expect(parseSwicoS1('//S1/10/10201409/11/190512/20/1400.000-53/30/106017086/31/180508/32/7.7/33/7.7:48.35;2.5:12.40/40/2:10;0:30')).toEqual({
      invoiceNumber: '10201409',
      invoiceDate: '2019-05-12',
      customerReference: '1400.000-53',
      vatNumber: '106017086',
      vatDates: ['2018-05-08'],
      vatDetails: [{ rateBp: 770, netAmount: null }],
      vatImportTax: [
        { rateBp: 770, taxAmount: 4835 },
        { rateBp: 250, taxAmount: 1240 },
      ],
      paymentConditions: [
        { discountBp: 200, days: 10 },
        { discountBp: 0, days: 30 },
      ],
    });
  });

  it('reads a VAT breakdown by rate, a service period and amounts in the bill currency', () => {
    expect(parseSwicoS1('//S1/31/240101240331/32/8.1:1000;2.6:51.8;0:250.65', 'EUR')).toEqual({
      vatDates: ['2024-01-01', '2024-03-31'],
      vatDetails: [
        { rateBp: 810, netAmount: 100000 },
        { rateBp: 260, netAmount: 5180 },
        { rateBp: 0, netAmount: 25065 },
      ],
    });
  });

  it('unescapes "\\/" and "\\\\" in values', () => {
    expect(parseSwicoS1('//S1/10/X.66711\\/8824/20/A\\\\B')).toEqual({ invoiceNumber: 'X.66711/8824', customerReference: 'A\\B' });
  });

  it('keeps tags it does not know as written', () => {
    expect(parseSwicoS1('//S1/10/7/50/future value/99/x')).toEqual({ invoiceNumber: '7', unknownTags: { '50': 'future value', '99': 'x' } });
  });

  it.each<[string, string, RegExp]>([
    ['another syntax', '//S2/10/1', /does not start with "\/\/S1\/"/],
    ['a tag without value', '//S1/10/1/11', /\/11\/ has no value/],
    ['an impossible date', '//S1/11/241332', /241332 is not a YYMMDD date/],
    ['a date of the wrong length', '//S1/11/10201409', /10201409 is not a YYMMDD date/],
    ['a VAT date that is neither one date nor two', '//S1/31/2401012403', /YYMMDD or YYMMDDYYMMDD/],
    ['a rate with three decimals', '//S1/32/7.725', /7\.725/],
    ['a rate over 100 %', '//S1/32/120', /between 0 and 100/],
    ['an amount that is not a number', '//S1/32/8.1:abc', /"abc" is not a CHF amount/],
    ['an amount with three decimals', '//S1/33/8.1:1.005', /"1\.005"/],
    ['a list entry without colon', '//S1/40/0:30;60', /"60" is not of the form a:b/],
    ['days that are not a whole number', '//S1/40/2:1.5', /whole number of days/],
    ['a tag given twice', '//S1/10/1/10/2', /occurs twice/],
    ['a tag that is not two digits', '//S1/1/x', /"1" is not a Swico tag/],
    ['an empty value', '//S1/10//11/240101', /\/10\/ is empty/],
  ])('rejects %s', (_, text, message) => {
    let error: unknown;
    try {
      parseSwicoS1(text);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('QR_INVALID');
    expect((error as AppError).details).toMatchObject({ field: 'billingInformation' });
    expect((error as AppError).message).toMatch(message);
  });
});
