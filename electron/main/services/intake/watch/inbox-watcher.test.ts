import { appendFileSync, existsSync, mkdirSync, readdirSync, mkdtempSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../../../shared/errors';
import { createInboxWatcher, type InboxStatus, type InboxWatcher, type InboxWatcherOptions } from './inbox-watcher';
import { moveToProcessed } from './processed';

// Real file system, real timers, short intervals. Every wait is for a condition with a deadline;
// the only fixed sleeps are the quiet periods that show something did NOT happen.
const STABILITY_MS = 250;
const POLL_MS = 60;
const QUIET_MS = STABILITY_MS * 3;

let dir: string;
let inbox: string;
let watchers: InboxWatcher[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shoebox-watch-'));
  inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  watchers = [];
});

afterEach(async () => {
  await Promise.all(watchers.map((w) => w.close()));
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

interface Report {
  path: string;
  size: number;
  at: number;
}

function start(overrides: Partial<InboxWatcherOptions> = {}) {
  const files: Report[] = [];
  const errors: AppError[] = [];
  const statuses: InboxStatus[] = [];
  const watcher = createInboxWatcher({
    folder: inbox,
    usePolling: false,
    pollIntervalMs: POLL_MS,
    stabilityMs: STABILITY_MS,
    rescanIntervalMs: 0,
    onFile: (path) => {
      let size = -1;
      try {
        size = statSync(path).size;
      } catch {
        // reported after it vanished: size stays -1 and the test notices
      }
      files.push({ path, size, at: Date.now() });
    },
    onError: (err) => errors.push(err),
    onStatus: (status) => statuses.push(status),
    ...overrides,
  });
  watchers.push(watcher);
  const paths = () => files.map((f) => f.path).sort();
  return { watcher, files, errors, statuses, paths };
}

const body = (n: number) => Buffer.alloc(n, 0x41);

describe('createInboxWatcher', () => {
  it('reports a file written slowly in chunks once, after the last chunk', async () => {
    const { watcher, files, paths } = start();
    await watcher.ready;
    const target = join(inbox, 'scan.pdf');
    writeFileSync(target, body(100));
    let lastWrite = 0;
    for (let i = 0; i < 5; i++) {
      await sleep(STABILITY_MS / 2);
      appendFileSync(target, body(100));
      lastWrite = Date.now();
    }
    await waitFor(() => files.length > 0, 'the report');
    await sleep(QUIET_MS);
    expect(paths()).toEqual([target]);
    expect(files[0]!.size).toBe(600);
    expect(files[0]!.at - lastWrite).toBeGreaterThanOrEqual(STABILITY_MS - 20);
  });

  it('reports a file renamed in from outside, and files inside a folder moved in', async () => {
    const { watcher, files, paths } = start();
    await watcher.ready;
    const outside = join(dir, 'outside.pdf');
    writeFileSync(outside, body(10));
    renameSync(outside, join(inbox, 'renamed.pdf'));
    const folder = join(dir, 'batch');
    mkdirSync(join(folder, 'inner'), { recursive: true });
    writeFileSync(join(folder, 'a.pdf'), body(5));
    writeFileSync(join(folder, 'inner', 'b.pdf'), body(5));
    writeFileSync(join(folder, '.DS_Store'), body(5));
    renameSync(folder, join(inbox, 'batch'));
    await waitFor(() => files.length >= 3, 'three reports');
    await sleep(QUIET_MS);
    expect(paths()).toEqual([join(inbox, 'batch', 'a.pdf'), join(inbox, 'batch', 'inner', 'b.pdf'), join(inbox, 'renamed.pdf')]);
  });

  it('ignores hidden, temporary and processed files, and reports a temp file once under its final name', async () => {
    const { watcher, files, paths } = start();
    await watcher.ready;
    const ignored = [
      '.hidden.pdf',
      '.DS_Store',
      'Thumbs.db',
      'desktop.ini',
      '~$invoice.docx',
      'upload.tmp',
      'receipt.pdf.part',
      'Unconfirmed 1234.crdownload',
      'doc.pdf.partial',
      'backup.pdf~',
      '.sb-1234-abcd',
      'photo.jpg.!sync',
      '.syncthing.scan.pdf.tmp',
      '~syncthing~scan.pdf.tmp',
    ];
    for (const name of ignored) writeFileSync(join(inbox, name), body(10));
    for (const sub of ['.git', 'processed', '@eaDir', 'download.tmp']) {
      mkdirSync(join(inbox, sub));
      writeFileSync(join(inbox, sub, 'looks-real.pdf'), body(10));
    }
    // A download arriving as a .part file and renamed when complete.
    const part = join(inbox, 'invoice.pdf.part');
    writeFileSync(part, body(50));
    await sleep(STABILITY_MS / 2);
    appendFileSync(part, body(50));
    renameSync(part, join(inbox, 'invoice.pdf'));
    await waitFor(() => files.length > 0, 'the renamed file');
    await sleep(QUIET_MS);
    expect(paths()).toEqual([join(inbox, 'invoice.pdf')]);
    expect(files[0]!.size).toBe(100);
  });

  it('reports a rewritten file again only when its size or mtime changed', async () => {
    const { watcher, files } = start();
    await watcher.ready;
    const target = join(inbox, 'receipt.jpg');
    const mtime = new Date('2026-01-15T10:00:00Z'); // whole seconds, so it can be set back exactly
    writeFileSync(target, body(10));
    utimesSync(target, mtime, mtime);
    await waitFor(() => files.length === 1, 'the first report');

    // Same bytes, same mtime: not a replacement.
    writeFileSync(target, body(10));
    utimesSync(target, mtime, mtime);
    await sleep(QUIET_MS);
    expect(files).toHaveLength(1);

    // New content: reported again.
    writeFileSync(target, body(20));
    await waitFor(() => files.length === 2, 'the second report');
    expect(files[1]!.size).toBe(20);

    // Deleted, then a file appears under the same name: new.
    unlinkSync(target);
    await sleep(STABILITY_MS);
    writeFileSync(target, body(30));
    await waitFor(() => files.length === 3, 'the report of the new file');
    await sleep(QUIET_MS);
    expect(files.map((f) => f.size)).toEqual([10, 20, 30]);
  });

  it('does not report a file deleted before it settles', async () => {
    const { watcher, files, paths } = start();
    await watcher.ready;
    const doomed = join(inbox, 'doomed.pdf');
    writeFileSync(doomed, body(10));
    await sleep(STABILITY_MS / 3);
    appendFileSync(doomed, body(10));
    unlinkSync(doomed);
    const control = join(inbox, 'control.pdf');
    writeFileSync(control, body(10));
    await waitFor(() => files.length > 0, 'the control file');
    await sleep(QUIET_MS);
    expect(paths()).toEqual([control]);
  });

  it('reports a burst of 1,000 files exactly once each', async () => {
    const { watcher, files } = start({ rescanIntervalMs: 300 });
    await watcher.ready;
    const names = Array.from({ length: 1000 }, (_, i) => `scan-${String(i).padStart(4, '0')}.jpg`);
    for (let i = 0; i < names.length; i += 100) {
      await Promise.all(names.slice(i, i + 100).map((name) => writeFile(join(inbox, name), body(64))));
    }
    // File descriptors stay flat: no open file or watch handle per pending file (Linux only).
    const fds = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0);
    const baseline = fds();
    let peak = baseline;
    await waitFor(() => {
      peak = Math.max(peak, fds());
      return files.length >= 1000;
    }, '1,000 reports', 20_000);
    await sleep(QUIET_MS + 300); // long enough for another rescan
    expect(peak - baseline).toBeLessThan(50);
    const reported = files.map((f) => f.path);
    expect(reported).toHaveLength(1000);
    expect(new Set(reported).size).toBe(1000);
    expect(files.every((f) => f.size === 64)).toBe(true);
  });

  it('catches up with files that arrived while it was not running, skipping known ones', async () => {
    mkdirSync(join(inbox, 'sub'));
    for (const name of ['a.pdf', 'b.pdf', join('sub', 'c.pdf'), 'known.pdf']) writeFileSync(join(inbox, name), body(10));
    const known = statSync(join(inbox, 'known.pdf'));
    const asked: string[] = [];
    const first = start({
      isKnown: async (path, size, mtimeMs) => {
        asked.push(path);
        return path === join(inbox, 'known.pdf') && size === known.size && mtimeMs === known.mtimeMs;
      },
    });
    await first.watcher.ready;
    await waitFor(() => first.files.length >= 3, 'the catch-up');
    await sleep(QUIET_MS);
    expect(first.paths()).toEqual([join(inbox, 'a.pdf'), join(inbox, 'b.pdf'), join(inbox, 'sub', 'c.pdf')]);
    expect(asked).toContain(join(inbox, 'known.pdf'));
    await first.watcher.close();

    // Next session: the job table knows what the first one imported; only the newcomer is reported.
    const jobTable = new Set([...first.files.map((f) => f.path), join(inbox, 'known.pdf')]);
    writeFileSync(join(inbox, 'new.pdf'), body(10));
    const second = start({ isKnown: (path) => jobTable.has(path) });
    await second.watcher.ready;
    await waitFor(() => second.files.length > 0, 'the newcomer');
    await sleep(QUIET_MS);
    expect(second.paths()).toEqual([join(inbox, 'new.pdf')]);
  });

  it('hands over from the initial scan to live watching without a gap or a double', async () => {
    const written: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing && i < 400; i++) {
        const path = join(inbox, `live-${String(i).padStart(3, '0')}.pdf`);
        await writeFile(path, body(32));
        written.push(path);
        await sleep(2);
      }
    })();
    await waitFor(() => written.length >= 30, 'files before the start');
    const { watcher, files } = start();
    await watcher.ready;
    const atReady = written.length;
    await waitFor(() => written.length >= atReady + 30, 'files after the start');
    writing = false;
    await writer;
    await waitFor(() => files.length >= written.length, `${written.length} reports`, 15_000);
    await sleep(QUIET_MS);
    const reported = files.map((f) => f.path).sort();
    expect(reported).toEqual([...written].sort());
  });

  it('works in polling mode', async () => {
    const { watcher, files, paths } = start({ usePolling: true });
    await watcher.ready;
    const slow = join(inbox, 'slow.pdf');
    writeFileSync(slow, body(100));
    for (let i = 0; i < 3; i++) {
      await sleep(STABILITY_MS / 2);
      appendFileSync(slow, body(100));
    }
    const outside = join(dir, 'outside.pdf');
    writeFileSync(outside, body(10));
    renameSync(outside, join(inbox, 'renamed.pdf'));
    writeFileSync(join(inbox, 'ignored.tmp'), body(10));
    await waitFor(() => files.length >= 2, 'two reports');
    await sleep(QUIET_MS);
    expect(paths()).toEqual([join(inbox, 'renamed.pdf'), slow]);
    expect(files.find((f) => f.path === slow)!.size).toBe(400);
  });

  it('finds files the live watching missed through the periodic rescan', async () => {
    // Polling once a minute: chokidar will not look again during this test, only the rescan does.
    const { watcher, files, paths } = start({ usePolling: true, pollIntervalMs: 60_000, rescanIntervalMs: 150 });
    await watcher.ready;
    mkdirSync(join(inbox, 'sub'));
    writeFileSync(join(inbox, 'sub', 'missed.pdf'), body(10));
    writeFileSync(join(inbox, 'missed.tmp'), body(10));
    await waitFor(() => files.length > 0, 'the rescan to find the file');
    await sleep(QUIET_MS);
    expect(paths()).toEqual([join(inbox, 'sub', 'missed.pdf')]);
  });

  it('reports the folder going missing, then resumes when it comes back', async () => {
    const { watcher, files, errors, statuses, paths } = start();
    await watcher.ready;
    writeFileSync(join(inbox, 'before.pdf'), body(10));
    await waitFor(() => files.length === 1, 'the first file');

    // The share drops out (the folder disappears with its files) and comes back unchanged.
    const away = join(dir, 'away');
    renameSync(inbox, away);
    await waitFor(() => errors.length > 0, 'the error');
    expect(errors[0]).toMatchObject({ code: 'WATCH_FOLDER_UNAVAILABLE', message: expect.stringContaining(inbox) });
    expect(watcher.status).toBe('unavailable');
    await sleep(POLL_MS * 4); // a few retries: still one error
    expect(errors).toHaveLength(1);
    renameSync(away, inbox);
    await waitFor(() => watcher.status === 'watching', 'watching again');
    writeFileSync(join(inbox, 'after.pdf'), body(10));
    await waitFor(() => files.length === 2, 'the file after the outage');

    // Deleted and re-created empty: reported, resumed, and a new file is picked up.
    rmSync(inbox, { recursive: true });
    await waitFor(() => errors.length === 2, 'the second error');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'recreated.pdf'), body(10));
    await waitFor(() => files.length === 3, 'the file in the re-created folder');
    await sleep(QUIET_MS);
    expect(paths()).toEqual([join(inbox, 'after.pdf'), join(inbox, 'before.pdf'), join(inbox, 'recreated.pdf')]);
    expect(errors.map((e) => e.code)).toEqual(['WATCH_FOLDER_UNAVAILABLE', 'WATCH_FOLDER_UNAVAILABLE']);
    expect(statuses).toEqual(['watching', 'unavailable', 'watching', 'unavailable', 'watching']);
  });

  it('starts on a missing folder without failing, and picks it up when it appears', async () => {
    rmSync(inbox, { recursive: true });
    const { watcher, files, errors } = start({ usePolling: true });
    await watcher.ready;
    expect(errors.map((e) => e.code)).toEqual(['WATCH_FOLDER_UNAVAILABLE']);
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'late.pdf'), body(10));
    await waitFor(() => files.length === 1, 'the file');
    expect(files[0]!.path).toBe(join(inbox, 'late.pdf'));
  });

  it('does not report a file again when it is moved to processed/, and stops reporting after close', async () => {
    const { watcher, files, errors } = start();
    await watcher.ready;
    mkdirSync(join(inbox, 'sub'));
    writeFileSync(join(inbox, 'sub', 'done.pdf'), body(10));
    await waitFor(() => files.length === 1, 'the file');
    const moved = await moveToProcessed(inbox, files[0]!.path);
    expect(moved).toBe(join(inbox, 'processed', 'sub', 'done.pdf'));
    await sleep(QUIET_MS);
    expect(files).toHaveLength(1);
    await watcher.close();
    writeFileSync(join(inbox, 'after-close.pdf'), body(10));
    await sleep(QUIET_MS);
    expect(files).toHaveLength(1);
    expect(errors).toEqual([]);
    expect(watcher.status).toBe('closed');
  });
});
