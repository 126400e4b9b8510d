import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Originals are copied into the data folder under the SHA-256 of their content and never changed:
 * files/ab/abcdef....pdf. The same content is stored once however often it is imported.
 */

export interface StoredFile {
  sha256: string;
  /** Relative to the data folder, with forward slashes, as it is kept in the ledger. */
  storedPath: string;
  size: number;
}

export function storedPathFor(sha256: string, ext: string): string {
  return `files/${sha256.slice(0, 2)}/${sha256}.${ext}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Hashes and copies in one read; the copy only appears under its final name once it is complete. */
export async function storeOriginal(dataDir: string, sourcePath: string, ext: string): Promise<StoredFile> {
  const tmpDir = join(dataDir, 'files', 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const tmp = join(tmpDir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(sourcePath), tap, createWriteStream(tmp, { flags: 'wx', flush: true }));
    const sha256 = hash.digest('hex');
    const storedPath = storedPathFor(sha256, ext);
    const target = join(dataDir, storedPath);
    if (await exists(target)) {
      await rm(tmp, { force: true });
    } else {
      await mkdir(join(dataDir, 'files', sha256.slice(0, 2)), { recursive: true });
      await rename(tmp, target);
    }
    return { sha256, storedPath, size };
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** SHA-256 of a file's content, for the duplicate check before anything is copied. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}
