import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashFile, storeOriginal } from './content-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shoebox-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('content store', () => {
  it('copies an original under its content hash, once', async () => {
    const content = Buffer.from('%PDF-1.4 a receipt');
    const sha = createHash('sha256').update(content).digest('hex');
    const a = join(dir, 'a.pdf');
    const b = join(dir, 'copy of a.pdf');
    writeFileSync(a, content);
    writeFileSync(b, content);

    const first = await storeOriginal(join(dir, 'data'), a, 'pdf');
    expect(first).toEqual({ sha256: sha, storedPath: `files/${sha.slice(0, 2)}/${sha}.pdf`, size: content.length });
    expect(readFileSync(join(dir, 'data', first.storedPath))).toEqual(content);
    expect(await storeOriginal(join(dir, 'data'), b, 'pdf')).toEqual(first);
    expect(readdirSync(join(dir, 'data', 'files', 'tmp'))).toEqual([]);
    expect(await hashFile(a)).toBe(sha);
    expect(readFileSync(a)).toEqual(content);
  });

  it('leaves nothing behind when the source cannot be read', async () => {
    await expect(storeOriginal(join(dir, 'data'), join(dir, 'missing.pdf'), 'pdf')).rejects.toThrow();
    expect(readdirSync(join(dir, 'data', 'files', 'tmp'))).toEqual([]);
    expect(existsSync(join(dir, 'data', 'files', 'e3'))).toBe(false);
  });
});
