import { describe, expect, it } from 'vitest';
import { detectDocumentType } from './doc-type';
import { extractFromText } from './index';
import { findDueDate, findIban, findInvoiceNumber, ibansIn } from './invoice';
import { keyOf, linesFromText } from './text';
import { cleanName, findVendor } from './vendor';

const now = new Date('2025-06-15T12:00:00Z');

describe('vendor', () => {
  const vendor = (text: string) => findVendor(linesFromText(text));

  it('skips generic headers, a note in lower case, addresses, phones and tax ids', () => {
    const v = vendor(`tan woon yann
TAX INVOICE
KEDAI BUKU MAJU SDN BHD (123456-K)
NO. 12, JALAN MERANTI 3,
81100 JOHOR BAHRU, JOHOR
TEL: 07-355 1234
GST ID: 000123456789`);
    expect(v.name?.value).toBe('KEDAI BUKU MAJU SDN BHD');
    expect(v.address?.value).toBe('NO. 12, JALAN MERANTI 3, 81100 JOHOR BAHRU, JOHOR');
  });

  it('prefers the name over a descriptor line below it', () => {
    expect(vendor('THREE STOOGES\nBISTRO & CAFE\n109, SS21/1A\nGST ID : 001661886464').name?.value).toBe('THREE STOOGES');
  });

  it('joins a name broken over two lines', () => {
    expect(vendor('POPULAR BOOK\nCO. (M) SDN BHD\nNO 8, JALAN 7/118B').name?.value).toBe('POPULAR BOOK CO. (M) SDN BHD');
    expect(vendor('AIK HUAT HARDWARE ENTERPRISE\n(SETIA ALAM) SDN BHD\nNO. 17-G, JALAN').name?.value).toBe('AIK HUAT HARDWARE ENTERPRISE (SETIA ALAM) SDN BHD');
    expect(vendor('GOLDEN LOTUS VEGETARIAN\nRESTAURANT SDN BHD\n(1095514-X)\n54, JALAN SS 23/11').name?.value).toBe('GOLDEN LOTUS VEGETARIAN RESTAURANT SDN BHD');
    expect(vendor('HOME MASTER HARDWARE &\nELECTRICAL\nNO.113G, JALAN SETIA').name?.value).toBe('HOME MASTER HARDWARE & ELECTRICAL');
  });

  it('reads European company forms', () => {
    expect(vendor('Quittung\nBäckerei Sonnenberg AG\nBahnhofstrasse 21\n8001 Zürich').name?.value).toBe('Bäckerei Sonnenberg AG');
    expect(vendor('Brasserie du Marché SARL\n12 rue de la République\n69002 Lyon').address?.value).toBe('12 rue de la République, 69002 Lyon');
  });

  it('cleans OCR debris and registration numbers', () => {
    expect(cleanName('| 99 SPEED MART S/B (519537-X) |')).toBe('99 SPEED MART S/B');
    expect(cleanName('** ACME GMBH **')).toBe('ACME GMBH');
  });
});

describe('invoice details', () => {
  const lines = linesFromText(`Muster Informatik GmbH
Rechnung Nr. 2025-0042
Rechnungsdatum: 15.01.2025
Fällig am: 14.02.2025
Total CHF 1'347.47
IBAN CH93 0076 2011 6238 5295 7`);

  it('reads the number, the due date and a valid IBAN', () => {
    expect(findInvoiceNumber(lines)?.value).toBe('2025-0042');
    expect(findDueDate(lines, '2025-01-15', { dayFirst: true, now })?.value).toBe('2025-02-14');
    expect(findIban(lines)?.value).toBe('CH9300762011623852957');
  });

  it('computes a due date from payment terms', () => {
    const terms = linesFromText('Invoice date 01/03/2025\nPayable within 30 days');
    expect(findDueDate(terms, '2025-03-01', { dayFirst: true, now })?.value).toBe('2025-03-31');
  });

  it('accepts only IBANs whose check digits are right', () => {
    expect(ibansIn('IBAN CH93 0076 2011 6238 5295 7')).toEqual(['CH9300762011623852957']);
    expect(ibansIn('IBAN CH94 0076 2011 6238 5295 7')).toEqual([]);
    expect(ibansIn('DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX')).toEqual(['DE89370400440532013000']);
  });

  it('tells invoices from till receipts that say "tax invoice"', () => {
    const till = linesFromText('SIMPLIFIED TAX INVOICE\nCASH 50.00\nCHANGE 41.00\n20:13:39');
    expect(detectDocumentType(till, { hasDueDate: false, hasIban: false }).value).toBe('receipt');
    expect(detectDocumentType(lines, { hasDueDate: true, hasIban: true }).value).toBe('invoice');
    expect(detectDocumentType(linesFromText('Facture n° 42\nÀ payer avant le 30/06/2025'), { hasDueDate: true, hasIban: false }).value).toBe('invoice');
  });
});

describe('whole documents (text)', () => {
  it('reads a Swiss receipt', () => {
    const f = extractFromText(
      `Bäckerei Sonnenberg AG
Bahnhofstrasse 21
8001 Zürich
CHE-123.456.789 MWST
Datum: 03.02.2025 10:42
Vollkornbrot 6.40
Kerze Duft 9.00
Total CHF 15.40
Bar 20.00
Rückgeld 4.60
MWST-Satz Netto MWST Brutto
2.6% 6.24 0.16 6.40
8.1% 8.33 0.67 9.00`,
      { locale: 'de-CH', defaultCurrency: 'EUR', now }
    );
    expect(f.vendorName?.value).toBe('Bäckerei Sonnenberg AG');
    expect(f.date?.value).toBe('2025-02-03');
    expect(f.total?.value).toBe(1540);
    expect(f.currency.value).toBe('CHF');
    expect(f.documentType.value).toBe('receipt');
    expect(f.vat.map((v) => [v.value.rateBp, v.value.tax])).toEqual([
      [260, 16],
      [810, 67],
    ]);
    expect(f.total?.source).toBe('pdf-text');
  });

  it('reads an invoice from PDF text, month-first for en-US', () => {
    const f = extractFromText(
      `Northwind Traders Inc.
1 Main Street, Springfield
Invoice # INV-1042
Invoice date: 03/04/2025
Due date: 04/03/2025
Bill to: Shoebox GmbH
Subtotal $1,000.00
Tax 8% $80.00
Amount due $1,080.00`,
      { locale: 'en-US', defaultCurrency: 'CHF', now }
    );
    expect(f.vendorName?.value).toBe('Northwind Traders Inc.');
    expect(f.date?.value).toBe('2025-03-04');
    expect(f.dueDate?.value).toBe('2025-04-03');
    expect(f.invoiceNumber?.value).toBe('INV-1042');
    expect(f.total?.value).toBe(108000);
    expect(f.subtotal?.value).toBe(100000);
    expect(f.currency.value).toBe('USD');
    expect(f.documentType.value).toBe('invoice');
  });

  it('repairs OCR-mangled keywords', () => {
    expect(keyOf('T0TAL')).toBe('total');
    expect(keyOf('CHANBE')).toBe('change');
    expect(keyOf('SERVICE CHARGE')).toBe('service charge');
  });
});
