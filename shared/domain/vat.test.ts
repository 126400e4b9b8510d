import { describe, expect, it } from 'vitest';
import { positionTotals, rateToBp, sumTotals, totalsByRate } from './vat';

describe('positionTotals', () => {
  it('takes the tax out of an inclusive amount', () => {
    expect(positionTotals({ total: 10000, vatRateBp: 810, mode: 'inclusive' })).toEqual({ net: 9251, tax: 749, gross: 10000 });
    expect(positionTotals({ total: 5000, vatRateBp: 260, mode: 'inclusive' })).toEqual({ net: 4873, tax: 127, gross: 5000 });
  });

  it('adds the tax to an exclusive amount', () => {
    expect(positionTotals({ total: 10000, vatRateBp: 1900, mode: 'exclusive' })).toEqual({ net: 10000, tax: 1900, gross: 11900 });
    expect(positionTotals({ total: 999, vatRateBp: 810, mode: 'exclusive' })).toEqual({ net: 999, tax: 81, gross: 1080 });
  });

  it('keeps net + tax = gross for credits and zero rates', () => {
    expect(positionTotals({ total: -10000, vatRateBp: 810, mode: 'inclusive' })).toEqual({ net: -9251, tax: -749, gross: -10000 });
    expect(positionTotals({ total: 4200, vatRateBp: 0, mode: 'exclusive' })).toEqual({ net: 4200, tax: 0, gross: 4200 });
  });

  it('stays exact on amounts beyond float precision', () => {
    const t = positionTotals({ total: 9_000_000_000_000_00, vatRateBp: 810, mode: 'exclusive' });
    expect(t.tax).toBe(72_900_000_000_000);
    expect(t.net + t.tax).toBe(t.gross);
  });
});

describe('sums', () => {
  const positions = [
    { total: 10000, vatRateBp: 810, mode: 'inclusive' as const },
    { total: 5000, vatRateBp: 260, mode: 'inclusive' as const },
    { total: 2000, vatRateBp: 810, mode: 'exclusive' as const },
  ];

  it('adds positions rounded one by one', () => {
    expect(sumTotals(positions)).toEqual({ net: 16124, tax: 1038, gross: 17162 });
    expect(sumTotals([])).toEqual({ net: 0, tax: 0, gross: 0 });
  });

  it('groups by rate', () => {
    expect(totalsByRate(positions)).toEqual([
      { vatRateBp: 260, net: 4873, tax: 127, gross: 5000 },
      { vatRateBp: 810, net: 11251, tax: 911, gross: 12162 },
    ]);
  });

  it('converts percent to basis points', () => {
    expect(rateToBp(8.1)).toBe(810);
    expect(rateToBp(2.6)).toBe(260);
    expect(rateToBp(7.7)).toBe(770);
    expect(rateToBp(100)).toBe(10000);
  });
});
