import { describe, expect, it } from 'vitest';
import { detectCurrency } from './currency';
import { linesFromText } from './text';
import { classifyLine, findTotals } from './totals';
import { findVatLines, rateBpOf, readVatRow } from './vat';

function totalsOf(text: string, currency = 'MYR') {
  const lines = linesFromText(text);
  return findTotals(lines, currency, findVatLines(lines, currency));
}

describe('classifying total lines', () => {
  it.each([
    ['total', 'total'],
    ['grand total', 'total'],
    ['rounded total (rm):', 'total'],
    ['total incl. gst', 'total'],
    ['total sales (inclusive of gst)', 'total'],
    ['amount due', 'total'],
    ['zu zahlen', 'total'],
    ['total chf', 'total'],
    ['net a payer', 'total'],
    ['sub total', 'subtotal'],
    ['total excl. gst', 'subtotal'],
    ['zwischensumme', 'subtotal'],
    ['total gst', 'tax'],
    ['gst 6%', 'tax'],
    ['cash', 'payment'],
    ['tendered', 'payment'],
    ['change', 'change'],
    ['ruckgeld', 'change'],
    ['rounding adj', 'rounding'],
    ['total qty: 3', 'count'],
    ['total items', 'count'],
  ])('%s → %s', (key, kind) => {
    expect(classifyLine(key)?.kind).toBe(kind);
  });
});

describe('the total', () => {
  it('skips cash and change and prefers the rounded total', () => {
    const r = totalsOf(`BOOK SHOP SDN BHD
1PC * 9.03 0.00 9.03
Total : 9.03
Rounding Adjustment -0.03
Rounded Total (RM): 9.00
Cash 50.00
CHANGE 41.00`);
    expect(r.total?.value).toBe(900);
  });

  it('uses cash minus change when the total line is unreadable', () => {
    const r = totalsOf(`SHOP
ITEM A 4.50
ITEM B 8.00
T0TAI. .... l2.SO
CASH 20.00
CHANGE 7.50`);
    expect(r.total?.value).toBe(1250);
  });

  it('reads the amount from the next line when the label stands alone', () => {
    const r = totalsOf(`SHOP
Total Amount Payable
RM 31.00
Cash
50.00`);
    expect(r.total?.value).toBe(3100);
  });

  it('does not take a column header for a total', () => {
    const r = totalsOf(`Description Qty Price Total
Coffee 1 4.50 4.50
Cake 1 6.00 6.00
TOTAL 10.50`);
    expect(r.total?.value).toBe(1050);
  });

  it('checks subtotal + tax', () => {
    const r = totalsOf(`Sub Total 100.00
GST 6% 6.00
Total 106.00
Total Qty 4`);
    expect(r.total?.value).toBe(10600);
    expect(r.subtotal?.value).toBe(10000);
  });

  it('reads Swiss, German and French forms', () => {
    expect(totalsOf(`Total CHF 1'234.50\nBar 1'300.00\nRückgeld 65.50`, 'CHF').total?.value).toBe(123450);
    expect(totalsOf(`Summe EUR 12,40\nGegeben 20,00\nRückgeld 7,60`, 'EUR').total?.value).toBe(1240);
    expect(totalsOf(`Total HT 38,18\nTVA 10% 3,32\nTVA 20% 1,00\nTotal TTC 42,50\nCB 42,50`, 'EUR').total?.value).toBe(4250);
  });

  it('falls back to a repeated amount when no line says total', () => {
    const r = totalsOf(`SHOP
A 3.00
B 4.00
7.00
VISA 7.00`);
    expect(r.total?.value).toBe(700);
    expect(r.total!.confidence).toBeLessThan(0.8);
  });

  it('uses a VAT table that adds up, and reads a minus before the cash as a speck', () => {
    const r = totalsOf(`2pc @ 3.50 7.00
Total RM Incl. of GST 9.85
Cash -50.00
CHANGE 40.35
GST Summary Amount (RM) Tax (RM)
S @ 6% 9.10 0.55`);
    expect(r.total?.value).toBe(965);
  });

  it('knows a subtotal that already includes the tax', () => {
    const r = totalsOf(`Sub Total 129.30
Amt Due 129.30
GST @6% 7.30
GST Summary Amount(RM) GST(RM)
S=GST @6%: 122.00 7.30`);
    expect(r.total?.value).toBe(12930);
  });

  it('handles credit notes written with a trailing minus', () => {
    expect(totalsOf(`Refund\nTotal 12.50-`).total?.value).toBe(-1250);
  });
});

describe('VAT lines', () => {
  it('reads rates', () => {
    expect(rateBpOf('MWST 8.1%')).toBe(810);
    expect(rateBpOf('GST @ 6 %')).toBe(600);
    expect(rateBpOf('TVA 5,5%')).toBe(550);
    expect(rateBpOf('no rate')).toBeNull();
  });

  it('tells base from tax by arithmetic', () => {
    expect(readVatRow([4625, 375], 810, false)).toMatchObject({ net: 4625, tax: 375, consistent: true });
    expect(readVatRow([5000, 375], 810, false)).toMatchObject({ gross: 5000, tax: 375, net: 4625, consistent: true });
    expect(readVatRow([1711, 44, 1755], 260, false)).toMatchObject({ net: 1711, tax: 44, gross: 1755, consistent: true });
  });

  it('reads a Swiss VAT table and a Malaysian GST summary', () => {
    const swiss = findVatLines(linesFromText(`Total CHF 31.45\nMWST-Satz Netto MWST Brutto\n2.6% 17.11 0.44 17.55\n8.1% 12.86 1.04 13.90`), 'CHF');
    expect(swiss.map((v) => [v.rateBp, v.net, v.tax, v.gross])).toEqual([
      [260, 1711, 44, 1755],
      [810, 1286, 104, 1390],
    ]);
    const my = findVatLines(linesFromText(`GST ID: 000123456789\nTotal Incl. GST 9.00\nGST Summary Amount(RM) Tax(RM)\nSR @ 6% 8.49 0.51`), 'MYR');
    expect(my.map((v) => [v.rateBp, v.net, v.tax])).toEqual([[600, 849, 51]]);
  });
});

describe('currency', () => {
  const guess = (text: string, fallback = 'CHF') => detectCurrency(linesFromText(text), fallback).code;
  it('reads marks and hints', () => {
    expect(guess('Total CHF 12.50')).toBe('CHF');
    expect(guess('Total 12,50 €')).toBe('EUR');
    expect(guess('ACME SDN BHD\nTotal 12.50')).toBe('MYR');
    expect(guess('Total (RM): 12.50')).toBe('MYR');
    expect(guess('CHE-123.456.789 MWST\nTotal 12.50', 'EUR')).toBe('CHF');
    expect(guess('TVA 20% 1,00\nTotal TTC 6,00')).toBe('EUR');
    expect(guess('Total 12.50', 'GBP')).toBe('GBP');
  });
  it('is unsure when it falls back', () => {
    expect(detectCurrency(linesFromText('Total 12.50'), 'CHF').confidence).toBeLessThan(0.5);
  });
});
