import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../../shared/errors';
import { configurePdfReader, defaultPdfjsDir, pdfjsLocation, resetPdfReaderConfig, unpackedPath } from './pdf-runtime';
import { openPdf, PDF_LIMITS, renderScale, resetThreadFallback, type PdfDocument } from './read-pdf';
import { makePdf, scannedPage } from './test-pdfs';
import { pdfThreadStats, stopIdlePdfThreads } from './transport';

const dir = mkdtempSync(join(tmpdir(), 'shoebox-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An invoice whose content stream draws the lines out of reading order. */
const invoice = makePdf({
  pages: [
    {
      texts: [
        { text: 'Total CHF', x: 60, y: 400 },
        // Same line, drawn a little off the baseline, far to the right: a column.
        { text: '123.45', x: 480, y: 400.6 },
        { text: 'Rechnung', x: 60, y: 80, size: 20 },
        { text: 'Velowerk Müller AG, Bahnhofstrasse 12a, 8400 Winterthur', x: 60, y: 120 },
        { text: 'Datum', x: 60, y: 160 },
        { text: '15.04.2024', x: 140, y: 160 },
        { text: 'MWST 8.1%', x: 60, y: 380 },
        { text: '9.25', x: 486.1, y: 380 },
      ],
    },
  ],
  attachments: [{ name: 'factur-x.xml', content: '<?xml version="1.0" encoding="UTF-8"?>\n<rsm:CrossIndustryInvoice>Müller</rsm:CrossIndustryInvoice>', description: 'Factur-X invoice' }],
});

const INVOICE_LINES = ['Rechnung', 'Velowerk Müller AG, Bahnhofstrasse 12a, 8400 Winterthur', 'Datum 15.04.2024', 'MWST 8.1% 9.25', 'Total CHF 123.45'];

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function withDoc<T>(doc: PdfDocument, use: (doc: PdfDocument) => Promise<T>): Promise<T> {
  try {
    return await use(doc);
  } finally {
    await doc.close();
  }
}

describe('openPdf: text layer', () => {
  it('gives the lines of a page in reading order, whatever order they were drawn in', async () => {
    await withDoc(await openPdf(invoice, { name: 'rechnung.pdf' }), async (doc) => {
      expect(doc.mode).toBe('thread');
      expect(doc.pageCount).toBe(1);
      expect(doc.hasTextLayer).toBe(true);
      expect(doc.truncated).toBe(false);
      expect(doc.notes).toEqual([]);
      expect(doc.pages[0]).toMatchObject({ index: 0, width: 595.28, height: 841.89 });
      expect(doc.pages[0]!.textChars).toBeGreaterThan(60);
      expect((await doc.text(0)).split('\n')).toEqual(INVOICE_LINES);
      const lines = await doc.lines(0);
      const total = lines.find((l) => l.text === 'Total CHF 123.45')!;
      // Boxes are in points from the top left: the total sits 400 pt down, spanning both columns.
      expect(total.bbox.y1).toBeGreaterThan(400);
      expect(total.bbox.y0).toBeLessThan(400);
      expect(total.bbox.x0).toBe(60);
      expect(total.bbox.x1).toBeGreaterThan(500);
    });
  });

  it('reads the same on the calling thread (inline mode)', async () => {
    await withDoc(await openPdf(invoice, { mode: 'inline' }), async (doc) => {
      expect(doc.mode).toBe('inline');
      expect((await doc.text(0)).split('\n')).toEqual(INVOICE_LINES);
      const png = await doc.renderPage(0, { dpi: 72 });
      const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([595, 842]);
      // At 72 dpi a pixel is a point: the 20 pt heading is drawn (Helvetica from pdf.js's standard fonts).
      let ink = 0;
      for (let y = 62; y < 86; y++) for (let x = 58; x < 150; x++) if (data[y * info.width + x]! < 128) ink++;
      expect(ink).toBeGreaterThan(150);
      expect(data[300 * info.width + 300]).toBe(255);
    });
  });

  it('reads from a path, named after the file', async () => {
    const path = join(dir, 'from-disk.pdf');
    writeFileSync(path, invoice);
    await withDoc(await openPdf(path), async (doc) => {
      expect(doc.name).toBe('from-disk.pdf');
      expect(await doc.text(0)).toContain('Total CHF 123.45');
    });
  });

  it('turns a rotated page upright', async () => {
    const rotated = makePdf({
      pages: [{ rotate: 90, texts: [{ text: 'Quittung Bäckerei Kern', x: 40, y: 60 }, { text: 'Total CHF 7.80', x: 40, y: 90 }] }],
    });
    await withDoc(await openPdf(rotated), async (doc) => {
      expect(doc.pages[0]).toMatchObject({ width: 841.89, height: 595.28 });
      expect(await doc.text(0)).toBe('Quittung Bäckerei Kern\nTotal CHF 7.80');
      expect(await sharp(await doc.renderPage(0, { dpi: 36 })).metadata()).toMatchObject({ width: 421, height: 298 });
    });
  });

  it('lists embedded files with their bytes (the XML of an e-invoice)', async () => {
    await withDoc(await openPdf(invoice), async (doc) => {
      const files = await doc.attachments();
      expect(files).toHaveLength(1);
      expect(files[0]).toMatchObject({ name: 'factur-x.xml', description: 'Factur-X invoice' });
      expect(files[0]!.bytes.toString('utf8')).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<rsm:CrossIndustryInvoice>Müller</rsm:CrossIndustryInvoice>');
    });
    await withDoc(await openPdf(makePdf({ pages: [{ texts: [{ text: 'x', x: 9, y: 9 }] }] })), async (doc) => {
      expect(await doc.attachments()).toEqual([]);
    });
  });
});

describe('openPdf: scans and rendering', () => {
  const scan = makePdf({ pages: [{ width: 612, height: 792, image: scannedPage(850, 1100) }] });

  it('reports a scanned (image-only) PDF as having no text layer and renders it at the asked dpi', async () => {
    await withDoc(await openPdf(scan, { name: 'scan.pdf' }), async (doc) => {
      expect(doc.hasTextLayer).toBe(false);
      expect(doc.pages[0]!.textChars).toBe(0);
      expect(await doc.text(0)).toBe('');
      const png = await doc.renderPage(0, { dpi: 100 });
      // US Letter is 8.5 x 11 inches.
      expect(await sharp(png).metadata()).toMatchObject({ format: 'png', channels: 3, density: 100 });
      const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([850, 1100]);
      const at = (x: number, y: number) => data[Math.round(y * info.height) * info.width + Math.round(x * info.width)]!;
      expect(at(0.3, 0.095)).toBeLessThan(80); // the dark bar of the "heading"
      expect(at(0.7, 0.095)).toBeGreaterThan(200); // paper beside it
      expect(at(0.7, 0.815)).toBeLessThan(80); // the "total" bar
    });
  });

  it('scales down to maxWidth / maxHeight and stays within the pixel caps', async () => {
    await withDoc(await openPdf(scan), async (doc) => {
      expect(await sharp(await doc.renderPage(0, { maxWidth: 300 })).metadata()).toMatchObject({ width: 300, height: 388 });
      expect(await sharp(await doc.renderPage(0, { dpi: 300, maxHeight: 1000 })).metadata()).toMatchObject({ width: 773, height: 1000 });
    });
    // A poster-sized page (200 x 200 in) at 300 dpi would be 60,000 px square.
    const scale = renderScale({ width: 14_400, height: 14_400 }, { dpi: 300 });
    expect(14_400 * scale).toBeLessThanOrEqual(PDF_LIMITS.maxRenderSide);
    expect((14_400 * scale) ** 2).toBeLessThanOrEqual(PDF_LIMITS.maxRenderPixels + 1);
    expect(renderScale({ width: 612, height: 792 }, { dpi: 5000 })).toBe(PDF_LIMITS.maxDpi / 72);
  });

  it('renders every page of a multi-page PDF at its own size', async () => {
    const pdf = makePdf({
      pages: [
        { texts: [{ text: 'Seite 1 von 3', x: 50, y: 50 }] },
        { width: 841.89, height: 595.28, texts: [{ text: 'Seite 2 von 3', x: 50, y: 50 }] },
        { width: 226.77, height: 566.93, texts: [{ text: 'Seite 3 von 3', x: 20, y: 50 }] }, // an 80 mm till receipt
      ],
    });
    await withDoc(await openPdf(pdf), async (doc) => {
      expect(doc.pageCount).toBe(3);
      expect(doc.hasTextLayer).toBe(false); // 11 characters a page is not a text layer
      const sizes = [];
      for (let i = 0; i < doc.pageCount; i++) {
        expect(await doc.text(i)).toBe(`Seite ${i + 1} von 3`);
        sizes.push(await sharp(await doc.renderPage(i, { dpi: 72 })).metadata().then((m) => [m.width, m.height]));
      }
      expect(sizes).toEqual([
        [595, 842],
        [842, 595],
        [227, 567],
      ]);
      await expect(doc.renderPage(3)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('has no page 4') });
    });
  });
});

describe('openPdf: bounds', () => {
  const long = makePdf({ pages: Array.from({ length: 300 }, () => ({ texts: [{ text: 'Kontoauszug Seite', x: 50, y: 50 }] })), shareContent: true });

  it('reads at most maxPages pages of a long document and says so', async () => {
    const started = performance.now();
    await withDoc(await openPdf(long, { name: 'auszug.pdf' }), async (doc) => {
      expect(doc.pageCount).toBe(300);
      expect(doc.pages).toHaveLength(PDF_LIMITS.maxPages);
      expect(doc.truncated).toBe(true);
      expect(doc.notes).toEqual(['auszug.pdf has 300 pages; Shoebox reads the first 20.']);
      expect(await doc.text(19)).toBe('Kontoauszug Seite');
      const err = await rejection(doc.renderPage(25));
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.message).toBe('Shoebox reads the first 20 pages of auszug.pdf; page 26 is not read');
      await expect(doc.text(25)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });
    expect(performance.now() - started).toBeLessThan(5000);
    await withDoc(await openPdf(long, { maxPages: 2 }), async (doc) => expect(doc.pages).toHaveLength(2));
  });

  it('believes the pages it finds, not a page tree claiming a million', async () => {
    const liar = makePdf({ pages: [{ texts: [{ text: 'Die einzige Seite dieser Rechnung', x: 50, y: 50 }] }], claimedPageCount: 1_000_000 });
    await withDoc(await openPdf(liar), async (doc) => {
      expect(doc.pages.length).toBeLessThanOrEqual(PDF_LIMITS.maxPages);
      expect(await doc.text(0)).toBe('Die einzige Seite dieser Rechnung');
    });
  });

  it('refuses a PDF without pages', async () => {
    const err = await rejection(openPdf(makePdf({ pages: [] }), { name: 'leer.pdf' }));
    expect(err.code).toBe('FILE_UNREADABLE');
    expect(err.message).toBe('leer.pdf cannot be read: it has no pages');
    expect(err.details).toMatchObject({ reason: 'no-pages' });
  });

  it('gives up on a document that keeps the reader busy past its time budget', async () => {
    // Reading the text of 20 pages takes far more than a millisecond, even on a fast machine.
    const err = await rejection(openPdf(long, { name: 'slow.pdf', timeoutMs: 1 }));
    expect(err.code).toBe('FILE_UNREADABLE');
    expect(err.message).toBe('slow.pdf took too long to read (more than 1 ms); it may be damaged or far too complex');
    expect(err.details).toMatchObject({ reason: 'timeout' });
    // The reader is still usable for the next document.
    await withDoc(await openPdf(invoice), async (doc) => expect(doc.hasTextLayer).toBe(true));
  });

  it('refuses calls after close, and close twice is harmless', async () => {
    const doc = await openPdf(invoice);
    await doc.close();
    await doc.close();
    await expect(doc.text(0)).rejects.toMatchObject({ message: expect.stringContaining('already been closed') });
    await expect(doc.renderPage(0)).rejects.toMatchObject({ message: expect.stringContaining('already been closed') });
  });
});

describe('openPdf: files it cannot read', () => {
  it('says a password-protected PDF is protected by a password', async () => {
    const locked = makePdf({ pages: [{ texts: [{ text: 'Lohnabrechnung', x: 50, y: 50 }] }], encrypt: { userPassword: 'geheim', ownerPassword: 'owner' } });
    const err = await rejection(openPdf(locked, { name: 'lohn.pdf' }));
    expect(err.code).toBe('FILE_UNREADABLE');
    expect(err.message).toMatch(/^lohn\.pdf is protected by a password/);
    expect(err.details).toMatchObject({ name: 'lohn.pdf', reason: 'encrypted' });
  });

  it('reads a PDF that is encrypted only against editing (owner password, no user password)', async () => {
    const restricted = makePdf({
      pages: [{ texts: [{ text: 'Rechnung 2024-0117', x: 50, y: 50 }, { text: 'Total CHF 99.00', x: 50, y: 70 }] }],
      encrypt: { userPassword: '', ownerPassword: 'owner' },
    });
    await withDoc(await openPdf(restricted), async (doc) => {
      expect(await doc.text(0)).toBe('Rechnung 2024-0117\nTotal CHF 99.00');
    });
  });

  it('says a truncated PDF is incomplete', async () => {
    const cut = invoice.subarray(0, Math.floor(invoice.length * 0.6));
    const err = await rejection(openPdf(cut, { name: 'download.pdf' }));
    expect(err.code).toBe('FILE_UNREADABLE');
    expect(err.message).toBe(
      'download.pdf cannot be read: the file is incomplete (its end is missing), probably cut off while downloading or copying. Get the file again.'
    );
    expect(err.details).toMatchObject({ reason: 'truncated' });
  });

  it('says random bytes named .pdf are not a PDF', async () => {
    const path = join(dir, 'rechnung.pdf');
    writeFileSync(path, randomBytes(4096));
    const err = await rejection(openPdf(path));
    expect(err.code).toBe('FILE_UNREADABLE');
    expect(err.message).toBe('rechnung.pdf cannot be read: it is not a PDF document (or is damaged beyond repair)');
  });

  it('says a PDF whose body is garbage is damaged (pdf.js itself gives up)', async () => {
    const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(8192), Buffer.from('\nstartxref\n12345\n%%EOF\n')]);
    const err = await rejection(openPdf(garbage, { name: 'kaputt.pdf' }));
    expect(err.code).toBe('FILE_UNREADABLE');
    expect(err.message).toBe('kaputt.pdf cannot be read: it is damaged or not a valid PDF');
    expect(err.details).toMatchObject({ reason: 'damaged' });
  });

  it('says an empty or missing file cannot be read', async () => {
    await expect(openPdf(new Uint8Array(0), { name: 'leer.pdf' })).rejects.toMatchObject({ code: 'FILE_UNREADABLE', message: 'leer.pdf cannot be read: the file is empty' });
    await expect(openPdf(join(dir, 'gone.pdf'))).rejects.toMatchObject({ code: 'FILE_UNREADABLE', message: 'gone.pdf cannot be read: the file is gone' });
  });

  it('does not take over (detach) the caller’s buffer', async () => {
    const bytes = new Uint8Array(invoice);
    await withDoc(await openPdf(bytes), async () => undefined);
    expect(bytes.byteLength).toBe(invoice.length);
  });
});

describe('the reader itself', () => {
  afterEach(() => {
    resetPdfReaderConfig();
    resetThreadFallback();
  });

  it('reuses a reader thread for the next document and abandons work on close', async () => {
    const first = await openPdf(invoice);
    const render = first.renderPage(0, { dpi: 300 });
    await first.close();
    await expect(render).rejects.toMatchObject({ code: 'INTERNAL', message: 'The PDF was closed while it was being read' });
    await withDoc(await openPdf(invoice), async (doc) => expect(await doc.text(0)).toContain('Rechnung'));
    await vi.waitFor(() => expect(pdfThreadStats().idle).toBe(1));
    const { started } = pdfThreadStats();
    await withDoc(await openPdf(invoice), async (doc) => expect(await doc.text(0)).toContain('Rechnung'));
    expect(pdfThreadStats().started).toBe(started);
    stopIdlePdfThreads();
    expect(pdfThreadStats().idle).toBe(0);
  });

  it('finds pdf.js where it is configured, and says so when it cannot', async () => {
    expect(pdfjsLocation()).toMatchObject({ standardFontDataUrl: expect.stringMatching(/standard_fonts\/$/), cMapUrl: expect.stringMatching(/cmaps\/$/) });
    configurePdfReader({ pdfjsDir: join(dir, 'no-pdfjs-here') });
    expect(pdfjsLocation().standardFontDataUrl).toBe(`${join(dir, 'no-pdfjs-here', 'standard_fonts')}/`);
    const err = await rejection(openPdf(invoice));
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toBe('Shoebox could not start its PDF reader');
    configurePdfReader({ pdfjsDir: defaultPdfjsDir(), threadScript: null });
    await withDoc(await openPdf(invoice), async (doc) => expect(doc.mode).toBe('inline'));
  });

  it('reads on the calling thread when no reader thread can start (a packaging mistake), saying so once', async () => {
    configurePdfReader({ threadScript: join(dir, 'missing-thread.js') });
    const err = await rejection(openPdf(invoice, { mode: 'thread' }));
    expect(err).toMatchObject({ code: 'INTERNAL', message: 'Shoebox could not start its PDF reader' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await withDoc(await openPdf(invoice), async (doc) => {
        expect(doc.mode).toBe('inline');
        expect(await doc.text(0)).toContain('Total CHF 123.45');
      });
      await withDoc(await openPdf(invoice), async (doc) => expect(doc.mode).toBe('inline'));
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });

  it('takes each part of pdf.js from app.asar.unpacked where it was unpacked', () => {
    const packed = join(dir, 'resources', 'app.asar', 'node_modules', 'pdfjs-dist');
    const unpacked = join(dir, 'resources', 'app.asar.unpacked', 'node_modules', 'pdfjs-dist');
    expect(unpackedPath(packed)).toBe(packed);
    mkdirSync(join(unpacked, 'standard_fonts'), { recursive: true });
    expect(unpackedPath(packed)).toBe(unpacked);
    configurePdfReader({ pdfjsDir: packed });
    expect(pdfjsLocation()).toMatchObject({
      standardFontDataUrl: `${join(unpacked, 'standard_fonts')}/`,
      cMapUrl: `${join(packed, 'cmaps')}/`, // not unpacked: read through Electron's asar support
    });
  });
});
