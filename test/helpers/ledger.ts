import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, Output, ProcedureName } from '../../shared/contract';
import { toErrorData, type ErrorData } from '../../shared/errors';
import { dispatch } from '../../electron/main/dispatch';
import { createServices, type Services, type ServicesOptions } from '../../electron/main/services';

export interface TestLedger {
  dir: string;
  services: Services;
  /** Calls a procedure through the contract, exactly as the IPC adapter does. */
  call<K extends ProcedureName>(name: K, input: Input<K>): Promise<Output<K>>;
  /** Calls a procedure that must fail, and answers its error data. */
  fail(name: string, input: unknown): Promise<ErrorData>;
  /** Row count of a table, to prove that a refused change wrote nothing. */
  count(table: string): number;
  reopen(options?: Partial<ServicesOptions>): TestLedger;
  close(): void;
}

function open(dir: string, options: Partial<ServicesOptions>): TestLedger {
  const services = createServices({ dataDir: dir, ...options });
  const ledger: TestLedger = {
    dir,
    services,
    call: (name, input) => dispatch(services.handlers, name, input) as never,
    async fail(name, input) {
      try {
        await dispatch(services.handlers, name, input);
      } catch (err) {
        return toErrorData(err);
      }
      throw new Error(`${name} was expected to fail but succeeded`);
    },
    count: (table) => (services.context.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    reopen(more = {}) {
      services.close();
      return open(dir, { ...options, ...more });
    },
    close() {
      services.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return ledger;
}

/** A fresh ledger in its own temp folder: a real SQLite file, real migrations, real services. */
export function openTestLedger(options: Partial<ServicesOptions> = {}): TestLedger {
  return open(mkdtempSync(join(tmpdir(), 'shoebox-test-')), options);
}
