import { describe, expect, it } from 'vitest';
import { divRound, formatMoney, parseMoney, toDecimalString } from './money';

describe('parseMoney', () => {
  it('reads decimal text into minor units without floats', () => {
    expect(parseMoney('12.50', 'CHF')).toBe(1250);
    expect(parseMoney('0.1', 'EUR')).toBe(10);
    expect(parseMoney("1'234.05", 'CHF')).toBe(123405);
    expect(parseMoney('1,234,567.89', 'USD')).toBe(123456789);
    expect(parseMoney('-0.05', 'EUR')).toBe(-5);
    expect(parseMoney('.5', 'EUR')).toBe(50);
    expect(parseMoney('19.99', 'EUR')).toBe(1999); // 19.99 * 100 is 1998.9999... as a float
  });

  it('follows the currency exponent', () => {
    expect(parseMoney('1500', 'JPY')).toBe(1500);
    expect(parseMoney('1.5', 'JPY')).toBeNull();
    expect(parseMoney('1.234', 'KWD')).toBe(1234);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1.2.3', '12.345', '1,23', '--1', '1e5']) expect(parseMoney(bad, 'CHF'), bad).toBeNull();
  });
});

describe('toDecimalString', () => {
  it('writes minor units as a plain decimal', () => {
    expect(toDecimalString(1250, 'CHF')).toBe('12.50');
    expect(toDecimalString(5, 'EUR')).toBe('0.05');
    expect(toDecimalString(-5, 'EUR')).toBe('-0.05');
    expect(toDecimalString(1500, 'JPY')).toBe('1500');
    expect(toDecimalString(1234, 'KWD')).toBe('1.234');
  });

  it('refuses fractional minor units', () => {
    expect(() => toDecimalString(1.5, 'CHF')).toThrow(RangeError);
  });

  it('round-trips through parseMoney', () => {
    for (const minor of [0, 1, 99, 100, 123456789, -42]) expect(parseMoney(toDecimalString(minor, 'CHF'), 'CHF')).toBe(minor);
  });
});

describe('formatMoney', () => {
  it('formats for people in their locale', () => {
    const plain = (s: string) => s.replace(/\s/g, ' ');
    expect(plain(formatMoney(123450, 'CHF', 'en-US'))).toBe('CHF 1,234.50');
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
    expect(plain(formatMoney(-5, 'EUR', 'de-DE'))).toBe('-0,05 €');
  });
});

describe('divRound', () => {
  it('rounds half away from zero', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(divRound(-4n, 3n)).toBe(-1n);
  });
});
