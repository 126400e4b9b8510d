import { divRound } from './money';

/**
 * VAT arithmetic: the one place where net, tax and gross are computed.
 * Rates are held in basis points (8.1 % = 810) so they stay integers too.
 */

export type VatMode = 'inclusive' | 'exclusive';

export interface PositionAmounts {
  /** The amount as entered, in minor units: gross when inclusive, net when exclusive. */
  total: number;
  vatRateBp: number;
  mode: VatMode;
}

export interface Totals {
  net: number;
  tax: number;
  gross: number;
}

export const MAX_VAT_RATE_BP = 10_000;

/** Percent (as typed, e.g. 8.1) to basis points; rates carry at most two decimals. */
export function rateToBp(ratePercent: number): number {
  return Math.round(ratePercent * 100);
}

export function bpToRate(bp: number): number {
  return bp / 100;
}

export function positionTotals(p: PositionAmounts): Totals {
  const total = BigInt(p.total);
  const bp = BigInt(p.vatRateBp);
  if (p.mode === 'inclusive') {
    const tax = divRound(total * bp, 10_000n + bp);
    return { gross: p.total, tax: Number(tax), net: Number(total - tax) };
  }
  const tax = divRound(total * bp, 10_000n);
  return { net: p.total, tax: Number(tax), gross: Number(total + tax) };
}

export function sumTotals(positions: readonly PositionAmounts[]): Totals {
  const sum = { net: 0, tax: 0, gross: 0 };
  for (const p of positions) {
    const t = positionTotals(p);
    sum.net += t.net;
    sum.tax += t.tax;
    sum.gross += t.gross;
  }
  return sum;
}

/** Tax per rate, as a receipt or a VAT return lists it. */
export function totalsByRate(positions: readonly PositionAmounts[]): Array<Totals & { vatRateBp: number }> {
  const byRate = new Map<number, PositionAmounts[]>();
  for (const p of positions) byRate.set(p.vatRateBp, [...(byRate.get(p.vatRateBp) ?? []), p]);
  return [...byRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([vatRateBp, ps]) => ({ vatRateBp, ...sumTotals(ps) }));
}
