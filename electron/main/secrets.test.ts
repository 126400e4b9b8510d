import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSecretStore, type SafeStorageLike } from './secrets';

/** Stands in for the operating system's keychain behind Electron's safeStorage: reversible, not plaintext. */
function keychain(available = true): SafeStorageLike {
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (text) => Buffer.concat([Buffer.from('v10'), flip(Buffer.from(text, 'utf8'))]),
    decryptStringAsync: async (blob) => {
      if (blob.subarray(0, 3).toString() !== 'v10') throw new Error('cannot decrypt');
      return { result: flip(blob.subarray(3)).toString('utf8'), shouldReEncrypt: false };
    },
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shoebox-secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('secret store', () => {
  it('keeps keys encrypted on disk and reads them back after a restart', async () => {
    const file = join(dir, 'secrets.json');
    const store = await openSecretStore({ file, safeStorage: keychain(), log: () => {} });
    store.set('ai.apiKey', 'sk-very-secret');
    await store.flush();
    expect(readFileSync(file, 'utf8')).not.toContain('sk-very-secret');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);

    const again = await openSecretStore({ file, safeStorage: keychain(), log: () => {} });
    expect(again.get('ai.apiKey')).toBe('sk-very-secret');
    again.delete('ai.apiKey');
    await again.flush();
    expect((await openSecretStore({ file, safeStorage: keychain(), log: () => {} })).get('ai.apiKey')).toBeNull();
  });

  it('refuses to store a key where the computer has no secure storage', async () => {
    const store = await openSecretStore({ file: join(dir, 's.json'), safeStorage: keychain(false), log: () => {} });
    expect(store.protection).toBe('unavailable');
    expect(() => store.set('sync.apiKey', 'x')).toThrow(expect.objectContaining({ code: 'SECRETS_UNAVAILABLE' }));
  });

  it('never writes a value to the log', async () => {
    const lines: string[] = [];
    const broken: SafeStorageLike = { ...keychain(), encryptStringAsync: async () => { throw new Error('keychain locked'); } };
    const store = await openSecretStore({ file: join(dir, 's.json'), safeStorage: broken, log: (m, e) => lines.push(`${m} ${String(e)}`) });
    store.set('sync.apiKey', 'top-secret-value');
    await expect(store.flush()).rejects.toThrow('keychain locked');
    expect(lines.join('\n')).not.toContain('top-secret-value');
  });

  it('refuses odd names', async () => {
    const store = await openSecretStore({ file: join(dir, 's.json'), safeStorage: keychain(), log: () => {} });
    expect(() => store.set('../etc/passwd', 'x')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
