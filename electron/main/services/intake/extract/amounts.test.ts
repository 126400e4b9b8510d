import { describe, expect, it } from 'vitest';
import { canonicalNumber, findAmounts, fixDigitConfusions, parseAmount } from './amounts';

const decimals = (line: string) => findAmounts(line).filter((t) => !t.percent).map((t) => t.decimal);

describe('amounts', () => {
  it.each([
    ['9.00', 900],
    ['1,234.50', 123450],
    ['1.234,50', 123450],
    ["1'234.50", 123450],
    ['1’234.50', 123450],
    ['12,50', 1250],
    ['12.5', 1250],
    ['12.50-', -1250],
    ['-12.50', -1250],
    ['− 3.20', -320],
    ['CHF 12.50', 1250],
    ['RM9.00', 900],
    ['€ 7,90', 790],
    ['12,50 €', 1250],
    ['Fr. 12.–', 1200],
    ['12.--', 1200],
    ["1'000'000.00", 100000000],
    ['9. 00', 900],
    ['1,234', 123400],
  ])('reads %s as %i minor units', (text, minor) => {
    expect(parseAmount(text, 'CHF')).toBe(minor);
  });

  it.each(['12.03.2018', '1,23,4.00', '12.345,678', 'abc', '1.2.3', ''])('refuses %s', (text) => {
    expect(parseAmount(text, 'CHF')).toBeNull();
  });

  it('uses the currency’s decimals (JPY has none)', () => {
    expect(parseAmount('1,200', 'JPY')).toBe(1200);
    expect(parseAmount('12.50', 'JPY')).toBeNull();
  });

  it('finds every amount on a line, not dates, times, phone numbers or codes', () => {
    expect(decimals('1PC * 9.00 0.00 9.00')).toEqual(['9.00', '0.00', '9.00']);
    expect(decimals('Date 25/12/2018 8:13:39 PM')).toEqual([]);
    expect(decimals('Total : 9.00')).toEqual(['9.00']);
    expect(decimals('Rounding Adj -0.02')).toEqual(['-0.02']);
    expect(decimals('Item A12.50 SKU')).toEqual([]);
    expect(decimals('Tel 03-1234 5678').every((d) => !d.includes('.'))).toBe(true);
  });

  it('marks rates and currency marks', () => {
    const [rate, tax] = findAmounts('MWST 8.1% 3.75');
    expect(rate).toMatchObject({ decimal: '8.10', percent: true });
    expect(tax).toMatchObject({ decimal: '3.75', percent: false });
    expect(findAmounts('Total CHF 31.45')[0]).toMatchObject({ currencyMark: 'CHF', decimal: '31.45' });
    expect(findAmounts('TOTAL 9.00')[0]!.currencyMark).toBeNull();
  });

  it('repairs letter-for-digit OCR errors only inside numbers', () => {
    expect(fixDigitConfusions('TOTAL 3O.5O')).toBe('TOTAL 30.50');
    expect(fixDigitConfusions('l2.00')).toBe('12.00');
    expect(fixDigitConfusions('SOLD 1.00')).toBe('SOLD 1.00');
  });

  it('keeps grouping consistent', () => {
    expect(canonicalNumber("1'234,50")).toEqual({ decimal: '1234.50', decimals: 2 });
    expect(canonicalNumber('1.234.567')).toEqual({ decimal: '1234567', decimals: 0 });
    expect(canonicalNumber('12,34,567.00')).toBeNull();
  });
});
