import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/**
 * Test-only: small, valid PDFs written byte by byte (objects, cross-reference table with real
 * offsets, trailer), so the reader's tests need no binary fixtures. Supports text in Helvetica,
 * grey images (a "scan"), page rotation, embedded files and the standard security handler
 * (RC4, 40 bit, revision 2) for password-protected documents.
 */

export interface TextRun {
  text: string;
  /** Points from the left edge. */
  x: number;
  /** Points from the top edge to the baseline. */
  y: number;
  size?: number;
}

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, rows top to bottom. */
  pixels: Uint8Array;
}

export interface PageSpec {
  width?: number;
  height?: number;
  /** Drawn in this order (which need not be reading order). */
  texts?: TextRun[];
  /** Stretched over the whole page, under the text. */
  image?: GreyImage;
  rotate?: 0 | 90 | 180 | 270;
}

export interface Attachment {
  name: string;
  content: string | Uint8Array;
  description?: string;
}

export interface PdfSpec {
  pages: PageSpec[];
  attachments?: Attachment[];
  /** Encrypts the content streams; an empty user password opens the file without asking. */
  encrypt?: { userPassword: string; ownerPassword: string };
  /** Writes this as the page tree's /Count instead of the real number of pages. */
  claimedPageCount?: number;
  /** Many pages can share one content stream to keep huge documents small. */
  shareContent?: boolean;
}

type Obj = { dict: string; stream?: Buffer };

const latin1 = (s: string) => Buffer.from(s, 'latin1');

function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

// --- The standard security handler, revision 2 (PDF 1.7, 7.6.3) ---------------------------------

const PADDING = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const padded = (password: string) => Buffer.concat([latin1(password), PADDING]).subarray(0, 32);
const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();

export function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

interface Security {
  dict: string;
  objectKey(num: number): Buffer;
}

function security(userPassword: string, ownerPassword: string, fileId: Buffer): Security {
  const permissions = -3904; // print and copy allowed, editing not: a typical "protected" invoice
  const o = rc4(md5(padded(ownerPassword)).subarray(0, 5), padded(userPassword));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = md5(padded(userPassword), o, p, fileId).subarray(0, 5);
  const u = rc4(key, PADDING);
  return {
    dict: `<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P ${permissions} >>`,
    objectKey(num: number) {
      const suffix = Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]);
      return md5(key, suffix).subarray(0, 10);
    },
  };
}

// --- Writing -------------------------------------------------------------------------------------

/** Objects are numbered 1.. in the order given; `root` is the catalog's number. */
export function writePdf(objects: Obj[], root: number, encrypt?: PdfSpec['encrypt']): Buffer {
  const fileId = md5(latin1(`shoebox-test-${objects.length}`));
  const sec = encrypt && security(encrypt.userPassword, encrypt.ownerPassword, fileId);
  const all = sec ? [...objects, { dict: sec.dict }] : objects;
  const parts: Buffer[] = [latin1('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  all.forEach((obj, i) => {
    const num = i + 1;
    offsets.push(length);
    let body: Buffer;
    if (obj.stream) {
      const data = sec && i < objects.length ? rc4(sec.objectKey(num), obj.stream) : obj.stream;
      const dict = obj.dict.replace(/>>\s*$/, ` /Length ${data.length} >>`);
      body = Buffer.concat([latin1(`${num} 0 obj\n${dict}\nstream\n`), data, latin1('\nendstream\nendobj\n')]);
    } else {
      body = latin1(`${num} 0 obj\n${obj.dict}\nendobj\n`);
    }
    parts.push(body);
    length += body.length;
  });
  const xref = [`xref\n0 ${all.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const id = fileId.toString('hex');
  const trailer = `trailer\n<< /Size ${all.length + 1} /Root ${root} 0 R /ID [<${id}> <${id}>]${sec ? ` /Encrypt ${all.length} 0 R` : ''} >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(latin1(xref + trailer));
  return Buffer.concat(parts);
}

function contentOf(page: PageSpec, width: number, height: number): Buffer {
  const ops: string[] = [];
  if (page.image) ops.push(`q ${width} 0 0 ${height} 0 0 cm /Im1 Do Q`);
  for (const t of page.texts ?? []) {
    ops.push(`BT /F1 ${t.size ?? 11} Tf ${t.x} ${(height - t.y).toFixed(2)} Td ${pdfString(t.text)} Tj ET`);
  }
  return latin1(ops.join('\n'));
}

/** Builds a PDF from a page-level description. */
export function makePdf(spec: PdfSpec): Buffer {
  // Strings in dictionaries are written in the clear, which an encrypted file must not do.
  if (spec.encrypt && spec.attachments?.length) throw new Error('makePdf: attachments in an encrypted PDF are not supported');
  const objects: Obj[] = [];
  const add = (obj: Obj) => objects.push(obj);
  add({ dict: '' }); // 1: catalog, filled in below
  add({ dict: '' }); // 2: page tree
  add({ dict: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' }); // 3
  const kids: number[] = [];
  let shared: number | null = null;
  for (const page of spec.pages) {
    const width = page.width ?? 595.28;
    const height = page.height ?? 841.89;
    let image = '';
    if (page.image) {
      const { width: w, height: h, pixels } = page.image;
      add({ dict: `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode >>`, stream: deflateSync(pixels) });
      image = ` /XObject << /Im1 ${objects.length} 0 R >>`;
    }
    let content: number;
    if (spec.shareContent && shared !== null) {
      content = shared;
    } else {
      add({ dict: '<< >>', stream: contentOf(page, width, height) });
      content = objects.length;
      shared = content;
    }
    add({
      dict: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}]${page.rotate ? ` /Rotate ${page.rotate}` : ''} /Resources << /Font << /F1 3 0 R >>${image} >> /Contents ${content} 0 R >>`,
    });
    kids.push(objects.length);
  }
  objects[1] = { dict: `<< /Type /Pages /Count ${spec.claimedPageCount ?? kids.length} /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] >>` };
  let names = '';
  const files = [...(spec.attachments ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1));
  if (files.length > 0) {
    const entries: string[] = [];
    for (const file of files) {
      const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
      add({ dict: `<< /Type /EmbeddedFile /Subtype /text#2Fxml /Params << /Size ${bytes.length} >> >>`, stream: bytes });
      const ef = objects.length;
      add({ dict: `<< /Type /Filespec /F ${pdfString(file.name)} /UF ${pdfString(file.name)} /Desc ${pdfString(file.description ?? '')} /AFRelationship /Alternative /EF << /F ${ef} 0 R /UF ${ef} 0 R >> >>` });
      entries.push(`${pdfString(file.name)} ${objects.length} 0 R`);
    }
    names = ` /Names << /EmbeddedFiles << /Names [${entries.join(' ')}] >> >>`;
  }
  objects[0] = { dict: `<< /Type /Catalog /Pages 2 0 R${names} >>` };
  return writePdf(objects, 1, spec.encrypt);
}

/** A grey "scan": white paper with dark bars where lines of print would be. */
export function scannedPage(width: number, height: number): GreyImage {
  const pixels = new Uint8Array(width * height).fill(250);
  const bar = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = Math.floor(y0 * height); y < Math.floor(y1 * height); y++) pixels.fill(30, y * width + Math.floor(x0 * width), y * width + Math.floor(x1 * width));
  };
  bar(0.1, 0.08, 0.5, 0.11);
  for (let i = 0; i < 12; i++) bar(0.1, 0.2 + i * 0.04, 0.1 + 0.3 + ((i * 37) % 40) / 100, 0.215 + i * 0.04);
  bar(0.55, 0.8, 0.9, 0.83);
  return { width, height, pixels };
}
