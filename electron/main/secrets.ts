import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors';
import type { SecretStore } from './services';

export type { SecretStore };

/**
 * Secrets (API keys for the AI and sync features) encrypted with Electron's safeStorage and kept
 * in one JSON file in the data folder. Services receive a SecretStore and never import electron;
 * this module does not import it either: the caller passes electron's `safeStorage`.
 *
 * Electron 45 deprecates the synchronous safeStorage calls (and later versions drop them), so
 * this store uses the asynchronous ones: every secret is decrypted once when the store opens,
 * reads are then answered from memory, and writes are encrypted and saved in the background,
 * in order. `flush()` waits for them. Values are never logged, only names.
 */

/** The part of electron's safeStorage this store uses. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend?(): string;
}

/**
 * 'os': protected by the OS keychain / DPAPI / a Linux secret service.
 * 'weak': Linux without a secret service; Electron encrypts with a fixed password, so the file is
 *   obfuscated, not protected (the settings screen should say so).
 * 'unavailable': nothing can be stored; set() throws SECRETS_UNAVAILABLE.
 */
export type SecretProtection = 'os' | 'weak' | 'unavailable';

export interface EncryptedSecretStore extends SecretStore {
  readonly protection: SecretProtection;
  /** Names of the stored secrets (never the values). */
  names(): string[];
  /** Resolves once every change so far is on disk; rejects if the last write failed. */
  flush(): Promise<void>;
}

export interface OpenSecretStoreOptions {
  file: string;
  safeStorage: SafeStorageLike;
  platform?: NodeJS.Platform;
  log?: (message: string, err?: unknown) => void;
}

interface SecretsFile {
  version: 1;
  /** name -> base64 of safeStorage's ciphertext */
  secrets: Record<string, string>;
}

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function checkName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    throw new AppError('VALIDATION_FAILED', 'A secret name is 1-100 letters, digits, dots, dashes or underscores', { name: String(name) });
  }
}

async function readSecretsFile(file: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
  const parsed = JSON.parse(text) as Partial<SecretsFile>;
  const out: Record<string, string> = {};
  if (parsed && typeof parsed.secrets === 'object' && parsed.secrets !== null) {
    for (const [name, blob] of Object.entries(parsed.secrets)) {
      if (typeof blob === 'string' && NAME_PATTERN.test(name)) out[name] = blob;
    }
  }
  return out;
}

async function writeSecretsFile(file: string, secrets: Record<string, string>): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const body: SecretsFile = { version: 1, secrets };
  const tmp = `${file}.tmp`;
  await writeFile(tmp, `${JSON.stringify(body, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
  await rename(tmp, file);
}

/** Opens the store; call after app 'ready' (safeStorage needs it). */
export async function openSecretStore(options: OpenSecretStoreOptions): Promise<EncryptedSecretStore> {
  const { file, safeStorage } = options;
  const platform = options.platform ?? process.platform;
  const log = options.log ?? ((message: string, err?: unknown) => console.warn(`[shoebox] ${message}`, err instanceof Error ? err.message : ''));

  let protection: SecretProtection = 'unavailable';
  try {
    if (await safeStorage.isAsyncEncryptionAvailable()) {
      const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
      protection = backend === 'basic_text' ? 'weak' : 'os';
    }
  } catch (err) {
    log('Secure storage could not be initialised', err);
  }

  /** Ciphertext as it is (or will be) on disk, including entries this session cannot decrypt. */
  let encrypted: Record<string, string> = {};
  const plain = new Map<string, string>();
  try {
    encrypted = await readSecretsFile(file);
  } catch (err) {
    log(`The secrets file ${file} could not be read; starting without stored secrets`, err);
  }

  const reEncrypt: string[] = [];
  if (protection !== 'unavailable') {
    for (const [name, blob] of Object.entries(encrypted)) {
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(blob, 'base64'));
        plain.set(name, result);
        if (shouldReEncrypt) reEncrypt.push(name);
      } catch (err) {
        // Kept on disk untouched (e.g. the keychain is locked right now); set() replaces it.
        log(`The stored secret "${name}" could not be decrypted`, err);
      }
    }
  }

  let queue: Promise<void> = Promise.resolve();
  let lastError: unknown = null;
  const enqueue = (op: () => Promise<void>) => {
    queue = queue
      .then(op)
      .then(() => {
        lastError = null;
      })
      .catch((err: unknown) => {
        lastError = err;
        log('A secret could not be saved', err);
      });
  };
  const persist = () => writeSecretsFile(file, { ...encrypted });

  const store: EncryptedSecretStore = {
    protection,
    get(name) {
      checkName(name);
      return plain.get(name) ?? null;
    },
    set(name, value) {
      checkName(name);
      if (typeof value !== 'string') throw new AppError('VALIDATION_FAILED', 'A secret must be text', { name });
      if (protection === 'unavailable') {
        throw new AppError(
          'SECRETS_UNAVAILABLE',
          'This computer offers no secure storage for keys, so Shoebox cannot save it.',
          { name }
        );
      }
      plain.set(name, value);
      enqueue(async () => {
        encrypted[name] = (await safeStorage.encryptStringAsync(value)).toString('base64');
        await persist();
      });
    },
    delete(name) {
      checkName(name);
      const known = plain.delete(name) || Object.hasOwn(encrypted, name);
      if (!known) return;
      enqueue(async () => {
        delete encrypted[name];
        await persist();
      });
    },
    names() {
      return [...plain.keys()].sort();
    },
    async flush() {
      await queue;
      if (lastError) throw lastError;
    },
  };

  for (const name of reEncrypt) {
    const value = plain.get(name);
    if (value !== undefined) store.set(name, value);
  }
  return store;
}
