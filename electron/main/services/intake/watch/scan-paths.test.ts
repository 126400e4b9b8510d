import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isIgnoredInInbox, isIgnoredName } from './ignore-rules';
import { expandPaths } from './scan-paths';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shoebox-scan-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const touch = (...parts: string[]) => {
  const path = join(dir, ...parts);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
  return path;
};

describe('ignore rules', () => {
  it('leaves out hidden, temporary and system names, and keeps ordinary ones', () => {
    for (const name of [
      '.DS_Store',
      '._receipt.pdf',
      'Thumbs.db',
      'DESKTOP.INI',
      '~$report.xlsx',
      'a.TMP',
      'b.part',
      'c.crdownload',
      'd.partial',
      'e.download',
      'f~',
      '.sb-4d2a-X1',
      'g.!sync',
      '.syncthing.h.pdf.tmp',
      '~syncthing~h.pdf.tmp',
      'i.filepart',
      '.~lock.j.odt#',
      'k.pdf:Zone.Identifier',
      '@eaDir',
      '$RECYCLE.BIN',
    ]) {
      expect(isIgnoredName(name), name).toBe(true);
    }
    for (const name of ['receipt.pdf', 'Scan 2026-03-01.JPG', 'invoice~final.pdf', 'part.pdf', 'tmp', 'report (2).pdf']) {
      expect(isIgnoredName(name), name).toBe(false);
    }
  });

  it('excludes the top-level processed/ folder but nothing else of that name, and never the root', () => {
    const root = join(dir, 'inbox');
    expect(isIgnoredInInbox(root, root)).toBe(false);
    expect(isIgnoredInInbox(root, join(root, 'processed'))).toBe(true);
    expect(isIgnoredInInbox(root, join(root, 'Processed', 'a.pdf'))).toBe(true);
    expect(isIgnoredInInbox(root, join(root, 'failed', 'a.pdf'))).toBe(false);
    expect(isIgnoredInInbox(root, join(root, 'sub', 'processed', 'a.pdf'))).toBe(false);
    expect(isIgnoredInInbox(root, join(root, '.git', 'a.pdf'))).toBe(true);
    expect(isIgnoredInInbox(join(dir, '.hidden-inbox'), join(dir, '.hidden-inbox', 'a.pdf'))).toBe(false);
    expect(isIgnoredInInbox(root, dir)).toBe(false);
  });
});

describe('expandPaths', () => {
  it('walks nested folders in a stable order, leaving out hidden and temporary files', async () => {
    const files = [touch('drop', 'b.pdf'), touch('drop', 'a', 'z.jpg'), touch('drop', 'a', 'y', 'x.png'), touch('drop', 'c.pdf')];
    touch('drop', '.DS_Store');
    touch('drop', '.git', 'config.pdf');
    touch('drop', 'a', 'half.pdf.part');
    touch('drop', 'Thumbs.db');
    const single = touch('single.pdf');
    const result = await expandPaths([single, join(dir, 'drop')]);
    expect(result.skipped).toEqual([]);
    expect(result.files).toEqual([single, files[2], files[1], files[0], files[3]]);
    expect(await expandPaths([join(dir, 'drop'), single])).toEqual({ files: [files[2], files[1], files[0], files[3], single], skipped: [] });
  });

  it('takes explicitly given files as they are, and lists each file once', async () => {
    const hidden = touch('.hidden.pdf');
    const inside = touch('drop', 'a.pdf');
    const result = await expandPaths([hidden, join(dir, 'drop'), inside, inside]);
    expect(result.files).toEqual([hidden, inside]);
  });

  it('guards against symlink loops and reports paths that do not exist', async () => {
    const real = touch('tree', 'sub', 'r.pdf');
    symlinkSync(join(dir, 'tree'), join(dir, 'tree', 'sub', 'loop'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'tree', 'dangling.pdf'));
    const result = await expandPaths([join(dir, 'tree'), join(dir, 'missing.pdf')]);
    expect(result.files).toEqual([real]);
    expect(result.skipped).toEqual([
      expect.objectContaining({ path: join(dir, 'tree', 'dangling.pdf'), reason: 'not-found' }),
      expect.objectContaining({ path: join(dir, 'tree', 'sub', 'loop'), reason: 'symlink-loop' }),
      expect.objectContaining({ path: join(dir, 'missing.pdf'), reason: 'not-found', message: expect.stringContaining('does not exist') }),
    ]);
  });

  it('follows a symlinked folder once, stops at the maximum depth and the maximum count', async () => {
    const deep = touch('d', '1', '2', '3', 'deep.pdf');
    const shallow = touch('d', '1', 'shallow.pdf');
    symlinkSync(join(dir, 'd', '1'), join(dir, 'link'));
    const linked = await expandPaths([join(dir, 'link')]);
    expect(linked.files).toEqual([join(dir, 'link', '2', '3', 'deep.pdf'), join(dir, 'link', 'shallow.pdf')]);

    const limited = await expandPaths([join(dir, 'd')], { maxDepth: 2 });
    expect(limited.files).toEqual([shallow]);
    expect(limited.skipped).toEqual([expect.objectContaining({ path: join(dir, 'd', '1', '2', '3'), reason: 'too-deep' })]);
    expect(deep).toBeTruthy();

    for (let i = 0; i < 5; i++) touch('many', `f${i}.pdf`);
    const capped = await expandPaths([join(dir, 'many')], { maxFiles: 3 });
    expect(capped.files).toHaveLength(3);
    expect(capped.skipped).toEqual([expect.objectContaining({ reason: 'too-many-files' })]);
  });
});
