import { describe, expect, it } from 'vitest';
import { expenseCreateInput } from '../../../../shared/contract';
import { mergeExtractions } from '../ai/merge';
import { draftExpense } from './draft-expense';
import type { ExtractedFields } from './extract';
import type { PaymentQr } from './qr';

const field = <T>(value: T, confidence = 0.8) => ({ value, confidence, source: 'ocr' as const });

const receipt = (over: Partial<ExtractedFields> = {}): ExtractedFields => ({
  vendorName: field('Migros Zürich'),
  vendorAddress: field('Limmatstrasse 152, 8005 Zürich'),
  date: field('2026-03-14'),
  total: field(2330),
  subtotal: null,
  vat: [field({ rateBp: 260, net: null, tax: 40, gross: 1580 }), field({ rateBp: 810, net: null, tax: 56, gross: 750 })],
  currency: field('CHF', 0.9),
  documentType: field<'receipt' | 'invoice'>('receipt'),
  invoiceNumber: null,
  dueDate: null,
  iban: null,
  ...over,
});

const input = (extraction: ExtractedFields | null, qr: PaymentQr[] = []) => ({
  fileName: 'scan_0042.jpg',
  extraction: extraction && mergeExtractions(extraction, null),
  qr,
  today: '2026-03-20',
  defaultCurrency: 'EUR',
});

const qrBill = (over: Partial<Extract<PaymentQr, { kind: 'swiss-qr-bill' }>['bill']> = {}): PaymentQr => ({
  kind: 'swiss-qr-bill',
  bill: {
    version: '0200',
    coding: 1,
    account: 'CH4431999123000889012',
    isQrIban: true,
    creditor: { addressType: 'S', name: 'Robert Schneider AG', street: 'Rue du Lac', buildingNumber: '1268', postalCode: '2501', town: 'Biel', country: 'CH' },
    amount: 199_95,
    currency: 'CHF',
    debtor: null,
    referenceType: 'QRR',
    reference: '210000000003139471430009017',
    message: 'Order of 15 June 2026',
    billingInformation: { raw: '//S1/10/10201409/11/260612/32/8.1', swico: { invoiceNumber: '10201409', invoiceDate: '2026-06-12', vatDetails: [{ rateBp: 810, netAmount: null }] }, problem: null },
    alternativeProcedures: [],
    ...over,
  },
});

describe('draftExpense', () => {
  it('files a read receipt with positions per VAT rate that add up to the total', () => {
    const d = draftExpense(input(receipt()));
    expect(d.fields).toMatchObject({ type: 'receipt', title: 'Migros Zürich', issuedAt: '2026-03-14', currency: 'CHF', vendor: { name: 'Migros Zürich' } });
    expect(d.fields.positions).toEqual([
      { total: 1580, vatRate: 2.6, mode: 'inclusive' },
      { total: 750, vatRate: 8.1, mode: 'inclusive' },
    ]);
    expect(d.evidence.total).toMatchObject({ confidence: 0.8, source: 'ocr' });
    expect(expenseCreateInput.safeParse({ ...d.fields, paymentMethod: 'card' }).success).toBe(true);
  });

  it('puts what the VAT lines do not explain into a 0 % position, and falls back to one position when they overshoot', () => {
    const partial = draftExpense(input(receipt({ vat: [field({ rateBp: 810, net: null, tax: 56, gross: 750 })] })));
    expect(partial.fields.positions).toEqual([
      { total: 750, vatRate: 8.1, mode: 'inclusive' },
      { description: 'Not subject to VAT', total: 1580, vatRate: 0, mode: 'inclusive' },
    ]);
    const wrong = draftExpense(input(receipt({ vat: [field({ rateBp: 810, net: null, tax: 500, gross: 9000 })] })));
    expect(wrong.fields.positions).toEqual([{ total: 2330, vatRate: 0, mode: 'inclusive' }]);
  });

  it('keeps an unreadable document reviewable: file name as title, today, default currency, no amount', () => {
    const d = draftExpense(input(null));
    expect(d.fields).toMatchObject({ type: 'receipt', title: 'scan 0042', issuedAt: '2026-03-20', currency: 'EUR', positions: [] });
    expect(d.evidence.issuedAt).toEqual({ confidence: 0, source: 'default' });
  });

  it('lets a QR-bill decide vendor, amount, currency, reference and IBAN exactly', () => {
    const d = draftExpense(input(receipt({ total: field(20000, 0.4) }), [qrBill()]));
    expect(d.fields).toMatchObject({
      type: 'invoice',
      title: 'Robert Schneider AG',
      vendor: { name: 'Robert Schneider AG', address: 'Rue du Lac 1268, 2501 Biel, CH', iban: 'CH4431999123000889012' },
      currency: 'CHF',
      iban: 'CH4431999123000889012',
      reference: '210000000003139471430009017',
      issuedAt: '2026-06-12',
      positions: [{ total: 19995, vatRate: 8.1, mode: 'inclusive', description: 'Order of 15 June 2026' }],
    });
    expect(d.evidence.total).toEqual({ confidence: 1, source: 'qr' });
    expect(expenseCreateInput.safeParse(d.fields).success).toBe(true);
  });

  it('reads a GiroCode as a EUR invoice and keeps other QR content as text', () => {
    const epc: PaymentQr = {
      kind: 'epc',
      transfer: { version: '002', charset: '1', bic: null, name: 'Stadtwerke Köln', iban: 'DE89370400440532013000', amount: 12_50, currency: 'EUR', purpose: null, reference: 'RF18539007547034', text: null, information: null },
    } as PaymentQr;
    const d = draftExpense(input(null, [epc, { kind: 'other', text: 'https://example.org/r/123' }]));
    expect(d.fields).toMatchObject({ type: 'invoice', currency: 'EUR', reference: 'RF18539007547034', positions: [{ total: 1250 }] });
    expect(d.otherQr).toEqual(['https://example.org/r/123']);
  });

  it('notes a payment code that could not be read instead of failing', () => {
    const bad: PaymentQr = { kind: 'invalid', scheme: 'swiss-qr-bill', text: 'SPC\n0100', error: { code: 'QR_INVALID', message: 'Unsupported version' } };
    expect(draftExpense(input(receipt(), [bad])).notes).toContain('A QR-bill on the document could not be read: Unsupported version');
  });

  it('drops a due date before the issue date', () => {
    const d = draftExpense(input(receipt({ dueDate: field('2026-03-01'), documentType: field<'receipt' | 'invoice'>('invoice') })));
    expect(d.fields.dueAt).toBeUndefined();
  });
});
