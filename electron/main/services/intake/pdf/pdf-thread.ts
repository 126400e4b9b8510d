/**
 * The PDF engine: pdf.js and the canvas, doing the actual reading. It normally runs in a worker
 * thread of its own (see read-pdf.ts), so parsing and rendering never block the Electron main
 * process and a runaway document can be stopped by terminating the thread; it can also run inline.
 *
 * Node loads this file directly as the worker's entry in development and tests (type stripping),
 * so it keeps to erasable TypeScript, imports only Node built-ins at run time (pdf.js comes by URL)
 * and takes other modules' types with `import type`. It never throws AppError: failures cross the
 * thread boundary as plain data (EngineFailure) and read-pdf.ts turns them into messages.
 */
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Where pdf.js and its data live; every folder path ends with a slash (pdf.js concatenates names). */
export interface PdfjsLocation {
  /** file: URL of pdfjs-dist/legacy/build/pdf.mjs */
  moduleUrl: string;
  standardFontDataUrl: string;
  cMapUrl: string;
  wasmUrl: string;
}

/** A text run as pdf.js reports it, in page points measured from the top left of the upright page. */
export interface RawTextItem {
  str: string;
  /** Start of the baseline. */
  x: number;
  y: number;
  /** Advance along the baseline. */
  w: number;
  /** Font size (glyph height). */
  h: number;
  /** Direction of the baseline in degrees, clockwise from the page's x axis (0 = normal text). */
  angle: number;
}

export interface RawPage {
  /** Upright size in points (the page's /Rotate applied). */
  width: number;
  height: number;
  items: RawTextItem[];
  /** Set when the page could not be read; items is then empty. */
  error?: string;
}

export interface OpenResult {
  pageCount: number;
  /** The first min(pageCount, maxPages) pages. */
  pages: RawPage[];
}

/** Raw pixels, 4 bytes a pixel (RGBA, opaque), rows top to bottom: PNG encoding is left to the caller. */
export interface RenderResult {
  rgba: Uint8Array;
  width: number;
  height: number;
}

export interface RawAttachment {
  name: string;
  description: string;
  bytes: Uint8Array;
}

export interface AttachmentsResult {
  files: RawAttachment[];
  /** Names left out because of the count or size limits. */
  skipped: string[];
}

/**
 * password: encrypted with a user password; invalid: not a PDF or damaged; no-pages; page: one page
 * failed; startup: pdf.js itself could not be loaded; internal: anything else pdf.js threw.
 */
export type FailureKind = 'password' | 'invalid' | 'no-pages' | 'page' | 'startup' | 'internal';

export interface EngineFailure {
  kind: FailureKind;
  message: string;
}

export interface OpenArgs {
  data: Uint8Array;
  maxPages: number;
  pdfjs: PdfjsLocation;
}

export interface RenderArgs {
  pageIndex: number;
  scale: number;
}

/** Caps that keep one document from exhausting memory, whatever it claims. */
export const ENGINE_LIMITS = {
  /** Images inside the PDF above this many pixels are not decoded (pdf.js leaves them out). */
  maxImagePixels: 64_000_000,
  maxAttachments: 20,
  maxAttachmentBytes: 20 * 1024 * 1024,
  maxAttachmentTotalBytes: 40 * 1024 * 1024,
} as const;

type PdfjsModule = typeof Pdfjs;
type Canvas = { width: number; height: number; data(): Uint8Array };
type CanvasAndContext = { canvas: Canvas | null; context: unknown };
type CanvasFactory = { create(w: number, h: number): CanvasAndContext; destroy(c: CanvasAndContext): void };

const modules = new Map<string, Promise<PdfjsModule>>();

function loadPdfjs(url: string): Promise<PdfjsModule> {
  let module = modules.get(url);
  if (!module) {
    module = import(/* @vite-ignore */ url) as Promise<PdfjsModule>;
    modules.set(url, module);
    module.catch(() => modules.delete(url));
  }
  return module;
}

export class EngineError extends Error {
  readonly kind: FailureKind;
  constructor(kind: FailureKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/** pdf.js signals problems with exception classes named like these. */
export function toFailure(err: unknown): EngineFailure {
  if (err instanceof EngineError) return { kind: err.kind, message: err.message };
  const name = (err as { name?: unknown } | null)?.name;
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return { kind: 'password', message };
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') return { kind: 'invalid', message };
  return { kind: 'internal', message };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export class PdfEngine {
  #doc: Pdfjs.PDFDocumentProxy | null = null;
  #maxPages = 0;

  async open({ data, maxPages, pdfjs: where }: OpenArgs): Promise<OpenResult> {
    await this.close(); // one document per engine
    let pdfjs: PdfjsModule;
    try {
      pdfjs = await loadPdfjs(where.moduleUrl);
    } catch (err) {
      throw new EngineError('startup', `pdf.js could not be loaded from ${where.moduleUrl}: ${(err as Error).message}`);
    }
    const task = pdfjs.getDocument({
      data,
      standardFontDataUrl: where.standardFontDataUrl,
      cMapUrl: where.cMapUrl,
      cMapPacked: true,
      wasmUrl: where.wasmUrl,
      // Nothing from the document runs as code (pdf.js 6 has no eval path left, XFA stays off, the
      // JavaScript sandbox is a separate build we do not load) and nothing is fetched from outside.
      enableXfa: false,
      useSystemFonts: false,
      disableFontFace: true,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      disableWorkerRendering: true,
      maxImageSize: ENGINE_LIMITS.maxImagePixels,
      stopAtErrors: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    });
    let doc: Pdfjs.PDFDocumentProxy;
    try {
      doc = await task.promise;
    } catch (err) {
      await task.destroy().catch(() => undefined);
      throw err;
    }
    this.#doc = doc;
    this.#maxPages = maxPages;
    const pageCount = doc.numPages;
    if (!Number.isInteger(pageCount) || pageCount < 1) throw new EngineError('no-pages', 'The document has no pages');
    const pages: RawPage[] = [];
    for (let i = 0; i < Math.min(pageCount, maxPages); i++) pages.push(await this.#readPage(doc, pdfjs, i));
    return { pageCount, pages };
  }

  async #readPage(doc: Pdfjs.PDFDocumentProxy, pdfjs: PdfjsModule, index: number): Promise<RawPage> {
    let page: Pdfjs.PDFPageProxy;
    try {
      page = await doc.getPage(index + 1);
    } catch (err) {
      return { width: 0, height: 0, items: [], error: toFailure(err).message };
    }
    const viewport = page.getViewport({ scale: 1 });
    const result: RawPage = { width: round2(viewport.width), height: round2(viewport.height), items: [] };
    try {
      const content = await page.getTextContent();
      for (const item of content.items) {
        // Space-only runs are kept: they are the word breaks some writers emit instead of gaps.
        if (!('str' in item) || item.str === '') continue;
        // Page space to upright top-left space: the viewport applies /Rotate and flips y.
        const [a, b, c, d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
        const angle = Math.round((Math.atan2(b!, a!) * 180) / Math.PI);
        result.items.push({
          str: item.str,
          x: round2(e!),
          y: round2(f!),
          w: round2(Math.abs(item.width)),
          h: round2(Math.hypot(c!, d!)),
          angle: angle === -180 ? 180 : angle,
        });
      }
    } catch (err) {
      result.error = toFailure(err).message;
    } finally {
      page.cleanup();
    }
    return result;
  }

  #document(): Pdfjs.PDFDocumentProxy {
    if (!this.#doc) throw new EngineError('internal', 'The document is not open');
    return this.#doc;
  }

  async render({ pageIndex, scale }: RenderArgs): Promise<RenderResult> {
    const doc = this.#document();
    if (!(pageIndex >= 0 && pageIndex < Math.min(doc.numPages, this.#maxPages))) throw new EngineError('page', `There is no page ${pageIndex + 1}`);
    let page: Pdfjs.PDFPageProxy;
    try {
      page = await doc.getPage(pageIndex + 1);
    } catch (err) {
      throw new EngineError('page', toFailure(err).message);
    }
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.round(viewport.width));
    const height = Math.max(1, Math.round(viewport.height));
    const factory = doc.canvasFactory as CanvasFactory;
    const target = factory.create(width, height);
    try {
      const canvas = target.canvas!;
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: 'rgb(255,255,255)' }).promise;
      // The canvas's own PNG encoder is slow (0.3-0.8 s for an A4 page at 200-300 dpi); raw pixels
      // cross to the caller by transfer and sharp encodes them off the main thread in ~50 ms.
      const pixels = canvas.data();
      const rgba = new Uint8Array(pixels.byteLength);
      rgba.set(pixels);
      return { rgba, width, height };
    } catch (err) {
      const failure = toFailure(err);
      throw new EngineError(failure.kind === 'internal' ? 'page' : failure.kind, failure.message);
    } finally {
      factory.destroy(target);
      page.cleanup();
    }
  }

  async attachments(): Promise<AttachmentsResult> {
    const doc = this.#document();
    const listed = await doc.getAttachments();
    const files: RawAttachment[] = [];
    const skipped: string[] = [];
    let total = 0;
    for (const [id, meta] of listed ?? []) {
      const name = meta.filename || id;
      if (files.length >= ENGINE_LIMITS.maxAttachments) {
        skipped.push(name);
        continue;
      }
      let bytes: Uint8Array | null | undefined = meta.content;
      if (!bytes) {
        try {
          bytes = await doc.getAttachmentContent(id);
        } catch {
          bytes = null;
        }
      }
      if (!bytes || bytes.byteLength > ENGINE_LIMITS.maxAttachmentBytes || total + bytes.byteLength > ENGINE_LIMITS.maxAttachmentTotalBytes) {
        skipped.push(name);
        continue;
      }
      total += bytes.byteLength;
      files.push({ name, description: meta.description ?? '', bytes });
    }
    return { files, skipped };
  }

  async close(): Promise<void> {
    const doc = this.#doc;
    this.#doc = null;
    if (doc) await doc.loadingTask.destroy().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// The worker-thread side: one engine per thread, requests answered in order of completion.
// ---------------------------------------------------------------------------------------------

export const THREAD_MARK = 'shoebox-pdf-thread';

export type EngineOp = 'open' | 'render' | 'attachments' | 'close';

export interface ThreadRequest {
  id: number;
  op: EngineOp;
  args?: unknown;
}

export type ThreadReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; failure: EngineFailure };

/** What a thread says: first whether it can serve at all, then replies. */
export type ThreadMessage = ThreadReply | { ready: true } | { ready: false; reason: string };

/** Dispatches one request to an engine; the same code serves the thread and inline use. */
export async function runOp(engine: PdfEngine, op: EngineOp, args: unknown): Promise<unknown> {
  switch (op) {
    case 'open':
      return engine.open(args as OpenArgs);
    case 'render':
      return engine.render(args as RenderArgs);
    case 'attachments':
      return engine.attachments();
    case 'close':
      return engine.close();
    default:
      throw new EngineError('internal', `Unknown operation ${String(op)}`);
  }
}

function transferablesOf(result: unknown): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (bytes: Uint8Array) => {
    // Only a buffer the view owns whole can be handed over without copying someone else's memory.
    if (bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !out.includes(bytes.buffer)) out.push(bytes.buffer);
  };
  const r = result as Partial<RenderResult & AttachmentsResult> | null;
  if (r?.rgba instanceof Uint8Array) add(r.rgba);
  for (const file of r?.files ?? []) add(file.bytes);
  return out;
}

function serve(port: MessagePort): void {
  // pdf.js decides once whether it runs in Node; under Electron it requires process.type to be unset
  // or 'browser' (the main process). Should a thread ever look like a renderer, say so: the caller
  // then reads on its own thread instead.
  const type = (process as { type?: string }).type;
  if (process.versions.electron && type && type !== 'browser') {
    port.postMessage({ ready: false, reason: `process.type is "${type}"` } satisfies ThreadMessage);
    return;
  }
  const engine = new PdfEngine();
  port.postMessage({ ready: true } satisfies ThreadMessage);
  port.on('message', (request: ThreadRequest) => {
    runOp(engine, request.op, request.args).then(
      (result) => {
        const reply: ThreadReply = { id: request.id, ok: true, result };
        try {
          port.postMessage(reply, transferablesOf(result));
        } catch {
          port.postMessage(reply);
        }
      },
      (err: unknown) => {
        const reply: ThreadReply = { id: request.id, ok: false, failure: toFailure(err) };
        port.postMessage(reply);
      }
    );
  });
}

if (!isMainThread && parentPort && (workerData as { mark?: unknown } | null)?.mark === THREAD_MARK) serve(parentPort);
