import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveToProcessed } from './processed';

let dir: string;
let inbox: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shoebox-processed-'));
  inbox = join(dir, 'inbox');
  mkdirSync(inbox);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('moveToProcessed', () => {
  it('moves a file into processed/, keeping its subfolders', async () => {
    mkdirSync(join(inbox, '2026', 'march'), { recursive: true });
    const source = join(inbox, '2026', 'march', 'receipt.pdf');
    writeFileSync(source, 'march');
    const target = await moveToProcessed(inbox, source);
    expect(target).toBe(join(inbox, 'processed', '2026', 'march', 'receipt.pdf'));
    expect(readFileSync(target, 'utf8')).toBe('march');
    expect(existsSync(source)).toBe(false);
  });

  it('never overwrites: a taken name gets (2), (3)…', async () => {
    mkdirSync(join(inbox, 'processed'));
    writeFileSync(join(inbox, 'processed', 'scan.pdf'), 'older');
    writeFileSync(join(inbox, 'processed', 'scan (2).pdf'), 'older 2');
    writeFileSync(join(inbox, 'scan.pdf'), 'newest');
    const target = await moveToProcessed(inbox, join(inbox, 'scan.pdf'));
    expect(target).toBe(join(inbox, 'processed', 'scan (3).pdf'));
    expect(readFileSync(join(inbox, 'processed', 'scan.pdf'), 'utf8')).toBe('older');
    expect(readFileSync(join(inbox, 'processed', 'scan (2).pdf'), 'utf8')).toBe('older 2');
    expect(readFileSync(target, 'utf8')).toBe('newest');

    // Names without an extension, and many moves of the same name at once.
    const sources = Array.from({ length: 5 }, (_, i) => {
      mkdirSync(join(inbox, `batch${i}`));
      const path = join(inbox, `batch${i}`, 'README');
      writeFileSync(path, String(i));
      return path;
    });
    const moved = await Promise.all(sources.map((source) => moveToProcessed(inbox, source)));
    expect(new Set(moved).size).toBe(5);
    expect(moved[0]).toBe(join(inbox, 'processed', 'batch0', 'README'));
  });

  it('keeps every version when the same name is processed again and again', async () => {
    const source = join(inbox, 'daily.jpg');
    const targets: string[] = [];
    for (let i = 1; i <= 4; i++) {
      writeFileSync(source, `day ${i}`);
      targets.push(await moveToProcessed(inbox, source));
    }
    expect(targets.map((t) => t.slice(join(inbox, 'processed').length + 1))).toEqual(['daily.jpg', 'daily (2).jpg', 'daily (3).jpg', 'daily (4).jpg']);
    expect(targets.map((t) => readFileSync(t, 'utf8'))).toEqual(['day 1', 'day 2', 'day 3', 'day 4']);
  });

  it('falls back to copy and delete across devices, keeping the mtime', async (ctx) => {
    const shm = '/dev/shm';
    if (!existsSync(shm) || statSync(shm).dev === statSync(dir).dev) {
      ctx.skip();
      return;
    }
    const elsewhere = mkdtempSync(join(shm, 'shoebox-processed-'));
    try {
      symlinkSync(elsewhere, join(inbox, 'processed'));
      const source = join(inbox, 'far.pdf');
      writeFileSync(source, 'across');
      const mtime = new Date('2026-02-01T12:00:00Z');
      utimesSync(source, mtime, mtime);
      writeFileSync(join(elsewhere, 'far.pdf'), 'already there');
      const target = await moveToProcessed(inbox, source);
      expect(target).toBe(join(inbox, 'processed', 'far (2).pdf'));
      expect(readFileSync(join(elsewhere, 'far (2).pdf'), 'utf8')).toBe('across');
      expect(readFileSync(join(elsewhere, 'far.pdf'), 'utf8')).toBe('already there');
      expect(statSync(target).mtime.getTime()).toBe(mtime.getTime());
      expect(existsSync(source)).toBe(false);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('leaves the file in place and says why when it cannot move it', async () => {
    await expect(moveToProcessed(inbox, join(inbox, 'gone.pdf'))).rejects.toMatchObject({
      code: 'MOVE_FAILED',
      message: expect.stringContaining('the file is gone'),
    });
    expect(existsSync(join(inbox, 'processed'))).toBe(false);
    await expect(moveToProcessed(inbox, join(dir, 'outside.pdf'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    // processed/ blocked by a file of that name: the original stays, no placeholder is left.
    writeFileSync(join(inbox, 'processed'), 'not a folder');
    const source = join(inbox, 'stays.pdf');
    writeFileSync(source, 'keep me');
    await expect(moveToProcessed(inbox, source)).rejects.toMatchObject({ code: 'MOVE_FAILED' });
    expect(readFileSync(source, 'utf8')).toBe('keep me');
    expect(readdirSync(inbox).sort()).toEqual(['processed', 'stays.pdf']);
  });
});
