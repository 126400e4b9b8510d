import { constants } from 'node:fs';
import { copyFile, lstat, mkdir, open, rename, stat, unlink, utimes } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { AppError } from '../../../../../shared/errors';
import { PROCESSED_DIR, pathSegments } from './ignore-rules';

const MAX_NUMBERED_NAMES = 999;

function moveFailed(filePath: string, why: string, cause?: unknown): AppError {
  return new AppError('MOVE_FAILED', `${basename(filePath)} could not be moved to the processed folder: ${why}. It was left where it is.`, {
    path: filePath,
    ...(cause instanceof Error && { cause: cause.message }),
  });
}

function code(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** "scan.pdf" → "scan (2).pdf"; names starting with a dot keep it ("(2)" goes at the end). */
function numbered(name: string, n: number): string {
  const ext = extname(name);
  const stem = ext && ext !== name ? name.slice(0, -ext.length) : name;
  return ext && ext !== name ? `${stem} (${n})${ext}` : `${name} (${n})`;
}

/**
 * Claims a free name in `dir` by creating it exclusively (O_EXCL), so two moves can never pick
 * the same name and nothing already there is ever replaced: "name", then "name (2)", "name (3)"…
 */
async function claimName(dir: string, name: string): Promise<string> {
  for (let n = 1; n <= MAX_NUMBERED_NAMES + 1; n++) {
    const candidate = join(dir, n === 1 ? name : n <= MAX_NUMBERED_NAMES ? numbered(name, n) : numbered(name, Date.now()));
    try {
      await (await open(candidate, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY)).close();
      return candidate;
    } catch (err) {
      if (code(err) !== 'EEXIST') throw err;
    }
  }
  throw new Error('no free name');
}

async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

/**
 * Moves a processed file from the watched inbox into `<folder>/processed/`, keeping its subfolder
 * (`<folder>/a/b.pdf` → `<folder>/processed/a/b.pdf`) and returning where it ended up.
 *
 * - Never overwrites: a taken name becomes "b (2).pdf", "b (3).pdf"… The name is claimed with an
 *   exclusive create, then the file is renamed over that (empty, own) placeholder — an atomic step.
 * - Across devices (`processed/` a link to another drive, a network share): the rename fails with
 *   EXDEV, so the file is copied, flushed to disk, given its original times, and only then is the
 *   original deleted.
 * - Never loses the file: on any failure the original stays where it was (a half-made copy and the
 *   placeholder are removed) and a MOVE_FAILED error says why. Should deleting the original fail
 *   after a complete copy, the copy is removed again, so the file is never in two places either.
 */
export async function moveToProcessed(folder: string, filePath: string): Promise<string> {
  const root = resolve(folder);
  const source = resolve(filePath);
  const rel = relative(root, source);
  const parts = pathSegments(rel);
  if (rel === '' || isAbsolute(rel) || parts[0] === '..') {
    throw new AppError('VALIDATION_FAILED', `${source} is not inside the inbox folder ${root}`, { path: source, folder: root });
  }
  if (parts[0]?.toLowerCase() === PROCESSED_DIR) {
    throw new AppError('VALIDATION_FAILED', `${source} is already in the processed folder`, { path: source });
  }

  let sourceStats;
  try {
    sourceStats = await lstat(source);
  } catch (err) {
    throw moveFailed(source, code(err) === 'ENOENT' ? 'the file is gone' : 'access was refused', err);
  }
  if (sourceStats.isDirectory()) throw moveFailed(source, 'it is a folder, not a file');

  const targetDir = join(root, PROCESSED_DIR, dirname(rel));
  let target: string;
  try {
    await mkdir(targetDir, { recursive: true });
    target = await claimName(targetDir, basename(source));
  } catch (err) {
    throw moveFailed(source, `the processed folder cannot be written to (${code(err) ?? 'error'})`, err);
  }

  try {
    await rename(source, target);
    return target;
  } catch (err) {
    if (code(err) !== 'EXDEV') {
      await removeQuietly(target);
      throw moveFailed(source, code(err) === 'ENOENT' ? 'the file is gone' : `the move was refused (${code(err) ?? 'error'})`, err);
    }
  }

  // Another device: copy, make the copy durable, and only then remove the original.
  try {
    const original = await stat(source);
    await copyFile(source, target);
    const handle = await open(target, 'r+');
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
    const copied = await stat(target);
    if (copied.size !== original.size) throw new Error(`copy is ${copied.size} bytes, original ${original.size}`);
    await utimes(target, original.atime, original.mtime).catch(() => undefined);
  } catch (err) {
    await removeQuietly(target);
    throw moveFailed(source, `copying it to the other drive failed (${code(err) ?? (err as Error).message})`, err);
  }
  try {
    await unlink(source);
  } catch (err) {
    if (code(err) === 'ENOENT') return target; // someone else removed it meanwhile: the copy is all there is now
    await removeQuietly(target);
    throw moveFailed(source, `the original cannot be removed (${code(err) ?? 'error'})`, err);
  }
  return target;
}
