/** Reading PDFs: the intake pipeline's entry points. */
export { openPdf, PDF_LIMITS, type OpenPdfOptions, type PdfAttachment, type PdfDocument, type PdfPageInfo, type RenderOptions } from './read-pdf';
export { configurePdfReader, type PdfReaderConfig } from './pdf-runtime';
export type { PdfTextLine } from './text-lines';
export { stopIdlePdfThreads } from './transport';
