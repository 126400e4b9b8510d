import { afterAll, describe, expect, it } from 'vitest';
import { prepareImage } from '../images';
import { OcrPool } from '../ocr';
import { FRENCH_RECEIPT, INVOICE, MALAYSIAN_RECEIPT, SWISS_RECEIPT, renderDocument, type RenderOptions, type Row } from '../ocr/test-fixtures';
import { extractFromOcr, type ExtractOptions } from './index';

/** Receipts rendered from SVG, read for real: image preparation → tesseract → field rules. */
describe('fields from OCR of rendered receipts', () => {
  const pool = new OcrPool({ languages: 'eng+deu+fra', workers: 1 });
  afterAll(() => pool.close());
  const now = new Date('2025-06-15T12:00:00Z');

  async function read(rows: Row[], options: ExtractOptions, render: RenderOptions = {}) {
    const prepared = await prepareImage(await renderDocument(rows, render), { derivatives: false });
    const ocr = await pool.recognize(prepared.ocr.png);
    return extractFromOcr(ocr, { now, ...options });
  }

  it('an English Malaysian receipt with GST and cash/change', async () => {
    const f = await read(MALAYSIAN_RECEIPT, { locale: 'en-MY', defaultCurrency: 'CHF' });
    expect(f.total?.value).toBe(900);
    expect(f.date?.value).toBe('2024-12-25');
    expect(f.currency.value).toBe('MYR');
    expect(f.vendorName?.value).toBe('KEDAI BUKU MAJU SDN BHD');
    expect(f.documentType.value).toBe('receipt');
    expect(f.vat[0]?.value).toMatchObject({ rateBp: 600, tax: 51 });
    expect(f.total?.source).toBe('ocr');
  });

  it('a Swiss German receipt with MWST 8.1 % and 2.6 % and "Total CHF"', async () => {
    const f = await read(SWISS_RECEIPT, { locale: 'de-CH', defaultCurrency: 'EUR' });
    expect(f.total?.value).toBe(3145);
    expect(f.date?.value).toBe('2025-02-03');
    expect(f.currency.value).toBe('CHF');
    expect(f.vendorName?.value).toBe('Bäckerei Sonnenberg AG');
    expect(f.documentType.value).toBe('receipt');
    expect(f.vat.map((v) => [v.value.rateBp, v.value.tax])).toEqual([
      [260, 44],
      [810, 104],
    ]);
  });

  it('a French receipt in euros with TVA', async () => {
    const f = await read(FRENCH_RECEIPT, { locale: 'fr-FR', defaultCurrency: 'CHF' });
    expect(f.total?.value).toBe(4250);
    expect(f.subtotal?.value).toBe(3818);
    expect(f.date?.value).toBe('2025-03-14');
    expect(f.currency.value).toBe('EUR');
    expect(f.vendorName?.value).toBe('Brasserie du Marché SARL');
    expect(f.vat.map((v) => v.value.rateBp)).toEqual([1000, 2000]);
  });

  it('an invoice with IBAN and due date, photographed on a table', async () => {
    const f = await read(INVOICE, { locale: 'de-CH', defaultCurrency: 'EUR' }, { width: 900, background: { color: '#404040', margin: 120 } });
    expect(f.documentType.value).toBe('invoice');
    expect(f.total?.value).toBe(134747);
    expect(f.date?.value).toBe('2025-01-15');
    expect(f.dueDate?.value).toBe('2025-02-14');
    expect(f.iban?.value).toBe('CH9300762011623852957');
    expect(f.invoiceNumber?.value).toBe('2025-0042');
    expect(f.currency.value).toBe('CHF');
    expect(f.vendorName?.value).toBe('Muster Informatik GmbH');
  });
});
