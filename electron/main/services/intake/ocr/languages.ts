import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { AppError } from '../../../../../shared/errors';

/**
 * OCR languages and their trained data. Each language ships in its own npm package
 * (@tesseract.js-data/<code>, folder 4.0.0_best_int: LSTM-only, integer-quantised "best" models,
 * gzipped). tesseract.js reads every language from one folder, so the requested ones are unpacked
 * once into a shared folder (default: the system temp folder) and read from there: no network,
 * and no gunzip in every worker start.
 */

export const OCR_LANGUAGES = ['eng', 'deu', 'fra', 'ita'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];
export const DEFAULT_OCR_LANGUAGES: readonly OcrLanguage[] = ['eng', 'deu'];

const MODEL_FOLDER = '4.0.0_best_int';

export function isOcrLanguage(code: string): code is OcrLanguage {
  return (OCR_LANGUAGES as readonly string[]).includes(code);
}

/**
 * Reads the languages setting: "eng+deu", "eng,fra", ["ita"]. Unknown codes are an error, order is
 * kept (the first language is tesseract's primary one), duplicates dropped, empty means the default.
 */
export function parseOcrLanguages(setting: string | readonly string[] | undefined | null): OcrLanguage[] {
  const parts = (typeof setting === 'string' ? setting.split(/[+,\s]+/) : [...(setting ?? [])])
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (parts.length === 0) return [...DEFAULT_OCR_LANGUAGES];
  const unknown = parts.filter((p) => !isOcrLanguage(p));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', `OCR language ${unknown.join(', ')} is not available; Shoebox reads ${OCR_LANGUAGES.join(', ')}`, {
      unknown,
    });
  }
  return [...new Set(parts as OcrLanguage[])];
}

const require = createRequire(import.meta.url);

/** Where an installed language package keeps its gzipped model (inside an asar archive, its unpacked twin). */
export function packagedModelPath(lang: OcrLanguage): string {
  let pkg: string;
  try {
    pkg = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
  } catch (err) {
    throw new AppError('OCR_FAILED', `The OCR data for language ${lang} is not installed`, { lang, cause: (err as Error).message });
  }
  return join(pkg.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked'), MODEL_FOLDER, `${lang}.traineddata.gz`);
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}

/** The folder unpacked models live in: one per source folder, so a changed install never mixes. */
export function defaultModelDir(): string {
  const key = createHash('sha256').update(dirname(packagedModelPath('eng'))).digest('hex').slice(0, 10);
  return join(tmpdir(), `shoebox-tessdata-${key}`);
}

const inFlight = new Map<string, Promise<void>>();

async function unpack(source: string, target: string): Promise<void> {
  // A marker beside the model records the source size: a stale or partial unpack is redone.
  const sourceSize = await sizeOf(source);
  if (sourceSize === null) throw new AppError('OCR_FAILED', `OCR data file ${source} is missing`, { source });
  const marker = `${target}.from-${sourceSize}`;
  if ((await sizeOf(target)) && (await sizeOf(marker)) !== null) return;
  const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
  try {
    await pipeline(createReadStream(source), createGunzip(), createWriteStream(tmp));
    // rename is atomic: another process unpacking at the same time just wins or loses the race.
    await rename(tmp, target);
    await writeFile(marker, '');
  } catch (err) {
    await rm(tmp, { force: true });
    throw new AppError('OCR_FAILED', `The OCR data for ${target} could not be prepared`, { cause: (err as Error).message });
  }
}

/**
 * Makes sure `<dir>/<lang>.traineddata` exists for each language and returns the folder.
 * Safe to call concurrently, also from several processes.
 */
export async function ensureModels(languages: readonly OcrLanguage[], dir: string = defaultModelDir()): Promise<string> {
  await mkdir(dir, { recursive: true });
  await Promise.all(
    languages.map((lang) => {
      const target = join(dir, `${lang}.traineddata`);
      let job = inFlight.get(target);
      if (!job) {
        job = unpack(packagedModelPath(lang), target).finally(() => inFlight.delete(target));
        inFlight.set(target, job);
      }
      return job;
    })
  );
  return dir;
}
