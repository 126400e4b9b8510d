import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pkg from '../../../package.json' with { type: 'json' };
import { openDatabase } from '../../../db/client';
import { purgeDeletedExpenses } from '../../../db/repositories/expenses';
import { seedDefaultCategories } from '../../../db/seed';
import { nowIso } from '../../../shared/domain/dates';
import type { Handlers } from '../dispatch';
import { defaultIdFactory, type ServiceContext } from './context';
import { ServiceEvents } from './events';
import { createHandlers } from './handlers';
import { createSettingsService } from './ledger/settings';

/** Stored secrets (API keys); Electron provides one backed by safeStorage. */
export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
}

export interface ServicesOptions {
  dataDir: string;
  migrationsFolder?: string;
  now?: () => Date;
  newId?: () => string;
  secrets?: SecretStore;
}

export interface Services {
  handlers: Handlers;
  events: ServiceEvents;
  context: ServiceContext;
  dataDir: string;
  databasePath: string;
  close(): void;
}

export const DATABASE_FILE = 'shoebox.sqlite';

/**
 * Everything behind the contract, with no Electron in sight: the app, the CLI, the browser
 * harness and the tests all start here.
 */
export function createServices(options: ServicesOptions): Services {
  mkdirSync(options.dataDir, { recursive: true });
  const databasePath = join(options.dataDir, DATABASE_FILE);
  const opened = openDatabase(databasePath, { migrationsFolder: options.migrationsFolder });
  const events = new ServiceEvents();
  const ctx: ServiceContext = {
    db: opened.db,
    sqlite: opened.sqlite,
    events,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? defaultIdFactory,
  };

  const at = nowIso(ctx.now());
  const trashDays = createSettingsService(ctx).get().trashDays;
  const cutoff = new Date(ctx.now().getTime() - trashDays * 86_400_000).toISOString();
  ctx.db.transaction((tx) => {
    seedDefaultCategories(tx, at, ctx.newId);
    purgeDeletedExpenses(tx, cutoff);
  });

  return {
    handlers: createHandlers(ctx, { version: pkg.version, dataDir: options.dataDir, databasePath }),
    events,
    context: ctx,
    dataDir: options.dataDir,
    databasePath,
    close: () => opened.close(),
  };
}
