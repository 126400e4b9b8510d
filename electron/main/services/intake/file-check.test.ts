import { chmodSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFile, MAX_FILE_BYTES } from './file-check';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shoebox-check-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const image = (format: 'png' | 'jpeg' | 'webp' | 'tiff') =>
  sharp({ create: { width: 40, height: 60, channels: 3, background: '#ffffff' } })
    .toFormat(format)
    .toBuffer();

const MINIMAL_PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

describe('checkFile', () => {
  it('accepts images and PDFs by their content, whatever their name', async () => {
    for (const format of ['png', 'jpeg', 'webp', 'tiff'] as const) {
      const path = join(dir, `scan.${format}`);
      writeFileSync(path, await image(format));
      expect((await checkFile(path)).kind, format).toBe('image');
    }
    const renamed = join(dir, 'looks-like.pdf');
    writeFileSync(renamed, await image('png'));
    expect(await checkFile(renamed)).toMatchObject({ mimeType: 'image/png', ext: 'png', name: 'looks-like.pdf' });
    const pdf = join(dir, 'invoice.bin');
    writeFileSync(pdf, MINIMAL_PDF);
    expect(await checkFile(pdf)).toMatchObject({ kind: 'pdf', ext: 'pdf' });
  });

  it('refuses other types with UNSUPPORTED_FILE', async () => {
    const text = join(dir, 'notes.jpg');
    writeFileSync(text, 'just some text, not a photo');
    await expect(checkFile(text)).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringContaining('notes.jpg') });
    const zip = join(dir, 'archive.zip');
    writeFileSync(zip, Buffer.from('504b0304140000000000', 'hex'));
    await expect(checkFile(zip)).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
  });

  it('refuses empty, missing and non-files with FILE_UNREADABLE', async () => {
    const empty = join(dir, 'empty.pdf');
    writeFileSync(empty, '');
    await expect(checkFile(empty)).rejects.toMatchObject({ code: 'FILE_UNREADABLE', message: expect.stringContaining('empty') });
    await expect(checkFile(join(dir, 'gone.pdf'))).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
    mkdirSync(join(dir, 'folder.pdf'));
    await expect(checkFile(join(dir, 'folder.pdf'))).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('refuses a file it may not read', async () => {
    const locked = join(dir, 'locked.png');
    writeFileSync(locked, await image('png'));
    chmodSync(locked, 0);
    await expect(checkFile(locked)).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });

  it('refuses files over 10 MB with FILE_TOO_LARGE and accepts exactly 10 MB', async () => {
    const big = join(dir, 'big.pdf');
    writeFileSync(big, MINIMAL_PDF);
    truncateSync(big, MAX_FILE_BYTES + 1);
    await expect(checkFile(big)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', details: { size: MAX_FILE_BYTES + 1 } });
    truncateSync(big, MAX_FILE_BYTES);
    expect((await checkFile(big)).size).toBe(MAX_FILE_BYTES);
  });
});
