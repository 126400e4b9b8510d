import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../../../../shared/errors';
import { MAX_FILE_BYTES } from '../file-check';
import type { AttachmentsResult, OpenResult, RawPage, RenderResult } from './pdf-thread';
import { pdfjsLocation, threadScript } from './pdf-runtime';
import { groupLines, meaningfulChars, type PdfTextLine } from './text-lines';
import { InlineTransport, ThreadTransport, TransportError, type Transport } from './transport';

/**
 * Reading PDFs for the intake: the text layer as lines, page images for OCR, QR codes and the review
 * screen, and embedded files (the XML of a ZUGFeRD / Factur-X invoice).
 *
 * pdf.js runs in a worker thread (one document at a time per thread; the thread is kept a little
 * while for the next document), so parsing and rendering never block the Electron main process.
 * Every document is bounded in pages read, busy time and heap; whatever a file does, the caller gets
 * a document or an AppError, never a crash or a hang. PNG encoding happens here, with sharp (libuv
 * threads), from the raw pixels the thread hands over.
 */

export const PDF_LIMITS = {
  /** Pages read (text) and renderable per document; the rest are reported in `notes`. */
  maxPages: 20,
  /** Time a document may keep its reader busy, summed over all calls, before it is given up. */
  timeoutMs: 60_000,
  /** Average meaningful characters per page from which a PDF counts as having a text layer. */
  textLayerMinChars: 20,
  defaultDpi: 200,
  minDpi: 18,
  maxDpi: 600,
  /** Rendered images are scaled down to stay within these (a poster-sized page at 300 dpi would not). */
  maxRenderSide: 10_000,
  maxRenderPixels: 40_000_000,
} as const;

export interface OpenPdfOptions {
  /** Shown in messages; default the file's name, or "The PDF" for bytes. */
  name?: string;
  maxPages?: number;
  timeoutMs?: number;
  /** 'thread' (the default wherever a thread entry is available) or 'inline' on the calling thread. */
  mode?: 'thread' | 'inline';
}

export interface RenderOptions {
  /** Resolution; default 200. 300 suits OCR of small print, 150 the review screen. */
  dpi?: number;
  /** Upper bounds in pixels: the page is scaled down (never up) to fit, e.g. for a QR reader. */
  maxWidth?: number;
  maxHeight?: number;
}

export interface PdfPageInfo {
  index: number;
  /** Upright size in points (1/72 inch). */
  width: number;
  height: number;
  /** Characters of the text layer that carry meaning (letters, digits, punctuation, symbols). */
  textChars: number;
  /** Why the page could not be read, if it could not. */
  error?: string;
}

export interface PdfAttachment {
  /** The embedded file's name, e.g. "factur-x.xml". */
  name: string;
  description: string;
  bytes: Buffer;
}

export interface PdfDocument {
  readonly name: string;
  /** Pages in the file. */
  readonly pageCount: number;
  /** The pages Shoebox reads: the first min(pageCount, maxPages). */
  readonly pages: readonly PdfPageInfo[];
  /** True when the file has more pages than are read. */
  readonly truncated: boolean;
  /**
   * True when the pages read carry real text (on average at least 20 meaningful characters a page),
   * false for a scan (images only): OCR the rendered pages then. For documents mixing both, each
   * page's `textChars` says which pages need OCR.
   */
  readonly hasTextLayer: boolean;
  /** Things the user should know: pages left out, pages or attachments that could not be read. */
  readonly notes: readonly string[];
  /** 'thread' or 'inline': where pdf.js runs for this document. */
  readonly mode: 'thread' | 'inline';
  /** The page's text layer in reading order, one line per line of text ('' for a scanned page). */
  text(pageIndex: number): Promise<string>;
  /** The same lines with their position on the page. */
  lines(pageIndex: number): Promise<PdfTextLine[]>;
  /** The page as an RGB PNG on white, its dpi recorded in the file (pHYs). */
  renderPage(pageIndex: number, options?: RenderOptions): Promise<Buffer>;
  /** Files embedded in the PDF (its EmbeddedFiles name tree). */
  attachments(): Promise<PdfAttachment[]>;
  /** Frees the reader; further calls fail. Safe to call twice. */
  close(): Promise<void>;
}

function unreadable(name: string, reason: string, message: string, cause?: string): AppError {
  return new AppError('FILE_UNREADABLE', message, { name, reason, ...(cause && { cause }) });
}

/** Turns a reader failure into the message a user sees. */
function toAppError(err: unknown, name: string, timeoutMs: number): AppError {
  if (err instanceof AppError) return err;
  if (!(err instanceof TransportError)) return unreadable(name, 'damaged', `${name} cannot be read: it is damaged or not a valid PDF`, String(err));
  switch (err.kind) {
    case 'password':
      return unreadable(
        name,
        'encrypted',
        `${name} is protected by a password, so Shoebox cannot read it. Save or print it as a PDF without a password and add that copy.`,
        err.message
      );
    case 'no-pages':
      return unreadable(name, 'no-pages', `${name} cannot be read: it has no pages`, err.message);
    case 'killed':
      return new AppError('INTERNAL', `${name} was closed while it was being read`, { name });
    case 'timeout':
      return unreadable(
        name,
        'timeout',
        `${name} took too long to read (more than ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}); it may be damaged or far too complex`,
        err.message
      );
    case 'memory':
      return unreadable(name, 'too-complex', `${name} is too large or complex to read: it needed more memory than Shoebox allows for one document`, err.message);
    case 'crashed':
      return unreadable(name, 'damaged', `${name} cannot be read: the PDF reader failed on it`, err.message);
    case 'startup':
    case 'no-thread':
      return new AppError('INTERNAL', 'Shoebox could not start its PDF reader', { name, cause: err.message });
    default:
      return unreadable(name, 'damaged', `${name} cannot be read: it is damaged or not a valid PDF`, err.message);
  }
}

const PDF_HEADER = Buffer.from('%PDF-');
const EOF_MARKER = /%%?EOF/;
/** The end-of-file marker must be this close to the end (writers may pad a little after it). */
const EOF_WINDOW = 16 * 1024;

/** The cheap checks, done before any reader starts. */
function checkBytes(bytes: Uint8Array, name: string): void {
  if (bytes.byteLength === 0) throw unreadable(name, 'empty', `${name} cannot be read: the file is empty`);
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new AppError('FILE_TOO_LARGE', `${name} is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; Shoebox reads files up to ${MAX_FILE_BYTES / 1024 / 1024} MB`, {
      name,
      size: bytes.byteLength,
      limit: MAX_FILE_BYTES,
    });
  }
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  if (head.indexOf(PDF_HEADER) === -1) throw unreadable(name, 'not-pdf', `${name} cannot be read: it is not a PDF document (or is damaged beyond repair)`);
  const tailStart = Math.max(0, bytes.byteLength - EOF_WINDOW);
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + tailStart, bytes.byteLength - tailStart).toString('latin1');
  if (!EOF_MARKER.test(tail)) {
    throw unreadable(
      name,
      'truncated',
      `${name} cannot be read: the file is incomplete (its end is missing), probably cut off while downloading or copying. Get the file again.`
    );
  }
}

async function readPdfFile(path: string, name: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw unreadable(name, 'not-file', `${name} cannot be read: it is not a file`);
    if (info.size > MAX_FILE_BYTES) {
      throw new AppError('FILE_TOO_LARGE', `${name} is ${(info.size / 1024 / 1024).toFixed(1)} MB; Shoebox reads files up to ${MAX_FILE_BYTES / 1024 / 1024} MB`, {
        name,
        size: info.size,
        limit: MAX_FILE_BYTES,
      });
    }
    return new Uint8Array(await readFile(path));
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw unreadable(name, 'access', `${name} cannot be read: ${code === 'ENOENT' ? 'the file is gone' : 'access was refused'}`, (err as Error).message);
  }
}

/** Set once a reader thread failed to start here: later documents are read inline straight away. */
let threadUnavailable = false;

/** Test hook: forget that a thread failed to start. */
export function resetThreadFallback(): void {
  threadUnavailable = false;
}

function transportFor(mode: OpenPdfOptions['mode']): Transport {
  if (mode === 'inline') return new InlineTransport();
  const script = threadScript();
  if (script && !(threadUnavailable && mode !== 'thread')) return new ThreadTransport(script);
  if (mode === 'thread') throw new AppError('INTERNAL', 'The PDF reader thread is not available here (no thread entry configured)');
  return new InlineTransport();
}

/**
 * Opens a PDF from its bytes or its path. Reads the text of the first `maxPages` pages at once
 * (that is what decides hasTextLayer); rendering and attachments come on request.
 *
 * Throws AppError FILE_UNREADABLE (details.reason: empty, not-pdf, truncated, encrypted, damaged,
 * no-pages, timeout, too-complex, access) or FILE_TOO_LARGE.
 */
export async function openPdf(source: Uint8Array | string, options: OpenPdfOptions = {}): Promise<PdfDocument> {
  const name = options.name ?? (typeof source === 'string' ? basename(source) : 'The PDF');
  const maxPages = Math.max(1, Math.floor(options.maxPages ?? PDF_LIMITS.maxPages));
  const timeoutMs = Math.max(1, options.timeoutMs ?? PDF_LIMITS.timeoutMs);
  const bytes = typeof source === 'string' ? await readPdfFile(source, name) : source;
  checkBytes(bytes, name);
  const transport = transportFor(options.mode);
  // pdf.js takes the buffer over (and the thread receives it by transfer): never the caller's.
  const doc = new Document(name, transport, timeoutMs, maxPages);
  try {
    await doc.load(new Uint8Array(bytes));
    return doc;
  } catch (err) {
    if (transport.dead?.kind !== 'no-thread' || options.mode === 'thread') throw err;
    // The thread could not start in this environment (a packaging problem): read on this thread.
    threadUnavailable = true;
    console.warn(`[pdf] ${transport.dead.message}; reading PDFs on the calling thread from now on`);
    const inline = new Document(name, new InlineTransport(), timeoutMs, maxPages);
    await inline.load(new Uint8Array(bytes));
    return inline;
  }
}

class Document implements PdfDocument {
  readonly name: string;
  pageCount = 0;
  pages: PdfPageInfo[] = [];
  truncated = false;
  hasTextLayer = false;
  notes: string[] = [];
  #transport: Transport;
  #timeoutMs: number;
  #maxPages: number;
  #lines: PdfTextLine[][] = [];
  #closed = false;
  /** Busy-time accounting: time spent with at least one call in flight. */
  #inFlight = 0;
  #busySince = 0;
  #usedMs = 0;
  #timer: NodeJS.Timeout | null = null;

  constructor(name: string, transport: Transport, timeoutMs: number, maxPages: number) {
    this.name = name;
    this.#transport = transport;
    this.#timeoutMs = timeoutMs;
    this.#maxPages = maxPages;
  }

  get mode(): 'thread' | 'inline' {
    return this.#transport.mode;
  }

  async #call<T>(op: 'open' | 'render' | 'attachments', args?: unknown, transfer?: ArrayBuffer[]): Promise<T> {
    if (this.#closed) throw new AppError('INTERNAL', `${this.name} has already been closed`);
    if (this.#transport.dead) throw toAppError(this.#transport.dead, this.name, this.#timeoutMs);
    this.#begin();
    try {
      return (await this.#transport.call(op, args, transfer)) as T;
    } catch (err) {
      throw toAppError(err, this.name, this.#timeoutMs);
    } finally {
      this.#end();
    }
  }

  #begin(): void {
    if (this.#inFlight++ > 0) return;
    this.#busySince = performance.now();
    const left = Math.max(0, this.#timeoutMs - this.#usedMs);
    this.#timer = setTimeout(() => {
      this.#transport.kill(new TransportError('timeout', `Stopped after ${this.#timeoutMs} ms`));
    }, left);
  }

  #end(): void {
    if (--this.#inFlight > 0) return;
    this.#usedMs += performance.now() - this.#busySince;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  async load(data: Uint8Array): Promise<void> {
    let result: OpenResult;
    try {
      result = await this.#call<OpenResult>('open', { data, maxPages: this.#maxPages, pdfjs: pdfjsLocation() }, [data.buffer as ArrayBuffer]);
    } catch (err) {
      this.#shutdown();
      throw err;
    }
    this.pageCount = result.pageCount;
    this.truncated = result.pageCount > result.pages.length;
    this.#lines = result.pages.map((page) => (page.error ? [] : groupLines(page.items)));
    this.pages = result.pages.map((page: RawPage, index) => ({
      index,
      width: page.width,
      height: page.height,
      textChars: meaningfulChars(this.#lines[index]!.map((l) => l.text).join('')),
      ...(page.error !== undefined && { error: page.error }),
    }));
    const readable = this.pages.filter((p) => p.error === undefined);
    if (readable.length === 0) {
      this.#shutdown();
      throw unreadable(this.name, 'damaged', `${this.name} cannot be read: none of its pages can be read`, this.pages[0]?.error);
    }
    const chars = readable.reduce((sum, p) => sum + p.textChars, 0);
    this.hasTextLayer = chars / readable.length >= PDF_LIMITS.textLayerMinChars;
    if (this.truncated) this.notes.push(`${this.name} has ${this.pageCount} pages; Shoebox reads the first ${this.pages.length}.`);
    const failed = this.pages.filter((p) => p.error !== undefined).map((p) => p.index + 1);
    if (failed.length > 0) this.notes.push(`${failed.length === 1 ? 'Page' : 'Pages'} ${failed.join(', ')} of ${this.name} could not be read.`);
  }

  #page(pageIndex: number): PdfPageInfo {
    if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= this.pageCount) {
      throw new AppError('VALIDATION_FAILED', `${this.name} has no page ${pageIndex + 1} (it has ${this.pageCount})`, { pageIndex, pageCount: this.pageCount });
    }
    const page = this.pages[pageIndex];
    if (!page) {
      throw new AppError('VALIDATION_FAILED', `Shoebox reads the first ${this.pages.length} pages of ${this.name}; page ${pageIndex + 1} is not read`, {
        pageIndex,
        pageCount: this.pageCount,
        maxPages: this.#maxPages,
      });
    }
    return page;
  }

  async text(pageIndex: number): Promise<string> {
    return (await this.lines(pageIndex)).map((l) => l.text).join('\n');
  }

  async lines(pageIndex: number): Promise<PdfTextLine[]> {
    if (this.#closed) throw new AppError('INTERNAL', `${this.name} has already been closed`);
    this.#page(pageIndex);
    return this.#lines[pageIndex]!.map((l) => ({ ...l, bbox: { ...l.bbox } }));
  }

  async renderPage(pageIndex: number, options: RenderOptions = {}): Promise<Buffer> {
    const page = this.#page(pageIndex);
    if (page.error !== undefined) throw unreadable(this.name, 'page', `Page ${pageIndex + 1} of ${this.name} cannot be read`, page.error);
    const scale = renderScale(page, options);
    const { rgba, width, height } = await this.#call<RenderResult>('render', { pageIndex, scale });
    return sharp(rgba, { raw: { width, height, channels: 4 } })
      .removeAlpha()
      .withMetadata({ density: Math.round(scale * 72) })
      .png({ compressionLevel: 6 })
      .toBuffer();
  }

  async attachments(): Promise<PdfAttachment[]> {
    const result = await this.#call<AttachmentsResult>('attachments');
    if (result.skipped.length > 0) {
      const note = `Some files embedded in ${this.name} were left out (too many or too large): ${result.skipped.join(', ')}.`;
      if (!this.notes.includes(note)) this.notes.push(note);
    }
    return result.files.map((f) => ({ name: f.name, description: f.description, bytes: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength) }));
  }

  #shutdown(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    // Calls still in flight are abandoned with the thread; otherwise the thread serves the next document.
    if (this.#inFlight > 0) this.#transport.kill(new TransportError('killed', 'The document was closed while busy'));
    else this.#transport.release();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#shutdown();
  }
}

/** Points to pixels: the requested dpi, reduced to fit maxWidth/maxHeight and the size caps. */
export function renderScale(page: { width: number; height: number }, options: RenderOptions = {}): number {
  const dpi = Math.min(PDF_LIMITS.maxDpi, Math.max(PDF_LIMITS.minDpi, options.dpi ?? PDF_LIMITS.defaultDpi));
  let scale = dpi / 72;
  const w = Math.max(page.width, 1);
  const h = Math.max(page.height, 1);
  if (options.maxWidth && options.maxWidth > 0) scale = Math.min(scale, options.maxWidth / w);
  if (options.maxHeight && options.maxHeight > 0) scale = Math.min(scale, options.maxHeight / h);
  scale = Math.min(scale, PDF_LIMITS.maxRenderSide / Math.max(w, h), Math.sqrt(PDF_LIMITS.maxRenderPixels / (w * h)));
  return scale;
}
