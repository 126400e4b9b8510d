import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isIgnoredName, MAX_DEPTH } from './ignore-rules';

export type SkipReason = 'not-found' | 'access-denied' | 'not-a-file' | 'symlink-loop' | 'too-deep' | 'too-many-files';

export interface SkippedPath {
  path: string;
  reason: SkipReason;
  /** In words a user understands. */
  message: string;
}

export interface ExpandedPaths {
  /** Every file found, in a stable order: the order the paths were given, each folder by name. */
  files: string[];
  /** What was given (or found inside a folder) but cannot be imported, with the reason. */
  skipped: SkippedPath[];
}

export interface ExpandOptions {
  /** Folder levels below a given folder that are looked into (default {@link MAX_DEPTH}). */
  maxDepth?: number;
  /** Stops collecting after this many files (default 10,000), so dropping a home folder cannot run away. */
  maxFiles?: number;
}

export const MAX_EXPANDED_FILES = 10_000;

export interface WalkEntry {
  path: string;
  stats: Stats;
}

export interface WalkOptions {
  maxDepth: number;
  /** Follow symlinked folders (loop-guarded by real path). Symlinked files are always followed. */
  followSymlinks: boolean;
  /** True to leave out a file or folder (and everything inside a folder). */
  skip(path: string, name: string): boolean;
  onProblem?(path: string, reason: SkipReason, cause?: unknown): void;
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

function reasonFor(err: unknown): SkipReason | undefined {
  switch (errorCode(err)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'not-found';
    case 'EACCES':
    case 'EPERM':
      return 'access-denied';
    case 'ELOOP':
      return 'symlink-loop';
    default:
      return undefined;
  }
}

/**
 * Walks a folder depth-first, entries in name order (code-point order, the same on every machine
 * and locale), yielding regular files with their stats (a symlinked file yields the target's
 * stats under the link's path). Entries that vanish during the walk are passed over silently.
 */
export async function* walkFiles(root: string, options: WalkOptions): AsyncGenerator<WalkEntry> {
  const visited = new Set<string>();
  try {
    visited.add(await realpath(root));
  } catch (err) {
    options.onProblem?.(root, reasonFor(err) ?? 'access-denied', err);
    return;
  }
  yield* walkDirectory(root, 0, visited, options);
}

async function* walkDirectory(dir: string, level: number, visited: Set<string>, options: WalkOptions): AsyncGenerator<WalkEntry> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    const reason = reasonFor(err);
    if (reason !== 'not-found') options.onProblem?.(dir, reason ?? 'access-denied', err);
    return;
  }
  entries.sort(byName);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (options.skip(path, entry.name)) continue;
    let stats: Stats;
    try {
      // stat follows links, tells types the listing left unknown, and gives the size and time.
      stats = await stat(path);
    } catch (err) {
      const reason = reasonFor(err);
      // A link that points nowhere is worth reporting; a file deleted mid-walk is not.
      if (reason === 'symlink-loop' || (reason === 'not-found' && entry.isSymbolicLink())) options.onProblem?.(path, reason, err);
      else if (reason === 'access-denied') options.onProblem?.(path, reason, err);
      continue;
    }
    if (stats.isFile()) {
      yield { path, stats };
      continue;
    }
    if (!stats.isDirectory()) continue; // sockets, pipes, devices
    if (entry.isSymbolicLink() && !options.followSymlinks) continue;
    if (level + 1 > options.maxDepth) {
      options.onProblem?.(path, 'too-deep');
      continue;
    }
    let real: string;
    try {
      real = await realpath(path);
    } catch (err) {
      options.onProblem?.(path, reasonFor(err) ?? 'access-denied', err);
      continue;
    }
    if (visited.has(real)) {
      if (entry.isSymbolicLink()) options.onProblem?.(path, 'symlink-loop');
      continue;
    }
    visited.add(real);
    yield* walkDirectory(path, level + 1, visited, options);
  }
}

function describe(reason: SkipReason, maxDepth: number, maxFiles: number): string {
  switch (reason) {
    case 'not-found':
      return 'it does not exist (any more)';
    case 'access-denied':
      return 'Shoebox is not allowed to read it';
    case 'not-a-file':
      return 'it is neither a file nor a folder';
    case 'symlink-loop':
      return 'it is a link that leads back into a folder already being read';
    case 'too-deep':
      return `it is nested more than ${maxDepth} folders deep`;
    case 'too-many-files':
      return `more than ${maxFiles.toLocaleString('en')} files were found; the rest were left out`;
  }
}

/**
 * Turns what the user dropped (or passed on the command line) into a list of files: files as they
 * are — even hidden ones, since the user chose them explicitly — and folders walked recursively with
 * the inbox's ignore rules (hidden, temporary and system files left out), symlinked folders
 * followed but never twice, and at most `maxDepth` levels deep. A file reached twice (given twice,
 * or inside a folder that was also given) is listed once, under the first path it was reached by.
 */
export async function expandPaths(paths: string[], options: ExpandOptions = {}): Promise<ExpandedPaths> {
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  const maxFiles = options.maxFiles ?? MAX_EXPANDED_FILES;
  const files: string[] = [];
  const skipped: SkippedPath[] = [];
  const seen = new Set<string>();
  const skip = (path: string, reason: SkipReason) =>
    skipped.push({ path, reason, message: `${path} was skipped: ${describe(reason, maxDepth, maxFiles)}` });
  const addFile = async (path: string): Promise<boolean> => {
    if (files.length >= maxFiles) {
      skip(path, 'too-many-files');
      return false;
    }
    let key = path;
    try {
      key = await realpath(path);
    } catch {
      // Vanished since it was listed: keep the path; reading it later reports it clearly.
    }
    if (!seen.has(key)) {
      seen.add(key);
      files.push(path);
    }
    return true;
  };

  outer: for (const given of paths) {
    const path = resolve(given);
    let stats: Stats;
    try {
      stats = await stat(path);
    } catch (err) {
      skip(path, reasonFor(err) ?? 'not-found');
      continue;
    }
    if (stats.isFile()) {
      if (!(await addFile(path))) break;
      continue;
    }
    if (!stats.isDirectory()) {
      skip(path, 'not-a-file');
      continue;
    }
    const walk = walkFiles(path, {
      maxDepth,
      followSymlinks: true,
      skip: (_path, name) => isIgnoredName(name),
      onProblem: (problemPath, reason) => skip(problemPath, reason),
    });
    for await (const entry of walk) {
      if (!(await addFile(entry.path))) break outer;
    }
  }
  return { files, skipped };
}
