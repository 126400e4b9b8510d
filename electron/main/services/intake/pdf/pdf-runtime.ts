import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PdfjsLocation } from './pdf-thread';

/**
 * Where the PDF reader finds its parts. Everything resolves from the installed packages by default,
 * which works in development, under vitest and under tsx. The packaged app overrides what a bundle
 * moves: see configurePdfReader.
 *
 * Packaging (electron-builder): the reader thread loads pdf.js, its data and the canvas binary with
 * plain file access, so these must sit outside app.asar (asarUnpack); pdfjsLocation() then prefers
 * the app.asar.unpacked copy:
 *   node_modules/@napi-rs/**   (the canvas wrapper and its platform package with the .node binary)
 *   node_modules/pdfjs-dist/{package.json,legacy/build/pdf.mjs,legacy/build/pdf.worker.mjs}
 *   node_modules/pdfjs-dist/{standard_fonts,cmaps,wasm}/**
 * pdfjs-dist's build/, web/, types/, image_decoders/ and iccs/ are never used (about 17 MB).
 */
export interface PdfReaderConfig {
  /**
   * The installed pdfjs-dist folder (holding legacy/, standard_fonts/, cmaps/, wasm/). Default: resolved
   * from node_modules. Inside app.asar, each part is taken from app.asar.unpacked where it exists.
   */
  pdfjsDir?: string;
  /**
   * The worker-thread entry (pdf-thread.ts, or the chunk a bundler made of it), or null to read PDFs
   * on the calling thread. Default: pdf-thread.ts beside this module when it exists (development,
   * tests, the CLI), else inline. In the Electron main, pass the bundled chunk's path, e.g. from
   * electron-vite's `import pdfThread from './services/intake/pdf/pdf-thread?modulePath'`.
   */
  threadScript?: string | null;
}

let config: PdfReaderConfig = {};

/** Overrides where the reader's parts are; call once at start-up, before the first openPdf. */
export function configurePdfReader(next: PdfReaderConfig): void {
  config = { ...config, ...next };
}

/** Test hook: back to the defaults. */
export function resetPdfReaderConfig(): void {
  config = {};
}

const require = createRequire(import.meta.url);

/** app.asar can only be read through Electron's fs patch: natives and data are read from its unpacked twin. */
export function unpackedPath(path: string): string {
  const unpacked = path.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
  return unpacked !== path && existsSync(unpacked) ? unpacked : path;
}

export function defaultPdfjsDir(): string {
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

/** A folder as pdf.js wants it: with a trailing slash (it appends file names). */
const folder = (dir: string, name: string) => {
  const path = unpackedPath(join(dir, name));
  return path.endsWith('/') ? path : `${path}/`;
};

/**
 * pdf.js's module and its data folders (fonts for the 14 standard PDF fonts, CJK cmaps, image
 * decoders), each taken from app.asar.unpacked when it was unpacked there.
 */
export function pdfjsLocation(): PdfjsLocation {
  const dir = config.pdfjsDir ?? defaultPdfjsDir();
  return {
    moduleUrl: pathToFileURL(unpackedPath(join(dir, 'legacy', 'build', 'pdf.mjs'))).href,
    standardFontDataUrl: folder(dir, 'standard_fonts'),
    cMapUrl: folder(dir, 'cmaps'),
    wasmUrl: folder(dir, 'wasm'),
  };
}

/**
 * Named through a variable so that no bundler turns it into an asset: a bundle has no pdf-thread.ts
 * beside it, finds none here and falls back to inline unless configured.
 */
const THREAD_SOURCE = './pdf-thread.ts';

export function threadScript(): string | null {
  if (config.threadScript !== undefined) return config.threadScript;
  const url = new URL(THREAD_SOURCE, import.meta.url);
  // Node runs the .ts entry itself (type stripping, on by default since Node 22.18).
  const canRunTs = Boolean((process.features as { typescript?: unknown }).typescript);
  return url.protocol === 'file:' && canRunTs && existsSync(url) ? fileURLToPath(url) : null;
}
