import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/errors';
import { DEFAULT_OCR_LANGUAGES, parseOcrLanguages } from './languages';
import { OcrPool, defaultWorkerCount } from './pool';
import { MALAYSIAN_RECEIPT, renderDocument } from './test-fixtures';

describe('OCR settings', () => {
  it('parses the languages setting', () => {
    expect(parseOcrLanguages('eng+deu')).toEqual(['eng', 'deu']);
    expect(parseOcrLanguages(['FRA', 'ita', 'fra'])).toEqual(['fra', 'ita']);
    expect(parseOcrLanguages('')).toEqual([...DEFAULT_OCR_LANGUAGES]);
    expect(() => parseOcrLanguages('eng+klingon')).toThrow(/klingon/);
  });

  it('sizes the pool to the machine, leaving a core for the app', () => {
    expect(defaultWorkerCount(1)).toBe(1);
    expect(defaultWorkerCount(2)).toBe(1);
    expect(defaultWorkerCount(8)).toBe(4);
  });
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('OCR pool (real tesseract)', () => {
  const pool = new OcrPool({ languages: 'eng', workers: 1 });
  afterAll(() => pool.close());
  const receipt = renderDocument(MALAYSIAN_RECEIPT);

  it('starts lazily and reads text with words, lines, boxes and confidences', async () => {
    expect(pool.workerCount).toBe(0);
    const result = await pool.recognize(await receipt);
    expect(pool.workerCount).toBe(1);
    expect(result.rotation).toBe(0);
    expect(result.confidence).toBeGreaterThan(0.7);
    expect(result.text).toMatch(/Rounded Total \(RM\)/);
    const total = result.lines.find((l) => /Rounded Total/.test(l.text))!;
    expect(total.words.length).toBeGreaterThan(2);
    expect(total.bbox.y1).toBeGreaterThan(total.bbox.y0);
    expect(total.words.at(-1)!.text).toBe('9.00');
    expect(result.words.length).toBeGreaterThan(40);
  });

  it('reads single lines again on their own', async () => {
    const result = await pool.recognize(await receipt, { orientation: 0 });
    const total = result.lines.find((l) => /Rounded Total/.test(l.text))!;
    const [again] = await pool.readLines(await receipt, [total.bbox]);
    expect(again!.text).toMatch(/Rounded Total.*9\.00/);
    expect(again!.confidence).toBeGreaterThan(0.6);
  });

  it('turns a sideways scan upright', async () => {
    const sideways = await renderDocument(MALAYSIAN_RECEIPT, { rotate: 90 });
    const result = await pool.recognize(sideways);
    expect(result.rotation).toBe(270);
    expect(result.text).toMatch(/Rounded Total/);
    expect(result.height).toBeGreaterThan(result.width);
  });

  it('a job that times out is stopped and its worker replaced', async () => {
    const err = await failure(pool.recognize(await receipt, { timeoutMs: 1, orientation: 0 }));
    expect(err.code).toBe('OCR_FAILED');
    expect(err.details).toMatchObject({ reason: 'timeout' });
    // The next job runs on a fresh worker.
    const ok = await pool.recognize(await receipt, { orientation: 0 });
    expect(ok.text).toMatch(/CASH/);
    expect(pool.workerCount).toBe(1);
  });

  it('cancels running and queued jobs without leaving a worker stuck', async () => {
    const running = new AbortController();
    const queued = new AbortController();
    const image = await receipt;
    const first = failure(pool.recognize(image, { signal: running.signal, orientation: 0 }));
    const second = failure(pool.recognize(image, { signal: queued.signal, orientation: 0 }));
    queued.abort();
    setTimeout(() => running.abort(), 20);
    expect((await first).details).toMatchObject({ reason: 'cancelled' });
    expect((await second).details).toMatchObject({ reason: 'cancelled' });
    expect((await pool.recognize(await receipt, { orientation: 0 })).text).toMatch(/CHANGE/);
  });

  it('fails clearly on bytes that are not an image', async () => {
    const err = await failure(pool.recognize(Buffer.from('not an image at all'), { orientation: 0 }));
    expect(err.code).toBe('OCR_FAILED');
  });

  it('closes cleanly', async () => {
    const other = new OcrPool({ languages: 'eng', workers: 1 });
    const job = failure(other.recognize(await receipt, { orientation: 0 }));
    await other.close();
    expect((await job).details).toMatchObject({ reason: 'closed' });
    expect(other.workerCount).toBe(0);
    expect((await failure(other.recognize(await receipt))).details).toMatchObject({ reason: 'closed' });
  });
});
