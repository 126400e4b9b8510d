import { fileTypeFromFile } from 'file-type';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../../shared/errors';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** What Shoebox reads, by content (never by the name's extension). */
const ACCEPTED: Record<string, { ext: string; kind: 'image' | 'pdf' }> = {
  'image/jpeg': { ext: 'jpg', kind: 'image' },
  'image/png': { ext: 'png', kind: 'image' },
  'image/webp': { ext: 'webp', kind: 'image' },
  'image/tiff': { ext: 'tif', kind: 'image' },
  'image/heic': { ext: 'heic', kind: 'image' },
  'image/heif': { ext: 'heic', kind: 'image' },
  'application/pdf': { ext: 'pdf', kind: 'pdf' },
};

export interface CheckedFile {
  path: string;
  name: string;
  size: number;
  mimeType: string;
  ext: string;
  kind: 'image' | 'pdf';
}

function unreadable(name: string, why: string, cause?: unknown): AppError {
  return new AppError('FILE_UNREADABLE', `${name} cannot be read: ${why}`, { name, ...(cause instanceof Error && { cause: cause.message }) });
}

/**
 * Decides from the bytes whether a file is something Shoebox can read, before anything is copied
 * or written. Refusals carry a stable code and say why in words a user understands.
 */
export async function checkFile(path: string): Promise<CheckedFile> {
  const name = basename(path);
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw unreadable(name, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file is gone' : 'access was refused', err);
  }
  if (!info.isFile()) throw unreadable(name, 'it is not a file');
  if (info.size === 0) throw unreadable(name, 'the file is empty');
  if (info.size > MAX_FILE_BYTES) {
    throw new AppError('FILE_TOO_LARGE', `${name} is ${(info.size / 1024 / 1024).toFixed(1)} MB; Shoebox reads files up to ${MAX_FILE_BYTES / 1024 / 1024} MB`, {
      name,
      size: info.size,
      limit: MAX_FILE_BYTES,
    });
  }
  let detected;
  try {
    // Opening first turns a permission problem into a clear error rather than "unknown type".
    await (await open(path, 'r')).close();
    detected = await fileTypeFromFile(path);
  } catch (err) {
    throw unreadable(name, 'access was refused', err);
  }
  const accepted = detected && ACCEPTED[detected.mime];
  if (!detected || !accepted) {
    throw new AppError(
      'UNSUPPORTED_FILE',
      `${name} is ${detected ? `a ${detected.ext.toUpperCase()} file` : 'not a file type Shoebox knows'}; Shoebox reads JPEG, PNG, WebP, TIFF and HEIC images and PDF documents`,
      { name, detected: detected?.mime ?? null }
    );
  }
  return { path, name, size: info.size, mimeType: detected.mime, ext: accepted.ext, kind: accepted.kind };
}
