import { watch, type FSWatcher } from 'chokidar';
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { AppError } from '../../../../../shared/errors';
import { isIgnoredInInbox, MAX_DEPTH, pathSegments } from './ignore-rules';
import { walkFiles } from './scan-paths';

/**
 * The watched inbox folder: reports every file a scanner, a sync client or the user puts into the
 * folder chosen in Settings, once, after it has stopped growing.
 *
 * What is watched: the folder and its subfolders (up to {@link MAX_DEPTH} levels), except hidden,
 * temporary and system files and folders (see ignore-rules.ts) and the top-level `processed/`
 * folder that {@link moveToProcessed} fills. A `failed/` folder is not special: files that could not
 * be imported stay where they are, so the user sees them.
 *
 * How a file is reported — one de-duplicating path for everything:
 * - Discovery: chokidar, started with `ignoreInitial: false`, so the files already there when
 *   watching starts (catch-up) arrive through the same `add` events as files that arrive later.
 *   chokidar subscribes to each folder before listing it and replays what happened during the
 *   listing, so the hand-over from the initial scan to live watching has no gap; anything reported
 *   twice by that overlap collapses in the pending table below. A periodic rescan
 *   (`rescanIntervalMs`) is the safety net for events the operating system dropped (an overflowing
 *   inotify queue, a network share that sends none) and feeds the same table.
 * - Settling: a pending table (path → last seen size and mtime) checked by one timer sweep — no
 *   timer or open file per file, stats issued in batches. A file is reported when its size and mtime
 *   have not changed for `stabilityMs` (and no write event arrived meanwhile). A file that vanishes
 *   before it settles is dropped silently. An empty file is never reported (Firefox, for one,
 *   creates an empty placeholder under the final name): its first write brings it back.
 * - De-duplication: the watcher remembers the size and mtime it reported for each path, and asks
 *   `isKnown(path, size, mtimeMs)` (the caller's job table) before reporting, so nothing imported
 *   in an earlier session or before an outage is reported again.
 *
 * What "new or replaced" means: a path reported before is reported again only when its size or
 * mtime differs from what was reported (rewritten, or another file renamed over it). Touching
 * nothing but the inode (a rename-over of an identical copy with the same mtime) is not a
 * replacement: inode numbers are not stable on every network file system. A file that is deleted is
 * forgotten, so a file that later appears under the same path is new — unless `isKnown` knows it.
 * While the folder itself is gone (unmounted share), nothing is forgotten: the same files coming
 * back are not new.
 *
 * When the folder is missing or unreachable: `onError` gets one AppError('WATCH_FOLDER_UNAVAILABLE')
 * per outage, watching stops, and the folder's existence is checked every `pollIntervalMs` until it
 * is back; then watching resumes with a catch-up scan. The same check runs while watching, which
 * also notices a folder replaced by another of the same name. Never a crash, never a busy loop.
 */

export const DEFAULT_POLL_INTERVAL_MS = 2_000;
export const DEFAULT_STABILITY_MS = 2_000;
export const DEFAULT_RESCAN_INTERVAL_MS = 60_000;
/** Lower bound for every interval, so a zero or tiny setting can never become a busy loop. */
const MIN_INTERVAL_MS = 20;
/** Stats issued at once by the sweep and the rescan. */
const STAT_BATCH = 64;

export type InboxStatus = 'starting' | 'watching' | 'unavailable' | 'closed';

export interface InboxWatcherOptions {
  /** The folder chosen in Settings. */
  folder: string;
  /** Stat polling instead of native events: for network shares and other file systems without events. */
  usePolling?: boolean;
  /** Polling period, and how often the folder's presence is checked (default 2 s). */
  pollIntervalMs?: number;
  /** How long size and mtime must stay unchanged before a file is reported (default 2 s). */
  stabilityMs?: number;
  /** Full rescan period as a safety net for lost events; 0 turns it off (default 60 s). */
  rescanIntervalMs?: number;
  /** A new or replaced file that has stopped growing. Errors it throws go to `onError`. */
  onFile(path: string): void | Promise<void>;
  onError(err: AppError): void;
  /** True if the caller already has this exact file (by path, size and mtime), e.g. in its job table. */
  isKnown?(path: string, size: number, mtimeMs: number): boolean | Promise<boolean>;
  /** Called when watching starts, stops because the folder is unavailable, or resumes. */
  onStatus?(status: InboxStatus): void;
}

export interface InboxWatcher {
  /**
   * Resolves once the first start attempt is over: the folder is being watched and the files
   * already in it are queued for reporting, or it is unavailable, reported through `onError`, and
   * being retried. Never rejects.
   */
  ready: Promise<void>;
  /** Stops everything; no `onFile` is called once it resolves. */
  close(): Promise<void>;
  readonly status: InboxStatus;
}

interface Signature {
  size: number;
  mtimeMs: number;
}

interface PendingFile {
  /** Last size and mtime seen; undefined until first looked at. */
  sig?: Signature;
  /** Signature already checked against `reported` / `isKnown`. */
  checked?: Signature;
  /** When `sig` was first seen. */
  since: number;
  /** When the sweep should look next. */
  due: number;
  looked: boolean;
  /** A write event arrived since the last look. */
  dirty: boolean;
}

interface ReportedFile extends Signature {
  at: number;
}

const now = () => performance.now();
const sigOf = (stats: Stats): Signature => ({ size: stats.size, mtimeMs: stats.mtimeMs });
const sameSig = (a: Signature | undefined, b: Signature | undefined) => !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs;
const errCode = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code;

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

function unavailable(folder: string, code: string | undefined, cause?: unknown): AppError {
  const resume = 'Shoebox will pick up files again as soon as it is back.';
  let message: string;
  switch (code) {
    case 'ENOENT':
      message = `The inbox folder ${folder} cannot be found. It may have been moved, renamed or deleted, or the drive or network share it is on is disconnected. ${resume}`;
      break;
    case 'EACCES':
    case 'EPERM':
      message = `Shoebox is not allowed to read the inbox folder ${folder}. Check its permissions. ${resume}`;
      break;
    case 'ENOTDIR':
      message = `The inbox folder ${folder} is not a folder. Choose a folder in Settings. ${resume}`;
      break;
    default:
      message = `The inbox folder ${folder} cannot be reached${code ? ` (${code})` : ''}. If it is on a network share, check the connection. ${resume}`;
  }
  return new AppError('WATCH_FOLDER_UNAVAILABLE', message, { folder, reason: code ?? 'unknown', ...(cause instanceof Error && { cause: cause.message }) });
}

/** True when `path` lies strictly below `dir`. */
function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !isAbsolute(rel) && pathSegments(rel)[0] !== '..';
}

export function createInboxWatcher(options: InboxWatcherOptions): InboxWatcher {
  const root = resolve(options.folder);
  const pollIntervalMs = Math.max(MIN_INTERVAL_MS, options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
  const stabilityMs = Math.max(0, options.stabilityMs ?? DEFAULT_STABILITY_MS);
  const rescanIntervalMs = options.rescanIntervalMs ?? DEFAULT_RESCAN_INTERVAL_MS;
  const tickMs = Math.min(250, Math.max(MIN_INTERVAL_MS, Math.round(stabilityMs / 4)));
  let usePolling = options.usePolling ?? false;

  const pending = new Map<string, PendingFile>();
  const reported = new Map<string, ReportedFile>();

  let status: InboxStatus = 'starting';
  let closed = false;
  /** Bumped whenever watching stops or restarts; work from an older generation is dropped. */
  let generation = 0;
  let watcher: FSWatcher | undefined;
  let identity: { dev: number; ino: number } | undefined;
  let stopWaiting: (() => void) | undefined;

  let sweepTimer: NodeJS.Timeout | undefined;
  let sweepRunning: Promise<void> | undefined;
  let healthTimer: NodeJS.Timeout | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let rescanTimer: NodeJS.Timeout | undefined;
  let rescanRunning: Promise<void> | undefined;
  let forgetTimer: NodeJS.Timeout | undefined;
  /** Deleted paths waiting to be forgotten → whether each was a folder. */
  const toForget = new Map<string, boolean>();

  let resolveReady!: () => void;
  const ready = new Promise<void>((res) => (resolveReady = res));

  const report = (err: AppError) => {
    if (closed) return;
    try {
      options.onError(err);
    } catch {
      // The caller's error handler failing must not stop the watcher.
    }
  };

  const setStatus = (next: InboxStatus) => {
    if (status === next) return;
    status = next;
    try {
      options.onStatus?.(next);
    } catch {
      // ignore
    }
  };

  // ---- the pending table and its sweep -------------------------------------------------------

  /** `fromEvent`: a write event (marks a file already pending as written to again). */
  const enqueue = (path: string, stats: Stats | undefined, fromEvent: boolean) => {
    if (closed) return;
    const existing = pending.get(path);
    if (existing) {
      if (fromEvent) existing.dirty = true;
      return;
    }
    const t = now();
    // chokidar lists with lstat: only a regular file's stats describe the file itself.
    const sig = stats?.isFile() ? sigOf(stats) : undefined;
    pending.set(path, { sig, since: t, due: t, looked: false, dirty: false });
    scheduleSweep();
  };

  const scheduleSweep = () => {
    if (closed || sweepTimer || sweepRunning || pending.size === 0) return;
    sweepTimer = setTimeout(() => {
      sweepTimer = undefined;
      sweepRunning = sweep()
        .catch((err: unknown) => report(asAppError(err, root)))
        .finally(() => {
          sweepRunning = undefined;
          scheduleSweep();
        });
    }, tickMs);
  };

  const sweep = async () => {
    const t = now();
    const due = [...pending].filter(([, entry]) => entry.due <= t);
    for (let i = 0; i < due.length && !closed; i += STAT_BATCH) {
      await Promise.all(due.slice(i, i + STAT_BATCH).map(([path, entry]) => check(path, entry)));
    }
  };

  /** Already reported in this form, or known to the caller. Remembers the caller's "known". */
  const isHandled = async (path: string, sig: Signature): Promise<boolean> => {
    if (sameSig(reported.get(path), sig)) return true;
    if (!options.isKnown) return false;
    try {
      if (await options.isKnown(path, sig.size, sig.mtimeMs)) {
        reported.set(path, { ...sig, at: now() });
        return true;
      }
    } catch (err) {
      report(
        new AppError('INTERNAL', `Shoebox could not check whether ${path} was imported before; it will be imported and checked for duplicates.`, {
          path,
          ...(err instanceof Error && { cause: err.message }),
        })
      );
    }
    return false;
  };

  const check = async (path: string, entry: PendingFile) => {
    const current = () => !closed && pending.get(path) === entry;
    let sig: Signature;
    if (!entry.looked && entry.sig) {
      sig = entry.sig; // first look with the stats the event carried
    } else {
      const stats = await statOrNull(path);
      if (!current()) return;
      if (!stats?.isFile()) {
        pending.delete(path); // gone before it settled, or not a file (a symlinked folder)
        return;
      }
      sig = sigOf(stats);
    }
    const t = now();

    if (!entry.looked) {
      entry.looked = true;
      if (!entry.sig) entry.since = t;
      entry.sig = sig;
      entry.due = entry.since + stabilityMs;
      entry.checked = sig;
      if ((await isHandled(path, sig)) && current() && !entry.dirty) pending.delete(path);
      return;
    }

    if (entry.dirty || !sameSig(sig, entry.sig)) {
      entry.dirty = false;
      entry.sig = sig;
      entry.since = t;
      entry.due = t + stabilityMs;
      return;
    }
    if (t - entry.since < stabilityMs) {
      entry.due = entry.since + stabilityMs;
      return;
    }

    // Settled.
    if (sig.size === 0) {
      pending.delete(path);
      return;
    }
    if (!sameSig(entry.checked, sig)) {
      entry.checked = sig;
      const handled = await isHandled(path, sig);
      if (!current()) return;
      if (entry.dirty) {
        entry.due = t; // written to while we asked: look again
        return;
      }
      if (handled) {
        pending.delete(path);
        return;
      }
    } else if (sameSig(reported.get(path), sig)) {
      pending.delete(path);
      return;
    }
    pending.delete(path);
    reported.set(path, { ...sig, at: now() });
    try {
      const result = options.onFile(path);
      if (result && typeof (result as Promise<void>).catch === 'function') {
        (result as Promise<void>).catch((err: unknown) => report(asAppError(err, path)));
      }
    } catch (err) {
      report(asAppError(err, path));
    }
  };

  const asAppError = (err: unknown, path: string) =>
    err instanceof AppError
      ? err
      : new AppError('INTERNAL', `Importing ${path} from the inbox failed`, { path, ...(err instanceof Error && { cause: err.message }) });

  // ---- deletions -------------------------------------------------------------------------------

  const dropPendingUnder = (dir: string) => {
    for (const path of pending.keys()) if (isInside(dir, path)) pending.delete(path);
  };

  /**
   * A deleted file is forgotten (so a new file under its name is new) — but only once the folder
   * itself is confirmed present: a share dropping out also makes every file "disappear".
   */
  const scheduleForget = (path: string, isDirectory: boolean) => {
    toForget.set(path, isDirectory);
    if (forgetTimer) return;
    const gen = generation;
    forgetTimer = setTimeout(async () => {
      forgetTimer = undefined;
      const paths = [...toForget];
      toForget.clear();
      const stats = await statOrNull(root);
      if (closed || gen !== generation || !stats?.isDirectory()) return;
      const dirs: string[] = [];
      for (const [path, isDirectory] of paths) {
        if (isDirectory) dirs.push(path);
        else reported.delete(path);
      }
      if (dirs.length > 0) {
        for (const known of reported.keys()) if (dirs.some((dir) => isInside(dir, known))) reported.delete(known);
      }
    }, MIN_INTERVAL_MS);
  };

  // ---- starting, stopping, and the folder's availability ---------------------------------------

  const clearTimer = (timer: NodeJS.Timeout | undefined) => timer && clearTimeout(timer);

  const stopWatching = async () => {
    generation++;
    stopWaiting?.();
    stopWaiting = undefined;
    for (const timer of [healthTimer, rescanTimer, forgetTimer, sweepTimer]) clearTimer(timer);
    healthTimer = rescanTimer = forgetTimer = sweepTimer = undefined;
    toForget.clear();
    pending.clear();
    const current = watcher;
    watcher = undefined;
    identity = undefined;
    await current?.close().catch(() => undefined);
  };

  const goUnavailable = async (code: string | undefined, cause?: unknown) => {
    if (closed) return;
    const first = status !== 'unavailable';
    setStatus('unavailable');
    await stopWatching();
    if (closed) return;
    if (first) report(unavailable(root, code, cause));
    clearTimer(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void safeStart();
    }, pollIntervalMs);
  };

  /** Why the folder cannot be watched, or undefined when it can. */
  const folderProblem = async (): Promise<{ code: string | undefined; cause?: unknown; stats?: Stats }> => {
    try {
      const stats = await stat(root);
      if (!stats.isDirectory()) return { code: 'ENOTDIR' };
      await access(root, constants.R_OK | constants.X_OK);
      return { code: undefined, stats };
    } catch (err) {
      return { code: errCode(err) ?? 'EIO', cause: err };
    }
  };

  const start = async (): Promise<void> => {
    if (closed) return;
    const gen = ++generation;
    const { code, cause, stats } = await folderProblem();
    if (closed || gen !== generation) return;
    if (code || !stats) return goUnavailable(code, cause);

    const resumed = reported.size > 0;
    const startedAt = now();
    /** After an outage: which remembered files the initial scan finds again (until `ready`). */
    let seen = resumed ? new Set<string>() : undefined;
    identity = { dev: stats.dev, ino: stats.ino };
    const w = watch(root, {
      ignoreInitial: false,
      followSymlinks: false,
      depth: MAX_DEPTH,
      atomic: false,
      awaitWriteFinish: false,
      persistent: true,
      ignored: (path: string) => isIgnoredInInbox(root, path),
      ...(usePolling ? { backend: 'polling' as const, pollingInterval: pollIntervalMs, pollingBinaryInterval: pollIntervalMs } : {}),
    });
    watcher = w;
    w.on('add', (path, fileStats) => {
      if (gen !== generation) return;
      seen?.add(path);
      enqueue(path, fileStats, true);
    });
    w.on('change', (path, fileStats) => gen === generation && enqueue(path, fileStats, true));
    w.on('unlink', (path) => {
      if (gen !== generation) return;
      pending.delete(path);
      scheduleForget(path, false);
    });
    w.on('unlinkDir', (path) => {
      if (gen !== generation || path === root) return; // the folder itself: the health check handles it
      dropPendingUnder(path);
      scheduleForget(path, true);
    });
    w.on('error', (err) => gen === generation && void onWatchError(err instanceof Error ? err : new Error(String(err))));
    scheduleHealthCheck(gen);

    await new Promise<void>((res) => {
      w.once('ready', () => res());
      stopWaiting = res;
    });
    if (closed || gen !== generation) return;
    stopWaiting = undefined;
    if (seen) {
      // Files reported before the outage that did not come back were deleted meanwhile.
      const found = seen;
      seen = undefined;
      for (const [path, file] of reported) if (!found.has(path) && file.at < startedAt) reported.delete(path);
    }
    setStatus('watching');
    scheduleRescan(gen);
  };

  /** start() never throws at the caller: an unexpected failure is reported and retried. */
  const safeStart = (): Promise<void> =>
    start().catch(async (err: unknown) => {
      report(new AppError('WATCH_FAILED', `Watching the inbox folder ${root} could not start: ${(err as Error)?.message ?? err}`, { folder: root }));
      await goUnavailable(errCode(err), err);
    });

  const scheduleHealthCheck = (gen: number) => {
    healthTimer = setTimeout(async () => {
      healthTimer = undefined;
      const { code, cause, stats } = await folderProblem();
      if (closed || gen !== generation) return;
      if (code || !stats) return goUnavailable(code, cause);
      if (identity && (stats.ino !== identity.ino || stats.dev !== identity.dev)) {
        // Replaced by another folder of the same name (or the share was remounted): start afresh.
        await stopWatching();
        return safeStart();
      }
      scheduleHealthCheck(gen);
    }, pollIntervalMs);
  };

  const onWatchError = async (err: Error) => {
    const code = errCode(err);
    if ((code === 'ENOSPC' || code === 'EMFILE') && !usePolling) {
      usePolling = true;
      report(
        new AppError(
          'WATCH_DEGRADED',
          `The system ran out of file watchers, so Shoebox now checks the inbox folder ${root} every ${pollIntervalMs / 1000} s instead.`,
          { folder: root, reason: code }
        )
      );
      await stopWatching();
      return safeStart();
    }
    const where = (err as NodeJS.ErrnoException).path;
    report(
      new AppError('WATCH_FAILED', `Watching the inbox folder ran into a problem${where ? ` with ${where}` : ''}: ${err.message}`, {
        folder: root,
        reason: code ?? 'unknown',
      })
    );
  };

  // ---- the safety-net rescan ------------------------------------------------------------------

  const scheduleRescan = (gen: number) => {
    if (rescanIntervalMs <= 0) return;
    rescanTimer = setTimeout(() => {
      rescanTimer = undefined;
      rescanRunning = rescan(gen)
        .catch((err: unknown) => report(asAppError(err, root)))
        .finally(() => {
          rescanRunning = undefined;
          if (!closed && gen === generation) scheduleRescan(gen);
        });
    }, Math.max(MIN_INTERVAL_MS, rescanIntervalMs));
  };

  const rescan = async (gen: number) => {
    const startedAt = now();
    const seen = new Set<string>();
    const walk = walkFiles(root, { maxDepth: MAX_DEPTH, followSymlinks: false, skip: (path) => isIgnoredInInbox(root, path) });
    for await (const { path, stats } of walk) {
      if (closed || gen !== generation) return;
      seen.add(path);
      if (pending.has(path) || sameSig(reported.get(path), sigOf(stats))) continue;
      enqueue(path, stats, false);
    }
    if (closed || gen !== generation) return;
    for (const [path, file] of reported) if (!seen.has(path) && file.at < startedAt) reported.delete(path);
  };

  // ---- lifecycle ----------------------------------------------------------------------------------

  const starting = safeStart().finally(resolveReady);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      closed = true;
      clearTimer(retryTimer);
      retryTimer = undefined;
      await stopWatching();
      setStatus('closed');
      resolveReady();
      await Promise.allSettled([starting, sweepRunning, rescanRunning]);
    })());

  return {
    ready,
    close,
    get status() {
      return status;
    },
  };
}
