import { describe, expect, it } from 'vitest';
import type { ExtractedFields, Field, VatEntry } from '../intake/extract/types';
import { agreeConfidence, disagreeConfidence, mergeExtractions, sameVendor, type AiFields } from './merge';
import type { AiField } from './types';

const off = <T>(value: T, confidence: number, raw?: string, line?: number): Field<T> => ({
  value,
  confidence,
  source: 'ocr',
  ...(raw !== undefined && { raw }),
  ...(line !== undefined && { line }),
});
const ai = <T>(value: T, confidence: number): AiField<T> => ({ value, confidence, source: 'ai' });
const vat = (rateBp: number | null, tax: number, net: number | null = null, gross: number | null = null): VatEntry => ({ rateBp, net, tax, gross });

function offline(overrides: Partial<ExtractedFields> = {}): ExtractedFields {
  return {
    vendorName: off('Migros', 0.7, 'MIGROS', 0),
    vendorAddress: null,
    date: off('2026-03-03', 0.8, '03.03.2026', 2),
    total: off(5000, 0.8, 'Total 50.00', 6),
    subtotal: null,
    vat: [off(vat(810, 375, 4625, 5000), 0.85, 'MWST 8.1% 46.25 3.75 50.00', 7)],
    currency: off('CHF', 0.9),
    documentType: off('receipt', 0.6),
    invoiceNumber: null,
    dueDate: null,
    iban: null,
    ...overrides,
  };
}

function aiFields(overrides: Partial<AiFields> = {}): AiFields {
  return {
    vendorName: ai('Migros Zürich HB', 0.85),
    vendorAddress: ai('Bahnhofplatz 15, 8001 Zürich', 0.8),
    vendorVatId: ai('CHE-105.829.940 MWST', 0.8),
    date: ai('2026-03-03', 0.85),
    dueDate: null,
    total: ai(5000, 0.85),
    subtotal: null,
    taxTotal: ai(375, 0.8),
    vat: [ai(vat(810, 375), 0.8)],
    currency: ai('CHF', 0.85),
    documentType: ai('receipt', 0.8),
    invoiceNumber: null,
    iban: null,
    paymentMethod: ai('card', 0.7),
    lineItems: [ai({ description: 'Wein', amount: 5000 }, 0.6)],
    notes: [],
    ...overrides,
  };
}

describe('mergeExtractions', () => {
  it('takes what only one side has, unchanged', () => {
    const m = mergeExtractions(offline(), aiFields());
    expect(m.vendorAddress).toMatchObject({ value: 'Bahnhofplatz 15, 8001 Zürich', confidence: 0.8, source: 'ai', agreed: false, alternatives: [] });
    expect(m.vendorVatId?.source).toBe('ai');
    expect(m.paymentMethod?.value).toBe('card');
    expect(m.lineItems.map((f) => f.value)).toEqual([{ description: 'Wein', amount: 5000 }]);
    expect(m.invoiceNumber).toBeNull();
  });

  it('raises the confidence when both agree and keeps the offline evidence', () => {
    const m = mergeExtractions(offline(), aiFields());
    expect(m.date).toMatchObject({ value: '2026-03-03', agreed: true, raw: '03.03.2026', line: 2, alternatives: [] });
    expect(m.date!.confidence).toBe(agreeConfidence(0.8, 0.85));
    expect(m.date!.confidence).toBeGreaterThan(0.85);
    // Same vendor, one name longer: agreement, the more confident spelling stands.
    expect(m.vendorName).toMatchObject({ value: 'Migros Zürich HB', source: 'ai', agreed: true, raw: 'MIGROS' });
    expect(m.currency.agreed).toBe(true);
  });

  it('lets the higher confidence win a disagreement, lowers it, and keeps the loser', () => {
    const m = mergeExtractions(offline({ date: off('2026-03-08', 0.5, '08.03.2026', 2) }), aiFields({ date: ai('2026-03-03', 0.85) }));
    expect(m.date).toMatchObject({ value: '2026-03-03', source: 'ai', agreed: false });
    expect(m.date!.confidence).toBe(disagreeConfidence(0.85, 0.5));
    expect(m.date!.confidence).toBeLessThan(0.85);
    expect(m.date!.alternatives).toEqual([{ value: '2026-03-08', confidence: 0.5, source: 'ocr' }]);

    const tie = mergeExtractions(offline({ documentType: off('invoice', 0.8) }), aiFields({ documentType: ai('receipt', 0.8) }));
    expect(tie.documentType).toMatchObject({ value: 'invoice', source: 'ocr', alternatives: [{ value: 'receipt', source: 'ai' }] });
  });

  it('merges VAT lines as a list, filling net and gross from the offline reading', () => {
    const m = mergeExtractions(offline(), aiFields());
    expect(m.vat).toHaveLength(1);
    expect(m.vat[0]).toMatchObject({ value: vat(810, 375, 4625, 5000), agreed: true, raw: 'MWST 8.1% 46.25 3.75 50.00' });
    expect(m.vatAlternative).toBeNull();

    const differ = mergeExtractions(offline(), aiFields({ vat: [ai(vat(810, 370), 0.6)], taxTotal: null }));
    expect(differ.vat[0]).toMatchObject({ value: vat(810, 375, 4625, 5000), source: 'ocr', agreed: false });
    expect(differ.vat[0]!.confidence).toBeLessThan(0.85);
    expect(differ.vatAlternative).toEqual({ entries: [vat(810, 370)], confidence: 0.6, source: 'ai' });
  });

  it('boosts consistent amounts: subtotal + tax = total', () => {
    const m = mergeExtractions(offline({ vat: [] }), aiFields({ subtotal: ai(4625, 0.7), vat: [] }));
    expect(m.amountsCheck).toBe('consistent');
    expect(m.subtotal!.confidence).toBeGreaterThan(0.7);
    expect(m.taxTotal!.confidence).toBeGreaterThan(0.8);
    expect(m.total!.confidence).toBeGreaterThan(agreeConfidence(0.8, 0.85));
  });

  it('cuts inconsistent amounts and says why', () => {
    const m = mergeExtractions(offline({ vat: [] }), aiFields({ subtotal: ai(4600, 0.7), vat: [] }));
    expect(m.amountsCheck).toBe('inconsistent');
    expect(m.subtotal!.confidence).toBeLessThan(0.7);
    expect(m.taxTotal!.confidence).toBeLessThan(0.8);
    expect(m.notes.join(' ')).toContain('Subtotal 46.00 + tax 3.75 does not make the total 50.00');
  });

  it('checks the VAT lines against the tax total', () => {
    const m = mergeExtractions(offline({ vat: [] }), aiFields({ vat: [ai(vat(810, 300), 0.8)], taxTotal: ai(375, 0.8) }));
    expect(m.taxTotal!.confidence).toBeLessThan(0.8);
    expect(m.notes.join(' ')).toContain('VAT lines add up to 3.00');
  });

  it('says nothing about tax-inclusive prices (subtotal = total)', () => {
    const m = mergeExtractions(offline({ subtotal: off(5000, 0.6) }), aiFields());
    expect(m.amountsCheck).toBe('not-applicable');
  });

  it('sets aside amounts read in a currency with other decimals', () => {
    const m = mergeExtractions(
      offline({ currency: off('CHF', 0.2), total: off(120000, 0.5), vat: [] }),
      aiFields({ currency: ai('JPY', 0.85), total: ai(1200, 0.8), taxTotal: null, vat: [], lineItems: [] })
    );
    expect(m.currency).toMatchObject({ value: 'JPY', source: 'ai' });
    expect(m.total).toMatchObject({ value: 1200, source: 'ai', alternatives: [] });
    expect(m.notes.join(' ')).toMatch(/read offline as CHF were set aside/);
  });

  it('without an AI result, lifts the offline fields', () => {
    const m = mergeExtractions(offline(), null);
    expect(m.total).toMatchObject({ value: 5000, confidence: 0.8, source: 'ocr', raw: 'Total 50.00', line: 6, agreed: false });
    expect(m.vat[0]!.confidence).toBe(0.85);
    expect(m.lineItems).toEqual([]);
    expect(m.vendorVatId).toBeNull();
  });

  it('passes the AI notes on', () => {
    expect(mergeExtractions(offline(), aiFields({ notes: ['IBAN dropped'] })).notes).toContain('IBAN dropped');
  });
});

describe('sameVendor', () => {
  it('ignores legal forms, case, accents, and accepts one name inside the other', () => {
    expect(sameVendor('Migros Genossenschaft AG', 'MIGROS genossenschaft')).toBe(true);
    expect(sameVendor('Coop', 'Coop Pronto Bern')).toBe(true);
    expect(sameVendor('Café Zürich', 'CAFE ZURICH')).toBe(true);
    expect(sameVendor('Coop', 'Coopers')).toBe(false);
    expect(sameVendor('Migros', 'Denner')).toBe(false);
  });
});
