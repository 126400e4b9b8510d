import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/errors';
import { MALAYSIAN_RECEIPT, renderDocument } from '../ocr/test-fixtures';
import { HEIC_MESSAGE, estimateTextSize, findDocument, inkMask, loadUpright, looksLikeHeic, prepareImage } from './index';

async function unreadable(input: Buffer): Promise<AppError> {
  const err = await prepareImage(input, { name: 'scan.jpg' }).then(
    () => null,
    (e: unknown) => e
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('FILE_UNREADABLE');
  return err as AppError;
}

/** A minimal ISO-BMFF header of an iPhone photo: "ftyp" box with brand heic. */
function heicHeader(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.writeUInt32BE(0, 12);
  ftyp.write('mif1heic', 16, 'latin1');
  return Buffer.concat([ftyp, Buffer.alloc(200, 7)]);
}

describe('opening images', () => {
  it('refuses corrupt, truncated and empty files with FILE_UNREADABLE', async () => {
    const jpeg = await renderDocument(MALAYSIAN_RECEIPT, { format: 'jpeg' });
    expect((await unreadable(Buffer.from('this is not an image'))).message).toMatch(/scan\.jpg cannot be read/);
    await unreadable(jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    await unreadable(Buffer.alloc(0));
  });

  it('says that HEIC is not supported by this build', async () => {
    expect(looksLikeHeic(heicHeader())).toBe(true);
    const err = await unreadable(heicHeader());
    expect(err.message).toContain(HEIC_MESSAGE);
    expect(err.message).toMatch(/HEIC/);
  });

  it('does not mistake AVIF for HEIC', () => {
    const avif = heicHeader();
    avif.write('avif', 8, 'latin1');
    avif.write('avif', 16, 'latin1');
    avif.write('avif', 20, 'latin1');
    expect(looksLikeHeic(avif)).toBe(false);
  });

  it('applies the EXIF orientation', async () => {
    const landscape = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#fff' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const image = await loadUpright(landscape);
    expect(image.exifOrientation).toBe(6);
    expect([image.width, image.height]).toEqual([200, 300]);
  });
});

describe('finding the document', () => {
  it('crops a receipt photographed on a dark table, keeping a margin and all the text', async () => {
    const photo = await renderDocument(MALAYSIAN_RECEIPT, { background: { color: '#3a3a3a', margin: 200 } });
    const paper = await sharp(await renderDocument(MALAYSIAN_RECEIPT)).metadata();
    const image = await loadUpright(photo);
    const { box } = await findDocument(image);
    expect(box).not.toBeNull();
    // The paper sits at (400, 200); the box holds all of it and not much more.
    expect(box!.left).toBeLessThanOrEqual(400);
    expect(box!.top).toBeLessThanOrEqual(200);
    expect(box!.left + box!.width).toBeGreaterThanOrEqual(400 + paper.width!);
    expect(box!.top + box!.height).toBeGreaterThanOrEqual(200 + paper.height!);
    expect(box!.width).toBeLessThan(paper.width! * 1.2);
  });

  it('leaves a plain scan alone', async () => {
    const { box } = await findDocument(await loadUpright(await renderDocument(MALAYSIAN_RECEIPT)));
    expect(box).toBeNull();
  });

  it('crops a small receipt on a white scanner page to its content', async () => {
    const receipt = await renderDocument(MALAYSIAN_RECEIPT);
    const page = await sharp({ create: { width: 2000, height: 2800, channels: 3, background: '#fdfdfd' } })
      .composite([{ input: receipt, left: 150, top: 120 }])
      .png()
      .toBuffer();
    const { box } = await findDocument(await loadUpright(page));
    const size = await sharp(receipt).metadata();
    expect(box).not.toBeNull();
    expect(box!.left).toBeLessThanOrEqual(150 + 40);
    expect(box!.left + box!.width).toBeGreaterThanOrEqual(150 + size.width! - 40);
    expect(box!.width * box!.height).toBeLessThan(2000 * 2800 * 0.5);
  });
});

describe('derived images', () => {
  it('makes a grey OCR copy at a readable text size, a display image and a thumbnail', async () => {
    const small = await renderDocument(MALAYSIAN_RECEIPT, { width: 320, fontSize: 11 });
    const prepared = await prepareImage(small);
    expect(prepared.ocr.lineHeight).toBeGreaterThan(5);
    expect(prepared.ocr.scale).toBeGreaterThan(1.5);
    expect((await sharp(prepared.ocr.png).metadata()).channels).toBe(1);
    expect(prepared.display!.format).toBe('webp');
    expect(Math.max(prepared.display!.width, prepared.display!.height)).toBeLessThanOrEqual(2000);
    expect(Math.max(prepared.thumbnail!.width, prepared.thumbnail!.height)).toBe(320);
  });

  it('measures the height of text lines', async () => {
    const receipt = await renderDocument(MALAYSIAN_RECEIPT, { fontSize: 22 });
    const { data, info } = await sharp(receipt).greyscale().raw().toBuffer({ resolveWithObject: true });
    const background = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).blur(12).raw().toBuffer();
    const size = estimateTextSize(inkMask(data, background), info.width, info.height);
    expect(size!.lineHeight).toBeGreaterThan(14);
    expect(size!.lineHeight).toBeLessThan(30);
  });
});
